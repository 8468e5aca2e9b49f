import Foundation

/// Checks the finished site before it is written: every internal `href` and `src` names a
/// file of the output, every `#fragment` an id on its page, every image has `alt`.
/// Runs on the rendered files in memory, so `check` needs no output folder.
public struct LinkChecker: Sendable {
  public let baseURL: BaseURL
  /// Output path → the file it was made from, for messages (`Content/2024/a.md`).
  public let sources: [String: String]

  public init(baseURL: BaseURL, sources: [String: String] = [:]) {
    self.baseURL = baseURL
    self.sources = sources
  }

  public struct Report: Sendable {
    public var diagnostics: [Diagnostic]
    public var linksChecked: Int
  }

  public func check(_ files: [OutputFile]) -> Report {
    var pages: [String: [HTMLScanner.Tag]] = [:]
    let paths = Set(files.map(\.path))
    for file in files where file.path.hasSuffix(".html") {
      if case .text(let html) = file.content { pages[file.path] = HTMLScanner.tags(in: html) }
    }
    var ids: [String: Set<String>] = [:]
    for (path, tags) in pages {
      ids[path] = Set(tags.compactMap { $0.attributes["id"] })
    }
    var diagnostics: [Diagnostic] = []
    var count = 0
    for (page, tags) in pages.sorted(by: { $0.key < $1.key }) {
      let origin = sources[page] ?? "Templates"
      for tag in tags {
        if tag.name == "img" && tag.attributes["alt"] == nil {
          diagnostics.append(
            .error("an image on \(page) (line \(tag.line)) has no alt text", at: SourceLocation(file: origin)))
        }
        for attribute in ["href", "src"] {
          guard let url = tag.attributes[attribute], tag.name != "base" else { continue }
          count += 1
          if let problem = problem(with: url, on: page, paths: paths, ids: ids) {
            diagnostics.append(
              .error(
                "\(problem) (\(tag.name) \(attribute) on \(page), line \(tag.line))", at: SourceLocation(file: origin)))
          }
        }
      }
    }
    return Report(diagnostics: diagnostics, linksChecked: count)
  }

  /// nil when `url` resolves; external and `mailto:` links are not followed.
  func problem(with url: String, on page: String, paths: Set<String>, ids: [String: Set<String>]) -> String? {
    if url.isEmpty { return "empty link" }
    if url.lowercased().hasPrefix("javascript:") { return "javascript: link" }
    if url.hasPrefix("//") || LinkTargets.hasScheme(url) { return nil }
    let fragmentStart = url.firstIndex(of: "#")
    let fragment = fragmentStart.map { String(url[url.index(after: $0)...]) }
    var path = String(url[..<(fragmentStart ?? url.endIndex)])
    if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
    path = path.removingPercentEncoding ?? path
    let target: String
    if path.isEmpty {
      target = page
    } else if path.hasPrefix("/") {
      guard path.hasPrefix(baseURL.path) else { return "link \(url) is outside the site's base path \(baseURL.path)" }
      target = String(path.dropFirst(baseURL.path.count))
    } else {
      guard let joined = LinkTargets.join(directory: LinkTargets.directory(of: page), path) else {
        return "link \(url) leaves the site"
      }
      target = joined.isEmpty ? "" : joined + (path.hasSuffix("/") ? "/" : "")
    }
    let file = target.isEmpty || target.hasSuffix("/") ? target + "index.html" : target
    let resolved = paths.contains(file) ? file : (paths.contains(file + "/index.html") ? file + "/index.html" : nil)
    guard let resolved else { return "link \(url) has no target in the output" }
    if let fragment, !fragment.isEmpty {
      let decoded = fragment.removingPercentEncoding ?? fragment
      guard ids[resolved]?.contains(decoded) == true else {
        return "link \(url) names #\(decoded), which is not on \(resolved)"
      }
    }
    return nil
  }
}
