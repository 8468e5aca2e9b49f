import YearbookCore

/// Everything loaded from `Content/`, validated: the input of rendering.
public struct Site: Sendable, Hashable {
  public var config: SiteConfig
  /// Newest first (by date, then folder name), which is the order readers see.
  public var reports: [Report]
  /// Files under `Content/assets/`, as paths relative to it, sorted.
  public var assets: [ContentPath]
  /// Tables from `Content/data/`, by file name.
  public var datasets: [Dataset] = []
  /// What the checks before publishing found in front matter, which the loader reads;
  /// reported by the check step with the rest.
  public var frontMatterFindings: [Diagnostic] = []
  /// Absolute path of `Content/`, where assets are copied from when the site is written.
  public var contentDirectory: String

  public init(config: SiteConfig, reports: [Report], assets: [ContentPath] = [], contentDirectory: String = "") {
    self.config = config
    self.reports = reports
    self.assets = assets
    self.contentDirectory = contentDirectory
  }

  public var articles: [Article] { reports.flatMap(\.articles) }

  /// Each article with the portal files made from it; none when the site opted out.
  package var articlePortalFiles: [(article: Article, files: [OutputPath])] {
    config.portalFiles ? articles.map { ($0, $0.portalFiles) } : []
  }

  /// The article written in `contentPath` (`2024/talent.md`), found in its report alone.
  public func article(at contentPath: ContentPath) -> Article? {
    let report = contentPath.firstComponent
    return reports.first { $0.id == report }?.articles.first { $0.markdown.contentPath == contentPath }
  }
}
