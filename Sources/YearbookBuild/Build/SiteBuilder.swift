import Foundation
import Synchronization
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookPortal
import YearbookRender

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
    /// Every other site the content links to, with its number of links (`check --external`).
    public var outsideHosts: [(host: String, links: Int)] = []
  }

  public static func build(_ options: Options) async throws(BuildFailure) -> Summary {
    if let problem = OutputLocation.problem(output: options.output, root: options.root) {
      throw BuildFailure(diagnostics: [.error(problem, at: SourceLocation(file: SourcePath(options.output.path)))])
    }
    return try run(.build, options) { () throws(BuildFailure) in
      do {
        return try StagingFolder(output: options.output)
      } catch {
        throw BuildFailure(diagnostics: [
          .error(.describing(error), at: SourceLocation(file: SourcePath(options.output.path)))
        ])
      }
    }.summary
  }

  /// Every step but rendering pages and writing: what `yearbook check` runs.
  public static func check(_ options: Options) async throws(BuildFailure) -> Summary {
    try run(.check, options, into: nil).summary
  }

  /// What one run of the pipeline made: the summary, and for the preview what it keeps to
  /// rebuild a part of the site later.
  package struct Outcome {
    package var loaded: Loaded
    package var indexed: IndexedSite
    package var documents: RenderedDocuments
    package var summary: Summary
  }

  /// Runs `purpose`'s steps of the pipeline in their declared order. `makeSink` gives where
  /// files go, made once the site is known to load (nil for `check`, which writes nothing).
  package static func run(
    _ purpose: Pipeline.Purpose, _ options: Options, into makeSink: (() throws(BuildFailure) -> any PageSink)?
  ) throws(BuildFailure) -> Outcome {
    var run = Pipeline.Run(purpose)
    let loaded = try run.step(.load) { () throws(BuildFailure) in try load(options, publishing: purpose != .preview) }
    let indexed = try run.step(.index) { () throws(BuildFailure) in try makeIndex(loaded) }
    guard let makeSink else {
      let documents = try run.step(.markdown) { () throws(BuildFailure) in
        let documents = try renderMarkdown(indexed, producesHTML: false)
        if documents.diagnostics.hasErrors { throw BuildFailure(diagnostics: documents.diagnostics) }
        return documents
      }
      var summary = try run.step(.check) { () throws(BuildFailure) in
        try check(indexed, theme: loaded.theme, documents: documents)
      }
      summary.timings = run.timings
      return Outcome(loaded: loaded, indexed: indexed, documents: documents, summary: summary)
    }
    let sink = try run.step(.pages, makeSink)
    let documents = try renderSite(
      indexed, into: sink, progress: options.progress, forPreview: purpose == .preview, run: &run)
    var summary = try run.step(.check) { () throws(BuildFailure) in
      try check(indexed, theme: loaded.theme, documents: documents)
    }
    try run.step(.write) { () throws(BuildFailure) in
      var problems: [Diagnostic] = []
      for file in indexed.index.copies {
        do {
          switch file.content {
          case .copy(let source): try sink.copy(from: source, to: file.path)
          case .text(let text): try sink.write(text, to: file.path)
          }
        } catch {
          let source: SourcePath =
            if case .copy(let source) = file.content { SourcePath(source) } else { sink.destination }
          problems.append(.error(.describing(error), at: SourceLocation(file: source)))
        }
      }
      if problems.isEmpty {
        do {
          try sink.commit()
        } catch {
          problems.append(.error(.describing(error), at: SourceLocation(file: sink.destination)))
        }
      }
      if !problems.isEmpty { throw BuildFailure(diagnostics: summary.diagnostics + problems) }
    }
    summary.timings = run.timings
    return Outcome(loaded: loaded, indexed: indexed, documents: documents, summary: summary)
  }

  // MARK: Steps

  public struct Loaded: Sendable {
    public var site: Site
    public var theme: Theme
    public var diagnostics: [Diagnostic]
  }

  /// Reads `Content/` and `Templates/` into a validated site and theme. Examples left from
  /// `init` are errors when `publishing` (and not building drafts), warnings otherwise.
  public static func load(_ options: Options, publishing: Bool = true) throws(BuildFailure) -> Loaded {
    // The theme is read while the content is: on a small site they take about as long.
    let ((site, siteDiagnostics), (theme, themeDiagnostics)) = Parallel.pair(
      {
        SiteLoader.load(
          root: options.root,
          options: SiteLoader.Options(
            includeDrafts: options.includeDrafts, baseURL: options.baseURL,
            placeholders: publishing && !options.includeDrafts ? .error : .warning))
      }, { ThemeLoader.load(root: options.root) })
    let diagnostics = siteDiagnostics + themeDiagnostics
    guard let site, let theme, !diagnostics.hasErrors else { throw BuildFailure(diagnostics: diagnostics) }
    return Loaded(site: site, theme: theme, diagnostics: diagnostics)
  }

  /// Decides every page, URL and output file; two sources claiming one file fail here.
  public static func makeIndex(_ loaded: Loaded) throws(BuildFailure) -> IndexedSite {
    // The site's index and the theme's checks are made at once; checking the templates
    // and compiling them read the same files, and take a core each when one is free.
    let (index, (templates, compiled)) = Parallel.pair(
      { SiteIndex(site: loaded.site, staticFiles: loaded.theme.staticFiles) },
      {
        Parallel.pair(
          { TemplateCheck.run(templates: loaded.theme.templates, pageSchemas: PageSchemas.byTemplate) },
          { CompiledTheme.compile(loaded.theme) })
      })
    var diagnostics = loaded.diagnostics + index.diagnostics + templates.diagnostics
    if case .failure(let problem) = compiled { diagnostics.append(problem) }
    guard case .success(let theme) = compiled, !diagnostics.hasErrors else {
      throw BuildFailure(diagnostics: diagnostics)
    }
    return IndexedSite(index: index, templates: templates, theme: theme, diagnostics: diagnostics)
  }

  /// The site index with what checking the theme found: which templates each page uses,
  /// and the page templates compiled.
  public struct IndexedSite: Sendable {
    public var index: SiteIndex
    package var templates: TemplateCheck.Result
    package var theme: CompiledTheme
    package var diagnostics: [Diagnostic]
  }

  /// Every report and article rendered from Markdown, in parallel; only the facts are kept.
  package static func renderMarkdown(_ indexed: IndexedSite, producesHTML: Bool) throws(BuildFailure)
    -> RenderedDocuments
  {
    let renderer = markdownRenderer(for: indexed.index, producesHTML: producesHTML)
    let sources = indexed.index.site.reports.map(\.markdown) + indexed.index.site.articles.map(\.markdown)
    let bodies = Parallel.map(sources) { renderer.render($0) }
    return RenderedDocuments(
      indexed: indexed, sources: sources, bodies: bodies)
  }

  /// How many articles go through markdown, pages and portal together: enough to keep
  /// every core busy, few enough that their bodies are a small part of the memory.
  package static let articlesPerBatch = 256

  /// Markdown, pages and portal files, a batch of a report's articles at a time: they go
  /// through each step on every core, and only their facts and print chapters are kept, so
  /// memory holds one batch's bodies at once. The list pages, the feed and the sitemap follow once
  /// every document's facts are known.
  package static func renderSite(
    _ indexed: IndexedSite, into sink: any PageSink, progress: BuildProgress?, forPreview: Bool = false,
    run: inout Pipeline.Run
  ) throws(BuildFailure) -> RenderedDocuments {
    let index = indexed.index
    let portal = index.site.config.portalFiles
    let searchIndex = index.site.config.search == nil ? nil : SearchIndex()
    progress?.start(pages: index.pages.count)
    try run.step(.pages) { () throws(BuildFailure) in
      do throws(StagingFolder.WriteError) {
        let searchFolders =
          searchIndex == nil ? [] : [SitePaths.searchDocument(0).outputPath, SitePaths.searchManifest.outputPath]
        try sink.makeFolders(
          for: index.pages.map(\.outputPath) + index.site.articlePortalFiles.flatMap(\.files) + index.copies.map(\.path)
            + searchFolders
        )
      } catch {
        throw BuildFailure(
          diagnostics: indexed.diagnostics + [.error(error.message, at: SourceLocation(file: sink.destination))])
      }
    }
    let markdown = {
      var renderer = markdownRenderer(for: index, producesHTML: true)
      renderer.collectsSearchText = searchIndex != nil
      return renderer
    }()
    let pages = PageRenderer(site: SiteView(index: index, documents: [:]), theme: indexed.theme)
    let reports = index.site.reports.map(\.markdown)
    let reportBodies = run.timed(.markdown) { Parallel.map(reports) { markdown.render($0) } }
    let budgets = index.site.config.budgets
    // Found while writing, kept apart from the documents' own diagnostics so that a failure
    // names the step that failed.
    var pageFindings: [Diagnostic] = []
    var portalFindings: [Diagnostic] = []
    if portal {
      portalFindings += run.timed(.portal) {
        zip(index.site.reports, reportBodies).flatMap { report, body -> [Diagnostic] in
          guard !body.diagnostics.hasErrors else { return [] }
          let charts = body.charts.map { (chart: $0, forms: $0.portalForms()) }
          return write(
            pages.chartFiles(charts, pageTitle: report.title, sitePath: report.sitePath, column: report.title),
            into: sink,
            makingFolders: true, budgets: budgets, file: report.markdown.file)
        }
      }
    }
    var articleBodies: [RenderedMarkdown] = []
    var articleFacts: [DocumentFacts] = []
    var chapters: [ContentPath: String] = [:]
    var keptSearchKeys: [ContentPath: SearchKeys.DocumentKeys] = [:]
    let printPages = BackgroundWork<Diagnostic?>()
    // Search documents are numbered in site order.
    var firstDocument = 0
    for (reportIndex, report) in index.site.reports.enumerated() {
      defer { firstDocument += report.articles.count }
      for first in stride(from: 0, to: report.articles.count, by: articlesPerBatch) {
        let positions = Array(first..<min(first + articlesPerBatch, report.articles.count))
        let reportDocuments = firstDocument
        // One task an article, its steps timed inside it: separate passes would wait for
        // the slowest article of each step before the next could start.
        let done = run.interleaved { clock in
          Parallel.map(positions) { position -> ArticleOutcome in
            defer { progress?.pageDone() }
            let article = report.articles[position]
            let body = clock.time(.markdown) { markdown.render(article.markdown) }
            guard !body.diagnostics.hasErrors else { return ArticleOutcome(body: body, facts: DocumentFacts(body)) }
            let pageProblems = clock.time(.pages) {
              let page = pages.articlePage(reportIndex: reportIndex, articleIndex: position, body: body).map { [$0] }
              return write(page, into: sink, makingFolders: false, budgets: budgets, file: article.markdown.file)
            }
            let chapter = clock.time(.pages) {
              pages.printChapter(reportIndex: reportIndex, articleIndex: position, body: body)
            }
            let portalProblems =
              portal
              ? clock.time(.portal) {
                write(
                  pages.articlePortalFiles(reportIndex: reportIndex, articleIndex: position, body: body), into: sink,
                  makingFolders: !body.charts.isEmpty, budgets: budgets, file: article.markdown.file)
              } : []
            var outcome = ArticleOutcome(
              body: body.withoutMarkup, facts: DocumentFacts(body), chapter: chapter, pageProblems: pageProblems,
              portalProblems: portalProblems)
            if searchIndex != nil {
              clock.time(.search) {
                outcome.searchKeys = SearchKeys.keys(title: article.title, text: body.searchText)
                let document = SearchDocument.json(
                  article: article, report: report, link: pages.site.link(article.sitePath), text: body.searchText)
                do {
                  try sink.write(document, to: SitePaths.searchDocument(reportDocuments + position).outputPath)
                } catch {
                  outcome.pageProblems.append(
                    .error(.describing(error), at: SourceLocation(file: article.markdown.file)))
                }
              }
            }
            return outcome
          }
        }
        if let searchIndex {
          run.timed(.search) { searchIndex.add(done.map { $0.searchKeys }) }
          if forPreview {
            for (offset, outcome) in done.enumerated() {
              keptSearchKeys[report.articles[positions[offset]].markdown.contentPath] = outcome.searchKeys
            }
          }
        }
        var bodies: [RenderedMarkdown] = []
        for (offset, outcome) in done.enumerated() {
          pageFindings += outcome.pageProblems
          portalFindings += outcome.portalProblems
          chapters[report.articles[positions[offset]].markdown.contentPath] = outcome.chapter
          bodies.append(outcome.body)
          articleFacts.append(outcome.facts)
        }
        articleBodies += bodies
      }
      // The report's print page, now that its chapters are all made: a whole site's
      // chapters (megabytes a report) would otherwise be held until the list pages. The
      // preview keeps them to render one again after an edit.
      let ownBodies = articleBodies.suffix(report.articles.count)
      // A document with errors fails the build at the markdown step, before any page counts.
      if !forPreview, !ownBodies.contains(where: { $0.diagnostics.hasErrors }),
        let page = index.pages.first(where: { $0.kind == .print(reportIndex) })
      {
        var facts = [report.markdown.contentPath: DocumentFacts(reportBodies[reportIndex])]
        for (article, articleFacts) in zip(report.articles, articleFacts.suffix(report.articles.count)) {
          facts[article.markdown.contentPath] = articleFacts
        }
        let renderer = PageRenderer(site: SiteView(index: index, documents: facts), theme: indexed.theme)
        let reportBody = [report.markdown.contentPath: reportBodies[reportIndex]]
        let chapterBodies = chapters
        // Made while the next report's articles render: one page on one core would
        // otherwise leave the other idle.
        printPages.start(order: reportIndex) {
          writePage(
            page, with: renderer, reportBodies: reportBody, chapterBodies: chapterBodies, into: sink,
            budgets: budgets, progress: progress)
        }
        chapters = [:]
      }
    }
    var searchShardCount = 0
    if let searchIndex {
      let (findings, count) = run.timed(.search) { writeSearchIndex(searchIndex, into: sink) }
      pageFindings += findings
      searchShardCount = count
    }
    let articles = index.site.reports.flatMap { $0.articles.map(\.markdown) }
    var documents = try run.step(.markdown) { () throws(BuildFailure) in
      let documents = RenderedDocuments(
        indexed: indexed, sources: reports + articles, bodies: reportBodies + articleBodies,
        facts: reportBodies.map { DocumentFacts($0) } + articleFacts)
      if documents.diagnostics.hasErrors { throw BuildFailure(diagnostics: documents.diagnostics) }
      return documents
    }
    documents.chapterBodies = chapters
    documents.searchKeys = keptSearchKeys
    documents.searchShardCount = searchShardCount
    if let searchIndex { documents.searchFileCount = searchIndex.documentCount + searchShardCount + 1 }

    let listPages = PageRenderer(site: SiteView(index: index, documents: documents.facts), theme: indexed.theme)
    let bodiesByPath = Dictionary(uniqueKeysWithValues: zip(reports.map(\.contentPath), reportBodies))
    let remaining = index.pages.filter {
      switch $0.kind {
      case .article: false
      case .print: forPreview
      default: true
      }
    }
    let chapterBodies = chapters
    let listed = run.timed(.pages) {
      Parallel.map(remaining) { page -> Diagnostic? in
        writePage(
          page, with: listPages, reportBodies: bodiesByPath, chapterBodies: chapterBodies, into: sink, budgets: budgets,
          progress: progress)
      }
    }
    pageFindings += listed.compactMap { $0 }
    // The last report's print page was made alongside the search index and the list pages.
    pageFindings += run.timed(.pages) { printPages.finish().compactMap { $0 } }
    for (step, findings) in [(Pipeline.Step.pages, pageFindings), (.portal, portalFindings)] {
      documents.diagnostics += findings.filter { $0.severity == .warning }
      let errors = findings.filter { $0.severity == .error }
      guard !errors.isEmpty else { continue }
      let warnings = documents.diagnostics
      try run.step(step) { () throws(BuildFailure) in throw BuildFailure(diagnostics: warnings + errors) }
    }
    return documents
  }

  /// Renders and writes one page that is not an article's; what went wrong, if anything.
  private static func writePage(
    _ page: SiteIndex.Page, with renderer: PageRenderer, reportBodies: [ContentPath: RenderedMarkdown],
    chapterBodies: [ContentPath: String], into sink: any PageSink, budgets: Budgets, progress: BuildProgress?
  ) -> Diagnostic? {
    defer { progress?.pageDone() }
    // Named by what the page is made from: the Markdown file, else its template.
    let file = page.source ?? page.template.map { SourcePath("Templates/\($0).mustache") } ?? sink.destination
    switch renderer.page(page, reportBodies: reportBodies, chapterBodies: chapterBodies) {
    case .success(let text):
      do {
        try sink.write(text, to: page.outputPath)
        return oversized(text, path: page.outputPath, limit: budgets, at: file)
      } catch {
        return .error(.describing(error), at: SourceLocation(file: file))
      }
    case .failure(let diagnostic):
      return diagnostic
    }
  }

  /// What rendering one article leaves for the steps after it: its body without markup
  /// (the facts the checks read), its print chapter, and what writing its files found.
  private struct ArticleOutcome: Sendable {
    var body: RenderedMarkdown
    /// What the list pages and checks read of it (its summary cut once, here, on every core).
    var facts: DocumentFacts
    var chapter: String?
    var pageProblems: [Diagnostic] = []
    var portalProblems: [Diagnostic] = []
    /// The article's search keys, in its place in the index (empty when search is off).
    var searchKeys = SearchKeys.DocumentKeys()
  }

  /// The index's shards and manifest, once every article's keys are in.
  private static func writeSearchIndex(_ searchIndex: SearchIndex, into sink: any PageSink) -> (
    [Diagnostic], shards: Int
  ) {
    let problems = Mutex<[Diagnostic]>([])
    let write = { @Sendable (path: OutputPath, bytes: [UInt8]) in
      do {
        try sink.write(bytes, to: path)
      } catch {
        problems.withLock { $0.append(.error(.describing(error), at: SourceLocation(file: sink.destination))) }
      }
    }
    let count = searchIndex.drainShards { number, bytes in write(SitePaths.searchShard(number).outputPath, bytes) }
    write(
      SitePaths.searchManifest.outputPath,
      Array(SearchDocument.manifest(shards: count, documents: searchIndex.documentCount).utf8))
    return (problems.withLock { $0 }, count)
  }

  /// Writes rendered files; the problems found, at `file`: a failed render, a failed write,
  /// or a warning for a file over the page budget.
  private static func write(
    _ rendered: Result<[(path: OutputPath, text: String)], Diagnostic>, into sink: any PageSink, makingFolders: Bool,
    budgets: Budgets, file: SourcePath
  ) -> [Diagnostic] {
    switch rendered {
    case .success(let files):
      do {
        if makingFolders { try sink.makeFolders(for: files.map(\.path)) }
        for written in files { try sink.write(written.text, to: written.path) }
      } catch {
        return [.error(.describing(error), at: SourceLocation(file: file))]
      }
      return files.compactMap { oversized($0.text, path: $0.path, limit: budgets, at: file) }
    case .failure(let diagnostic):
      return [diagnostic]
    }
  }

  /// A warning for a written file over `page_kb`: a reader on a phone waits for it.
  package static func oversized(_ text: String, path: OutputPath, limit: Budgets, at file: SourcePath) -> Diagnostic? {
    let size = text.utf8.count
    guard size > limit.pageKiB * 1024 else { return nil }
    return .warning(
      .pageOverSizeLimit(
        page: path.value, size: Budgets.describe(bytes: size), limit: Budgets.describe(bytes: limit.pageKiB * 1024)),
      at: SourceLocation(file: file))
  }

  /// What can be checked once every document is rendered: links to headings, and the
  /// links the templates write (once per template).
  package static func check(_ indexed: IndexedSite, theme: Theme, documents: RenderedDocuments) throws(BuildFailure)
    -> Summary
  {
    let index = indexed.index
    var diagnostics = documents.diagnostics
    var linkCount = documents.linkCount
    if !diagnostics.hasErrors {
      diagnostics += FragmentCheck.run(index: index, documents: documents.facts, templateIDs: indexed.templates.ids)
      diagnostics += DatasetTitleCheck.run(datasets: index.site.datasets, documents: documents.facts)
      diagnostics += ArticleFieldsCheck.run(site: index.site, today: ContentDate.today)
      diagnostics += ContentInspection.run(site: index.site)
      diagnostics += LinkInspection.run(documents: documents.facts, config: index.site.config)
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
        + documents.searchFileCount
        + (index.site.config.portalFiles
          ? documents.facts.values.reduce(0) { $0 + $1.charts.reduce(0) { $0 + ($1.spec.kind == .table ? 1 : 2) } }
          : 0),
      chartCount: documents.facts.values.reduce(0) { $0 + $1.charts.count },
      linkCount: linkCount, diagnostics: diagnostics,
      dependencies: DependencyGraph(
        index: index, documents: documents.facts, templateUses: indexed.templates.uses, templateFiles: templateFiles),
      outsideHosts: LinkInspection.hosts(documents: documents.facts))
  }

  package static func markdownRenderer(for index: SiteIndex, producesHTML: Bool) -> MarkdownRenderer {
    var renderer = MarkdownRenderer(
      links: LinkTargets(index: index),
      charts: ChartRenderer(site: index.site),
      consistency: FigureConsistency(datasets: index.site.datasets), unsafeHTML: index.site.config.unsafeHTML)
    renderer.producesHTML = producesHTML
    renderer.charts.drawsFigures = producesHTML
    return renderer
  }
}
