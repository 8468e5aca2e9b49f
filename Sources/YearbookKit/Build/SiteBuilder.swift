import Foundation

/// The build as a list of named steps, each a function that can be called and tested
/// alone: load → index → Markdown → pages → check → write. Article pages are written to
/// the staging folder as soon as they render, so memory does not grow with the site;
/// `check` runs every step that does not render pages.
public enum SiteBuilder {
  public struct Options: Sendable {
    public var root: URL
    public var output: URL
    public var baseURL: BaseURL?
    public var includeDrafts: Bool
    public var progress: BuildProgress?

    public init(
      root: URL, output: URL? = nil, baseURL: BaseURL? = nil, includeDrafts: Bool = false,
      progress: BuildProgress? = nil
    ) {
      self.root = root
      self.output = output ?? root.appendingPathComponent("Output")
      self.baseURL = baseURL
      self.includeDrafts = includeDrafts
      self.progress = progress
    }
  }

  public struct Summary: Sendable {
    public var pageCount: Int
    public var fileCount: Int
    public var chartCount: Int
    /// Links and image sources checked: in the Markdown, and once per template.
    public var linkCount: Int
    public var diagnostics: [Diagnostic]
    /// Which outputs depend on which sources, for rebuilding after a change.
    public var dependencies: DependencyGraph
    /// How long each step took.
    public var timings = StepTimings()
  }

  public static func build(_ options: Options) async throws(BuildFailure) -> Summary {
    if let problem = OutputLocation.problem(output: options.output, root: options.root) {
      throw BuildFailure(diagnostics: [.error(problem, at: SourceLocation(file: options.output.path))])
    }
    var timings = StepTimings()
    let loaded = try timings.measure("load") { () throws(BuildFailure) in try load(options) }
    let index = try timings.measure("index") { () throws(BuildFailure) in try makeIndex(loaded) }
    let staging = try timings.measure("stage") { () throws(BuildFailure) in
      do {
        return try StagingFolder(output: options.output)
      } catch {
        throw BuildFailure(diagnostics: [.error("\(error)", at: SourceLocation(file: options.output.path))])
      }
    }
    let rendered = try renderSite(
      index, theme: loaded.theme, into: staging, progress: options.progress, timings: &timings)
    var checked = try timings.measure("check") { () throws(BuildFailure) in
      try check(index, theme: loaded.theme, documents: rendered)
    }
    try timings.measure("write") { () throws(BuildFailure) in
      do {
        try staging.commit()
      } catch {
        throw BuildFailure(
          diagnostics: checked.diagnostics + [.error("\(error)", at: SourceLocation(file: options.output.path))])
      }
    }
    checked.timings = timings
    return checked
  }

  /// Every step but rendering pages and writing: what `yearbook check` runs.
  public static func check(_ options: Options) async throws(BuildFailure) -> Summary {
    let loaded = try load(options)
    let index = try makeIndex(loaded)
    let documents = try renderMarkdown(index, producesHTML: false)
    return try check(index, theme: loaded.theme, documents: documents)
  }

  // MARK: Steps

  public struct Loaded: Sendable {
    public var site: Site
    public var theme: Theme
    public var diagnostics: [Diagnostic]
  }

  /// Reads `Content/` and `Templates/` into a validated site and theme.
  public static func load(_ options: Options) throws(BuildFailure) -> Loaded {
    let (site, siteDiagnostics) = SiteLoader.load(
      root: options.root, options: SiteLoader.Options(includeDrafts: options.includeDrafts, baseURL: options.baseURL))
    let (theme, themeDiagnostics) = ThemeLoader.load(root: options.root)
    let diagnostics = siteDiagnostics + themeDiagnostics
    guard let site, let theme, !diagnostics.hasErrors else { throw BuildFailure(diagnostics: diagnostics) }
    return Loaded(site: site, theme: theme, diagnostics: diagnostics)
  }

  /// Decides every page, URL and output file; two sources claiming one file fail here.
  public static func makeIndex(_ loaded: Loaded) throws(BuildFailure) -> IndexedSite {
    let index = SiteIndex(site: loaded.site, staticFiles: loaded.theme.staticFiles)
    let templates = TemplateCheck.run(templates: loaded.theme.templates, pageSchemas: PageSchemas.byTemplate)
    let diagnostics = loaded.diagnostics + index.diagnostics + templates.diagnostics
    if diagnostics.hasErrors { throw BuildFailure(diagnostics: diagnostics) }
    return IndexedSite(index: index, templates: templates, diagnostics: diagnostics)
  }

