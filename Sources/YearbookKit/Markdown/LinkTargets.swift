import Foundation

/// Every page and file a link in the content may point at. An editor links articles the
/// way their editor previews them, by relative `.md` path; the site needs page URLs.
public struct LinkTargets: Sendable {
  public enum Resolution: Equatable, Sendable {
    case unchanged
    case rewritten(String)
    case missing(String)
  }

  public var baseURL: BaseURL
  /// `2024/platforms.md` → `2024/platforms/`
  public var pages: [String: String]
  /// `assets/logo.svg`
  public var files: Set<String>

  public init(baseURL: BaseURL, pages: [String: String], files: Set<String>) {
    self.baseURL = baseURL
    self.pages = pages
    self.files = files
  }

  public init(site: Site) {
    var pages: [String: String] = [:]
    for report in site.reports {
      pages[report.markdown.contentPath] = report.sitePath
      for article in report.articles {
        pages[article.markdown.contentPath] = article.sitePath
      }
    }
    self.init(baseURL: site.config.baseURL, pages: pages, files: Set(site.assets))
  }

  /// `from` is the linking file's path below `Content/`.
  public func resolve(_ url: String, from contentPath: String) -> Resolution {
    if url.isEmpty || url.hasPrefix("#") || url.hasPrefix("//") || LinkTargets.hasScheme(url) {
      return .unchanged
    }
    let suffixStart = url.firstIndex { $0 == "#" || $0 == "?" } ?? url.endIndex
    let suffix = String(url[suffixStart...])
    let rawPath = String(url[..<suffixStart]).removingPercentEncoding ?? String(url[..<suffixStart])
    if rawPath.hasPrefix("/") {
      return .rewritten(baseURL.path + String(rawPath.dropFirst()) + suffix)
    }
    guard let path = LinkTargets.join(directory: LinkTargets.directory(of: contentPath), rawPath) else {
      return .missing("link \"\(url)\" points outside Content/")
    }
    if rawPath.hasSuffix(".md") || rawPath.hasSuffix("/") && pages["\(path)/_index.md"] != nil {
      let key = rawPath.hasSuffix(".md") ? path : "\(path)/_index.md"
      guard let page = pages[key] else {
        return .missing("link to a missing article \"\(rawPath)\" (no file Content/\(path))")
      }
      return .rewritten(baseURL.link(page) + suffix)
    }
    if files.contains(path) {
      return .rewritten(baseURL.link(path) + suffix)
    }
    return .missing(
      "link target \"\(rawPath)\" not found (no file Content/\(path); files for links go in Content/assets/)")
  }

  static func hasScheme(_ url: String) -> Bool {
    guard let colon = url.firstIndex(of: ":") else { return false }
    let scheme = url[..<colon]
    guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
    return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
  }

  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[..<slash])
  }

  /// Joins and normalises `.` and `..`; nil when the result would leave `Content/`.
  static func join(directory: String, _ relative: String) -> String? {
    var parts = directory.split(separator: "/").map(String.init)
    for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
      switch part {
      case ".": continue
      case "..":
        if parts.isEmpty { return nil }
        parts.removeLast()
      default: parts.append(String(part))
      }
    }
    return parts.joined(separator: "/")
  }
}
