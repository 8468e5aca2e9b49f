import YearbookCore
import YearbookModel

/// Every page and file of the site, built once after loading: URLs (from `SitePaths`),
/// which template renders each page, tag membership and pagination, and the files copied
/// as they are. List pages, the sitemap, the feed, link checking and the dependency graph
/// all read it instead of walking the reports themselves.
public struct SiteIndex: Sendable {
  public private(set) var site: Site
  public let pages: [Page]
  /// Tags of all articles, most used first.
  public private(set) var tags: [Tag]
  /// Every tag spelling written in front matter, to its tag's slug.
  public let tagSlugs: [String: String]
  /// Files copied unchanged: content assets and the theme's static files.
  public let copies: [OutputFile]
  /// Every file of the output (pages and files).
  public let outputPaths: Set<OutputPath>
  /// Problems with the site's shape: two pages or files claiming one output path.
  public let diagnostics: [Diagnostic]
  /// The page of each Markdown file, by its path under `Content/`.
  package let pageOfDocument: [ContentPath: Int]

  public struct Page: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
      case home
      case report(Int)
      /// Report index and article index within it.
      case article(Int, Int)
      case tags
      /// Tag index and page number (from 1).
      case tag(Int, page: Int)
      case data
      case notFound
      case feed
      case sitemap
      case datasetCSV(Int)
      /// A report's page without the site's chrome, for an iframe.
      case reportEmbed(Int)
      /// A report with all its articles on one page, for printing.
      case print(Int)
      /// The site's search page.
      case search
    }

    public var kind: Kind
    /// `2024/platforms/`; `BaseURL.link` makes it a link.
    public var sitePath: SitePath
    /// The Mustache template that renders it; nil for the feed, the sitemap and CSV files.
    public var template: String?
    /// The Markdown or data file the page is made from, for messages.
    public var source: SourcePath?

    /// `2024/platforms/index.html`
    public var outputPath: OutputPath { sitePath.outputPath }
  }

  public init(site: Site, staticFiles: [StaticFile] = []) {
    self.site = site
    let tagIndex = Tag.index(of: site.articles)
    let tags = tagIndex.tags
    self.tags = tags
    tagSlugs = tagIndex.slugs
    var pages = [Page(kind: .home, sitePath: SitePaths.home, template: "home")]
    var pageOfDocument: [ContentPath: Int] = [:]
    for (reportIndex, report) in site.reports.enumerated() {
      pageOfDocument[report.markdown.contentPath] = pages.count
      pages.append(
        Page(kind: .report(reportIndex), sitePath: report.sitePath, template: "report", source: report.markdown.file))
      for (articleIndex, article) in report.articles.enumerated() {
        pageOfDocument[article.markdown.contentPath] = pages.count
        pages.append(
          Page(
            kind: .article(reportIndex, articleIndex), sitePath: article.sitePath, template: "article",
            source: article.markdown.file))
      }
      if site.config.portalFiles {
        pages.append(
          Page(
            kind: .reportEmbed(reportIndex), sitePath: SitePaths.embed(report.sitePath), template: "embed",
            source: report.markdown.file))
      }
      pages.append(
        Page(
          kind: .print(reportIndex), sitePath: SitePaths.print(report: report.id), template: "print",
          source: report.markdown.file))
    }
    pages.append(Page(kind: .tags, sitePath: SitePaths.tags, template: "tags"))
    for (tagIndex, tag) in tags.enumerated() {
      for number in 1...Self.pageCount(items: tag.articles.count, perPage: site.config.paginate) {
        pages.append(
          Page(
            kind: .tag(tagIndex, page: number), sitePath: SitePaths.tag(slug: tag.slug, page: number), template: "tag"))
      }
    }
    pages.append(Page(kind: .data, sitePath: SitePaths.data, template: "data"))
    if site.config.search != nil {
      pages.append(Page(kind: .search, sitePath: SitePaths.search, template: "search"))
    }
    pages.append(Page(kind: .notFound, sitePath: SitePaths.notFound, template: "not-found"))
    // The sitemap protocol and Atom need absolute URLs: without an origin they are not written.
    var shapeDiagnostics = tagIndex.diagnostics
    if site.config.origin != nil {
      pages.append(Page(kind: .feed, sitePath: SitePaths.feed))
      pages.append(Page(kind: .sitemap, sitePath: SitePaths.sitemap))
    } else {
      shapeDiagnostics.append(
        .warning(
          .noSiteURLForFeeds(),
          at: SourceLocation(file: "Content/site.yml")))
    }
    for (datasetIndex, dataset) in site.datasets.enumerated() {
      pages.append(
        Page(kind: .datasetCSV(datasetIndex), sitePath: SitePaths.datasetCSV(dataset.id), source: dataset.file))
    }
    self.pages = pages
    self.pageOfDocument = pageOfDocument

    copies =
      site.assets.map {
        OutputFile(path: SitePaths.asset($0).outputPath, content: .copy(from: "\(site.contentDirectory)/\($0)"))
      }
      + staticFiles.map { OutputFile(path: $0.path, content: $0.builtIn.map { .text($0) } ?? .copy(from: $0.source)) }
    // An article's portal files are written with its page (they need its rendered Markdown).
    let portalClaims = site.articlePortalFiles.flatMap { article, files in
      files.map { ($0, SiteIndex.ClaimOrigin.file(article.markdown.file.value)) }
    }
    let claims =
      pages.map { ($0.outputPath, $0.source.map { .file($0.value) } ?? Self.origin(of: $0, tags: tags)) } + portalClaims
      + copies.map { ($0.path, $0.origin) }
    diagnostics = shapeDiagnostics + Self.collisions(in: claims)
    outputPaths = Set(claims.map(\.0))
  }

  /// The same index over a site whose edited articles kept their slugs, dates, weights and
  /// tags: every page, URL, tag and order stays, and the tags' copies of the articles are
  /// replaced.
  package func replacingArticles(in site: Site, changed contentPaths: Set<ContentPath>) -> SiteIndex {
    var copy = self
    copy.site = site
    var edited: [ContentPath: Article] = [:]
    for contentPath in contentPaths {
      edited[contentPath] = site.article(at: contentPath)
    }
    copy.tags = tags.map { tag in
      var tag = tag
      for position in tag.articles.indices {
        if let article = edited[tag.articles[position].markdown.contentPath] { tag.articles[position] = article }
      }
      return tag
    }
    return copy
  }

  public static func pageCount(items: Int, perPage: Int) -> Int {
    max(1, (items + perPage - 1) / perPage)
  }

  /// The page a Markdown file (`2024/platforms.md`) becomes.
  public func page(ofDocument contentPath: ContentPath) -> Page? {
    pageOfDocument[contentPath].map { pages[$0] }
  }

  /// The articles on one page of a tag, newest first.
  public func articles(ofTag tagIndex: Int, page: Int) -> ArraySlice<Article> {
    let articles = tags[tagIndex].articles
    let start = min((page - 1) * site.config.paginate, articles.count)
    return articles[start..<min(start + site.config.paginate, articles.count)]
  }

  /// What claims an output file: a source file, or a page Yearbook generates.
  package enum ClaimOrigin: Sendable {
    case file(String)
    case tagPage(name: String, usedIn: SourcePath?)
    case generated(String)

    var sortKey: String {
      switch self {
      case .file(let path): path
      case .tagPage(let name, _): "tag:" + name
      case .generated(let name): "generated:" + name
      }
    }

    var message: Message {
      switch self {
      case .file(let path): .named(path)
      case .tagPage(let name, let usedIn): .tagPageOrigin(name, usedIn: usedIn?.value ?? ContentPath.folder)
      case .generated(let name): .generatedPageOrigin(name)
      }
    }

    /// The file under `Content/` the claim comes from, if any: a copied asset's absolute
    /// path, a Markdown file, or the article a tag page is made from.
    var contentFile: SourcePath? {
      switch self {
      case .file(let origin):
        guard let range = origin.range(of: ContentPath.folder + "/") else { return nil }
        if range.lowerBound != origin.startIndex {
          guard origin[origin.index(before: range.lowerBound)] == "/" else { return nil }
        }
        return SourcePath(String(origin[range.lowerBound...]))
      case .tagPage(_, let usedIn): return usedIn
      case .generated: return nil
      }
    }
  }

  /// Two sources writing one output file is an error: neither silently wins.
  package static func collisions(in claims: [(path: OutputPath, origin: ClaimOrigin)]) -> [Diagnostic] {
    // Counted first, so only the paths claimed twice are sorted (for messages in a stable
    // order): sorting every path of a large site was a tenth of a second.
    var claimsOfPath: [OutputPath: Int] = [:]
    claimsOfPath.reserveCapacity(claims.count)
    for claim in claims { claimsOfPath[claim.path, default: 0] += 1 }
    let clashing = claims.filter { claimsOfPath[$0.path, default: 0] > 1 }
    var seen: [OutputPath: ClaimOrigin] = [:]
    var diagnostics: [Diagnostic] = []
    for claim in clashing.sorted(by: { ($0.path, $0.origin.sortKey) < ($1.path, $1.origin.sortKey) }) {
      if let earlier = seen[claim.path] {
        diagnostics.append(
          .error(
            .outputClaimedTwice(claim.path.value, earlier: earlier.message, later: claim.origin.message),
            at: SourceLocation(
              file: claim.origin.contentFile ?? earlier.contentFile ?? SourcePath(ContentPath.folder))))
      }
      seen[claim.path] = claim.origin
    }
    return diagnostics
  }

  /// What a page without a source file is made from, for the collision message.
  private static func origin(of page: Page, tags: [Tag]) -> ClaimOrigin {
    switch page.kind {
    case .tag(let index, _):
      let tag = tags[index]
      return .tagPage(name: tag.name, usedIn: tag.articles.first?.markdown.file)
    default:
      return .generated(page.template ?? page.sitePath.value)
    }
  }
}

extension OutputFile {
  fileprivate var origin: SiteIndex.ClaimOrigin {
    switch content {
    case .copy(let source): .file(source)
    case .text: .generated(path.value)
    }
  }
}