  /// The site index with what checking the theme found: which templates each page uses.
  public struct IndexedSite: Sendable {
    public var index: SiteIndex
    var templates: TemplateCheck.Result
    var diagnostics: [Diagnostic]
  }

  /// Every report and article rendered from Markdown, in parallel; only the facts are kept.
  static func renderMarkdown(_ indexed: IndexedSite, producesHTML: Bool) throws(BuildFailure) -> RenderedDocuments {
    let renderer = markdownRenderer(for: indexed.index, producesHTML: producesHTML)
    let sources = indexed.index.site.reports.map(\.markdown) + indexed.index.site.articles.map(\.markdown)
    let bodies = Parallel.map(sources) { renderer.render($0) }
    return RenderedDocuments(
      indexed: indexed, sources: sources, bodies: bodies)
  }

  /// Markdown, then pages: each article's page is rendered and written as soon as its
  /// Markdown is, then the list pages, the feed, the sitemap and the copied files.
  static func renderSite(
    _ indexed: IndexedSite, theme: Theme, into staging: some PageSink, progress: BuildProgress?,
    timings: inout StepTimings
  ) throws(BuildFailure) -> RenderedDocuments {
    var started = ContinuousClock.now
    let index = indexed.index
    progress?.start(pages: index.pages.count)
    do {
      try staging.makeFolders(
        for: index.pages.map(\.outputPath) + index.site.articlePortalFiles.flatMap(\.files) + index.copies.map(\.path))
    } catch {
      throw BuildFailure(
        diagnostics: indexed.diagnostics + [.error(error.description, at: SourceLocation(file: staging.destination))])
    }
    let markdown = markdownRenderer(for: index, producesHTML: true)
    let reports = index.site.reports.map(\.markdown)
    let reportBodies = Parallel.map(reports) { markdown.render($0) }
    let pages = PageRenderer(site: SiteView(index: index, documents: [:]), theme: theme)
    var reportChartProblems: [Diagnostic] = []
    for (report, body) in zip(index.site.reports, reportBodies)
    where index.site.config.portalFiles && !body.diagnostics.hasErrors {
      let charts = body.charts.map { (chart: $0, forms: $0.portalForms()) }
      switch pages.chartFiles(charts, pageTitle: report.title, sitePath: report.sitePath) {
      case .success(let files):
        do {
          try staging.makeFolders(for: files.map(\.path))
          for file in files { try staging.write(file.text, to: file.path) }
        } catch {
          reportChartProblems.append(.error("\(error)", at: SourceLocation(file: report.markdown.file)))
        }
      case .failure(let diagnostic):
        reportChartProblems.append(diagnostic)
      }
    }
    var articles: [(report: Int, article: Int)] = []
    for (reportIndex, report) in index.site.reports.enumerated() {
      articles += report.articles.indices.map { (reportIndex, $0) }
    }
    // Each article's page and portal files are written as soon as its Markdown renders;
    // its body is kept only as a chapter of its report's print page.
    let articleBodies = Parallel.map(articles) { position -> (RenderedMarkdown, String) in
      let article = index.site.reports[position.report].articles[position.article]
      var body = markdown.render(article.markdown)
      var html = ""
      if !body.diagnostics.hasErrors {
        switch pages.articleFiles(reportIndex: position.report, articleIndex: position.article, body: body) {
        case .success(let files):
          do {
            if !body.charts.isEmpty { try staging.makeFolders(for: files.map(\.path)) }
            for file in files { try staging.write(file.text, to: file.path) }
            body.diagnostics += files.compactMap {
              oversized($0.text, path: $0.path, limit: index.site.config.budgets, at: article.markdown.file)
            }
          } catch {
            body.diagnostics.append(.error("\(error)", at: SourceLocation(file: article.markdown.file)))
          }
        case .failure(let diagnostic):
          body.diagnostics.append(diagnostic)
        }
        html = pages.printChapter(reportIndex: position.report, articleIndex: position.article, body: body)
      }
      progress?.pageDone()
      body.html = ""
      body.charts = body.charts.map(\.withoutMarkup)
      return (body, html)
    }
    timings.record("markdown and article pages", since: &started)
    var documents = RenderedDocuments(
      indexed: indexed, sources: reports + articles.map { index.site.reports[$0.report].articles[$0.article].markdown },
      bodies: reportBodies + articleBodies.map(\.0))
    if documents.diagnostics.hasErrors { throw BuildFailure(diagnostics: documents.diagnostics) }
    timings.record("document facts", since: &started)

    let listPages = PageRenderer(site: SiteView(index: index, documents: documents.facts), theme: theme)
    let bodiesByPath = Dictionary(uniqueKeysWithValues: zip(reports.map(\.contentPath), reportBodies))
    var articleHTML: [String: String] = [:]
    for (position, body) in zip(articles, articleBodies) {
      articleHTML[index.site.reports[position.report].articles[position.article].markdown.contentPath] = body.1
    }
    let htmlByPath = articleHTML
    documents.chapterBodies = articleHTML
    let remaining = index.pages.filter { if case .article = $0.kind { false } else { true } }
    let problems = Parallel.map(remaining) { page -> Diagnostic? in
      defer { progress?.pageDone() }
      switch listPages.page(page, reportBodies: bodiesByPath, chapterBodies: htmlByPath) {
      case .success(let text):
        do {
          try staging.write(text, to: page.outputPath)
          return oversized(
            text, path: page.outputPath, limit: index.site.config.budgets,
            at: page.source ?? page.template.map { "Templates/\($0).mustache" } ?? staging.destination)
        } catch {
          // Named by what the page is made from: the Markdown file, else its template.
          return .error(
            "\(error)",
            at: SourceLocation(
              file: page.source ?? page.template.map { "Templates/\($0).mustache" } ?? staging.destination))
        }
      case .failure(let diagnostic):
        return diagnostic
      }
    }
    timings.record("list pages, feed, sitemap", since: &started)
    var diagnostics = reportChartProblems + problems.compactMap { $0 }.filter { $0.severity == .error }
    documents.diagnostics += problems.compactMap { $0 }.filter { $0.severity == .warning }
    for file in index.copies {
      guard case .copy(let source) = file.content else { continue }
      do {
        try staging.copy(from: source, to: file.path)
      } catch {
        diagnostics.append(.error("\(error)", at: SourceLocation(file: source)))
      }
    }
    if !diagnostics.isEmpty { throw BuildFailure(diagnostics: documents.diagnostics + diagnostics) }
    timings.record("copied files", since: &started)
    return documents
  }

