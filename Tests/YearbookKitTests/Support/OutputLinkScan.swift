import Foundation

@testable import YearbookBuild
@testable import YearbookCharts
@testable import YearbookCore
@testable import YearbookIndex
@testable import YearbookKit
@testable import YearbookLoad
@testable import YearbookMarkdown
@testable import YearbookModel
@testable import YearbookPortal
@testable import YearbookPreview
@testable import YearbookRender

/// A second opinion on links, independent of the site index: reads every HTML file of a
/// built site and resolves each internal `href` and `src` against the files and ids that
/// are really there. The build checks links against the index; tests compare the two.
enum OutputLinkScan {
  static func problems(in files: [String: Data], basePath: String = "/") -> [String] {
    var tags: [String: [HTMLScanner.Tag]] = [:]
    for (path, data) in files where path.hasSuffix(".html") {
      tags[path] = HTMLScanner.tags(in: String(decoding: data, as: UTF8.self))
    }
    let ids = tags.mapValues { Set($0.compactMap { $0.attributes["id"] }) }
    var problems: [String] = []
    for (page, pageTags) in tags.sorted(by: { $0.key < $1.key }) {
      for tag in pageTags {
        if tag.name == "img" && tag.attributes["alt"] == nil { problems.append("\(page): img without alt") }
        for attribute in ["href", "src"] {
          guard let url = tag.attributes[attribute] else { continue }
          if let problem = problem(url, on: page, files: files, ids: ids, basePath: basePath) {
            problems.append("\(page) line \(tag.line): \(problem)")
          }
        }
      }
    }
    return problems
  }

  private static func problem(
    _ url: String, on page: String, files: [String: Data], ids: [String: Set<String>], basePath: String
  ) -> String? {
    if url.hasPrefix("//") || LinkTargets.hasScheme(url) {
      return url.lowercased().hasPrefix("javascript:") ? url : nil
    }
    let fragmentStart = url.firstIndex(of: "#")
    var path = String(url[..<(fragmentStart ?? url.endIndex)])
    path = path.removingPercentEncoding ?? path
    var target = page
    if !path.isEmpty {
      guard path.hasPrefix(basePath) else { return "\(url) is outside \(basePath)" }
      target = SitePath(String(path.dropFirst(basePath.count))).outputPath.value
      if files[target] == nil, files[target + "/index.html"] != nil { target += "/index.html" }
    }
    guard files[target] != nil else { return "\(url) has no file" }
    if let fragmentStart {
      let fragment = String(url[url.index(after: fragmentStart)...])
      let id = fragment.removingPercentEncoding ?? fragment
      if !id.isEmpty && ids[target]?.contains(id) != true { return "\(url): no id \(id) on \(target)" }
    }
    return nil
  }
}
