import Foundation
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookModel

/// Every page and file a link in the content may point at. An editor links articles the
/// way their editor previews them, by relative `.md` path; the site needs page URLs.
public struct LinkTargets: Sendable {
  public enum Resolution: Equatable, Sendable {
    case unchanged
    case rewritten(String)
    /// A link to another document's page (`talent.md`): the URL and the document's path.
    case page(String, document: ContentPath)
    /// A link to a heading or chart of a page (`talent.md#主要成效`, `#成效`): its
    /// fragment is checked once every page's headings are known.
    case fragment(String, document: ContentPath, id: String)
    case missing(Message)
  }

  public var baseURL: BaseURL
  /// `2024/platforms.md` → `2024/platforms/`
  public var pages: [ContentPath: SitePath]
  /// `assets/logo.svg`
  public var files: Set<ContentPath>
  /// Every output file of the site, for links written from the site root (`/data/`);
  /// nil leaves them unchecked.
  public var outputPaths: Set<OutputPath>?
  /// Path prefixes that belong to the host portal (`/col/`, `/art/`): links under them
  /// are left as written and not checked.
  public var portalPaths: [String] = []

  public init(
    baseURL: BaseURL, pages: [ContentPath: SitePath], files: Set<ContentPath>, outputPaths: Set<OutputPath>? = nil
  ) {
    self.baseURL = baseURL
    self.pages = pages
    self.files = files
    self.outputPaths = outputPaths
  }

  public init(index: SiteIndex) {
    var pages: [ContentPath: SitePath] = [:]
    for report in index.site.reports {
      pages[report.markdown.contentPath] = report.sitePath
      for article in report.articles {
        pages[article.markdown.contentPath] = article.sitePath
      }
    }
    self.init(
      baseURL: index.site.config.baseURL, pages: pages, files: Set(index.site.assets), outputPaths: index.outputPaths)
    portalPaths = index.site.config.portalPaths
  }

  /// `from` is the linking file's path below `Content/`.
  public func resolve(_ url: String, from contentPath: ContentPath) -> Resolution {
    if url.hasPrefix("#") && url.count > 1 {
      let id = String(url.dropFirst())
      return .fragment(url, document: contentPath, id: LinkTargets.decoded(id))
    }
    if url.isEmpty || url.hasPrefix("#") || url.hasPrefix("//") || LinkTargets.hasScheme(url) {
      return .unchanged
    }
    let suffixStart = url.firstIndex { $0 == "#" || $0 == "?" } ?? url.endIndex
    let suffix = String(url[suffixStart...])
    let path = String(url[..<suffixStart])
    let rawPath = LinkTargets.decoded(path)
    if rawPath.hasPrefix("/") {
      if portalPaths.contains(where: { rawPath.hasPrefix($0) }) { return .unchanged }
      let sitePath = SitePath(String(rawPath.dropFirst()))
      if let outputPaths, !outputPaths.serves(sitePath) {
        let prefix = rawPath.split(separator: "/").first.map { "/\($0)/" } ?? "/"
        return .missing(.linkNotOnSite(rawPath, prefix: prefix))
      }
      return .rewritten(baseURL.path + sitePath.value + suffix)
    }
    guard let path = LinkTargets.join(directory: LinkTargets.directory(of: contentPath.value), rawPath) else {
      return .missing(.linkOutsideContent(url))
    }
    if rawPath.hasSuffix(".md") || rawPath.hasSuffix("/") && pages[ContentPath("\(path)/_index.md")] != nil {
      let key = ContentPath(rawPath.hasSuffix(".md") ? path : "\(path)/_index.md")
      guard let page = pages[key] else {
        return .missing(.linkToMissingArticle(rawPath, file: path))
      }
      let target = baseURL.link(page) + suffix
      if suffix.hasPrefix("#") && suffix.count > 1 {
        let id = String(suffix.dropFirst())
        return .fragment(target, document: key, id: LinkTargets.decoded(id))
      }
      return .page(target, document: key)
    }
    if files.contains(ContentPath(path)) {
      return .rewritten(baseURL.link(SitePaths.asset(ContentPath(path))) + suffix)
    }
    return .missing(.linkTargetMissing(rawPath, file: path))
  }

  /// `%E4%B8%BB` → `主`; text without `%` is returned as it is, without Foundation.
  package static func decoded(_ text: String) -> String {
    text.utf8.contains(0x25) ? text.removingPercentEncoding ?? text : text
  }

  package static func hasScheme(_ url: String) -> Bool {
    guard let colon = url.firstIndex(of: ":") else { return false }
    let scheme = url[..<colon]
    guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
    return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
  }

  package static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[..<slash])
  }

  /// Joins and normalises `.` and `..`; nil when the result would leave `Content/`.
  package static func join(directory: String, _ relative: String) -> String? {
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