  /// A warning for a written file over `page_kb`: a reader on a phone waits for it.
  static func oversized(_ text: String, path: String, limit: Budgets, at file: String) -> Diagnostic? {
    let size = text.utf8.count
    guard size > limit.pageKiB * 1024 else { return nil }
    return .warning(
      "\(path) is \(Budgets.describe(bytes: size)), over the limit of \(Budgets.describe(bytes: limit.pageKiB * 1024)) for one page (limits: page_kb in site.yml); split the article or its data",
      at: SourceLocation(file: file))
  }

  /// What can be checked once every document is rendered: links to headings, and the
  /// links the templates write (once per template).
  static func check(_ indexed: IndexedSite, theme: Theme, documents: RenderedDocuments) throws(BuildFailure) -> Summary
  {
    let index = indexed.index
    var diagnostics = documents.diagnostics
    var linkCount = documents.linkCount
    if !diagnostics.hasErrors {
      diagnostics += FragmentCheck.run(index: index, documents: documents.facts, templateIDs: indexed.templates.ids)
      diagnostics += DatasetTitleCheck.run(datasets: index.site.datasets, documents: documents.facts)
      diagnostics += ColumnLabelCheck.run(site: index.site, documents: documents.facts)
      let templateLinks = TemplateLinks(index: index).check(
        theme.templates, ids: TemplateLinks.idsPerTemplate(indexed.templates))
      diagnostics += templateLinks.diagnostics
      linkCount += templateLinks.linksChecked
    }
    diagnostics = diagnostics.sortedInFileOrder()
    if diagnostics.hasErrors { throw BuildFailure(diagnostics: diagnostics) }
    let templateFiles = theme.templates.mapValues(\.file)
    return Summary(
      pageCount: index.pages.filter { $0.template != nil }.count,
      fileCount: index.pages.count + index.copies.count + index.site.articlePortalFiles.count * 3
        + (index.site.config.portalFiles
          ? documents.facts.values.reduce(0) { $0 + $1.charts.reduce(0) { $0 + ($1.spec.kind == .table ? 1 : 2) } }
          : 0),
      chartCount: documents.facts.values.reduce(0) { $0 + $1.charts.count },
      linkCount: linkCount, diagnostics: diagnostics,
      dependencies: DependencyGraph(
        index: index, documents: documents.facts, templateUses: indexed.templates.uses, templateFiles: templateFiles))
  }

  static func markdownRenderer(for index: SiteIndex, producesHTML: Bool) -> MarkdownRenderer {
    var renderer = MarkdownRenderer(
      links: LinkTargets(index: index),
      charts: ChartRenderer(site: index.site),
      consistency: FigureConsistency(datasets: index.site.datasets), unsafeHTML: index.site.config.unsafeHTML)
    renderer.producesHTML = producesHTML
    return renderer
  }
}
