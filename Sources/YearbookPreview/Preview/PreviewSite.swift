import Foundation
import Synchronization
import YearbookBuild
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookRender

/// The site as the preview server holds it: every output file in memory, rebuilt after
/// each save. An edit to an article renders again only the pages the dependency graph
/// names; anything else (a template, a dataset, `site.yml`, a new file) rebuilds the
/// whole site in memory. A failed rebuild keeps the last good files and says why, and
/// remembers what it was asked to rebuild: the next save rebuilds those files too, from the
/// last good state, so the served site never mixes a failed edit's files with a later one's.
public final class PreviewSite: @unchecked Sendable {
  public struct Rebuild: Sendable {
    /// The files that changed, relative to the project root.
    public var changed: [SourcePath]
    /// Output files rendered again.
    public var outputsRebuilt: Int
    public var duration: Duration
    /// Errors (the site stays as it was) and warnings.
    public var diagnostics: [Diagnostic]
    public var succeeded: Bool { !diagnostics.hasErrors }
    /// Whether only the dependent pages were rendered.
    public var incremental: Bool
    /// How long each step of an incremental rebuild took.
    public var timings = StepTimings()
  }

  /// What the last good build knew, kept to rebuild a part of it.
  private struct State {
    package var loaded: SiteBuilder.Loaded
    package var indexed: SiteBuilder.IndexedSite
    package var facts: [ContentPath: DocumentFacts]
    package var graph: DependencyGraph
    /// Made once per full build: its link targets hold while no URL changes.
    package var markdown: MarkdownRenderer
    /// Every article's chapter of its report's print page, so an edit renders one again.
    package var chapterBodies: [ContentPath: String]
    /// Every article's search keys, the articles in site order (the search index numbers
    /// them so) and the shard count, so an edit makes the index again.
    package var search: SearchState
  }

  private struct SearchState {
    var keys: [ContentPath: SearchKeys.DocumentKeys] = [:]
    var order: [ContentPath] = []
    var shardCount = 0
  }

  public let options: SiteBuilder.Options
  /// The language of the error box over the pages.
  public let language: Language
  private let lock = NSLock()
  private var files: [OutputPath: Data] = [:]
  /// Pages made stale by a save and rendered when first asked for.
  private var deferred: [OutputPath: @Sendable () -> Result<Data, Diagnostic>] = [:]
  private var problems: [Diagnostic] = []
  private var state: State?
  /// Files changed since the last good build (set by failed rebuilds): every later
  /// rebuild takes them in, so a fix of one file never hides a failure in another.
  private var unbuilt: Set<SourcePath> = []
  private var generation = 0

  public init(options: SiteBuilder.Options, language: Language = .chinese) {
    self.options = options
    self.language = language
  }

  /// The base URL the pages link with, for serving them under its path.
  public var basePath: String {
    lock.withLock { state?.loaded.site.config.baseURL.path } ?? options.baseURL?.path ?? "/"
  }

  /// An output file (`2024/talent/index.html`) of the last good build.
  public func file(at path: OutputPath) -> Data? {
    lock.withLock {
      if let data = files[path] { return data }
      guard let render = deferred.removeValue(forKey: path) else { return nil }
      switch render() {
      case .success(let data):
        files[path] = data
        return data
      case .failure(let diagnostic):
        problems.append(diagnostic)
        return nil
      }
    }
  }

  /// Errors of the last rebuild, while the site is broken; empty once it builds again.
  public var errors: [Diagnostic] {
    lock.withLock { problems.filter { $0.severity == .error } }
  }

  /// Counts successful and failed rebuilds, so a page can tell it is out of date.
  public var version: Int { lock.withLock { generation } }

  public var outputCount: Int { lock.withLock { files.count + deferred.count } }

  /// Every output file the preview serves, rendered or not yet.
  public var outputPaths: Set<OutputPath> { lock.withLock { Set(files.keys).union(deferred.keys) } }

  /// Builds everything, in memory.
  @discardableResult
  public func buildAll(changed: [SourcePath] = []) -> Rebuild {
    let started = ContinuousClock.now
    do throws(BuildFailure) {
      let memory = MemoryFolder(confinedTo: options.root)
      let outcome = try SiteBuilder.run(.preview, options) { memory }
      let (loaded, indexed, documents) = (outcome.loaded, outcome.indexed, outcome.documents)
      var summary = outcome.summary
      let root = options.root.resolvingSymlinksInPath().path + "/"
      for source in memory.refused {
        let file = source.hasPrefix(root) ? String(source.dropFirst(root.count)) : source
        summary.diagnostics.append(
          .warning(
            .previewLinkOutside(),
            at: SourceLocation(file: SourcePath(file))))
      }
      let contents = memory.contents
      lock.withLock {
        files = contents
        deferred = [:]
        problems = summary.diagnostics
        unbuilt = []
        var markdown = SiteBuilder.markdownRenderer(for: indexed.index, producesHTML: true)
        markdown.collectsSearchText = loaded.site.config.search != nil
        state = State(
          loaded: loaded, indexed: indexed, facts: documents.facts, graph: summary.dependencies,
          markdown: markdown, chapterBodies: documents.chapterBodies,
          search: SearchState(
            keys: documents.searchKeys, order: loaded.site.reports.flatMap { $0.articles.map(\.markdown.contentPath) },
            shardCount: documents.searchShardCount))
        generation += 1
      }
      return Rebuild(
        changed: changed, outputsRebuilt: contents.count, duration: .now - started, diagnostics: summary.diagnostics,
        incremental: false, timings: summary.timings)
    } catch {
      return failed(error.diagnostics, changed: changed, since: started)
    }
  }

  /// Rebuilds after `changed` files (relative to the project root; folders end in `/`)
  /// were saved; nil when
  /// none of them matters (an editor's temporary file, come and gone).
  public func rebuild(changed: [SourcePath]) -> Rebuild? {
    let started = ContinuousClock.now
    let (current, unbuilt) = lock.withLock { (state, self.unbuilt) }
    let exists = { (file: SourcePath) in
      FileManager.default.fileExists(atPath: self.options.root.appendingPathComponent(file.value).path)
    }
    let partOfLastGoodSite = { (file: SourcePath) in current.map { Self.knows(file, $0) } ?? true }
    let relevant = changed.filter { exists($0) || unbuilt.contains($0) || partOfLastGoodSite($0) }
    guard !relevant.isEmpty else { return nil }
    // A file that came and went while the site was broken is no change to the last good site.
    let changed = unbuilt.union(relevant).sorted().filter { exists($0) || partOfLastGoodSite($0) }
    guard let current, !changed.isEmpty, let articles = editedArticles(changed, in: current) else {
      return buildAll(changed: changed.isEmpty ? relevant : changed)
    }
    do throws(BuildFailure) {
      return try rebuild(articles: articles, changed: changed, from: current, since: started)
    } catch {
      return failed(error.diagnostics, changed: changed, since: started)
    }
  }

  private func failed(_ diagnostics: [Diagnostic], changed: [SourcePath], since started: ContinuousClock.Instant)
    -> Rebuild
  {
    lock.withLock {
      problems = diagnostics
      unbuilt.formUnion(changed)
      generation += 1
    }
    return Rebuild(
      changed: changed, outputsRebuilt: 0, duration: .now - started, diagnostics: diagnostics, incremental: false)
  }

  /// Whether a file that is gone was part of the site (an article, a dataset, a
  /// template, an asset), so its removal needs a rebuild.
  private static func knows(_ file: SourcePath, _ state: State) -> Bool {
    let site = state.loaded.site
    if let contentPath = file.contentPath {
      return state.indexed.index.page(ofDocument: contentPath) != nil
        || site.datasets.contains { $0.file == file } || site.assets.contains(contentPath) || file.value.hasSuffix("/")
    }
    if Theme.output(ofStatic: file) != nil || file.value.hasSuffix("/") { return true }
    return state.loaded.theme.templates.values.contains { $0.file == file }
  }

  /// The articles behind `changed` (content paths such as `2024/talent.md`) when every
  /// changed file is an article the site already has; nil when the whole site must be
  /// built again.
  private func editedArticles(_ changed: [SourcePath], in state: State) -> [ContentPath]? {
    var articles: [ContentPath] = []
    for file in changed {
      guard let contentPath = file.contentPath, file.value.hasSuffix(".md"), !file.value.hasSuffix("/_index.md")
      else { return nil }
      guard let page = state.indexed.index.page(ofDocument: contentPath), case .article = page.kind,
        FileManager.default.fileExists(atPath: options.root.appendingPathComponent(file.value).path)
      else { return nil }
      articles.append(contentPath)
    }
    return articles.isEmpty ? nil : articles
  }

  private func rebuild(
    articles contentPaths: [ContentPath], changed: [SourcePath], from state: State,
    since started: ContinuousClock.Instant
  ) throws(BuildFailure) -> Rebuild {
    var site = state.loaded.site
    var diagnostics: [Diagnostic] = []
    var timings = StepTimings()
    var step = ContinuousClock.now
    let inspection = TextInspection(site.config)
    var findings: [Diagnostic] = []
    for contentPath in contentPaths {
      let (article, found, inspected) = SiteLoader.loadArticle(
        root: options.root,
        options: SiteLoader.Options(
          includeDrafts: options.includeDrafts, baseURL: options.baseURL, placeholders: .warning),
        contentPath: contentPath, inspection: inspection)
      diagnostics += found
      findings += inspected
      // Every edited article is read before failing, so all their errors are shown.
      if found.hasErrors { continue }
      guard var article,
        let reportIndex = site.reports.firstIndex(where: { $0.id == article.reportID }),
        let articleIndex = site.reports[reportIndex].articles.firstIndex(where: {
          $0.markdown.contentPath == contentPath
        })
      else { return buildAll(changed: changed) }
      let old = site.reports[reportIndex].articles[articleIndex]
      // A new URL or a draft changes what pages exist: the whole site is built again.
      if article.slug != old.slug || (article.draft && !options.includeDrafts) { return buildAll(changed: changed) }
      article.markdown.period = old.markdown.period
      site.reports[reportIndex].articles[articleIndex] = article
      SiteLoader.sortArticles(&site.reports[reportIndex].articles)
    }
    if diagnostics.hasErrors { throw BuildFailure(diagnostics: diagnostics) }
    timings.record("load", since: &step)

    // The edited articles' Markdown, for their facts (headings, charts, links, summary).
    var bodies: [ContentPath: RenderedMarkdown] = [:]
    var facts = state.facts
    for contentPath in contentPaths {
      guard let article = site.article(at: contentPath) else { continue }
      let body = state.markdown.render(article.markdown)
      bodies[contentPath] = body
      facts[contentPath] = DocumentFacts(body)
      diagnostics += body.diagnostics
      // The checks before publishing, for the edited articles alone: the rest of the site
      // was checked by the last whole build.
      diagnostics += findings.filter { $0.location.file == article.markdown.file }
      diagnostics += inspection.findings(
        in: article.markdown.text, file: article.markdown.file, firstLine: article.markdown.lineOffset + 1)
      diagnostics += ArticleFieldsCheck.check(article, config: site.config, today: ContentDate.today)
    }
    if diagnostics.hasErrors { throw BuildFailure(diagnostics: diagnostics.sortedInFileOrder()) }
    timings.record("markdown", since: &step)

    let edits = contentPaths.compactMap { contentPath -> ArticleEdit? in
      guard let old = state.loaded.site.article(at: contentPath), let new = site.article(at: contentPath) else {
        return nil
      }
      return ArticleEdit(old: old, new: new, oldFacts: state.facts[contentPath], newFacts: facts[contentPath])
    }
    // An edit no list shows renders only the article's own page again (and the data page
    // when its charts changed); one that keeps every list's order keeps the index.
    let listed = edits.count == contentPaths.count && edits.allSatisfy(\.keepsListings)
    let sameOrder = edits.count == contentPaths.count && edits.allSatisfy(\.keepsOrder)
    var loaded = state.loaded
    loaded.site = site
    var indexed = state.indexed
    if listed || sameOrder {
      indexed.index = state.indexed.index.replacingArticles(in: site, changed: Set(contentPaths))
    } else {
      indexed.index = SiteIndex(site: site, staticFiles: loaded.theme.staticFiles)
      indexed.diagnostics = loaded.diagnostics + indexed.index.diagnostics + state.indexed.templates.diagnostics
      if indexed.diagnostics.hasErrors { throw BuildFailure(diagnostics: indexed.diagnostics) }
    }
    let index = indexed.index
    timings.record("index", since: &step)

    // Links to the edited articles' headings, and the edited articles' own links to headings.
    var checked = Set(contentPaths)
    for contentPath in contentPaths { checked.formUnion(state.graph.documents(linkingTo: contentPath)) }
    diagnostics += FragmentCheck.run(
      index: index, documents: facts, templateIDs: indexed.templates.ids, only: checked)
    if diagnostics.hasErrors { throw BuildFailure(diagnostics: diagnostics.sortedInFileOrder()) }
    timings.record("check", since: &step)

    let graph = DependencyGraph(
      index: index, documents: facts, templateUses: indexed.templates.uses,
      templateFiles: loaded.theme.templates.mapValues(\.file))
    var affected: Set<OutputPath> = []
    if listed {
      for edit in edits { affected.formUnion(edit.ownPages(in: index)) }
    } else {
      for file in changed {
        affected.formUnion(state.graph.outputsAffected(byChangeTo: file))
        affected.formUnion(graph.outputsAffected(byChangeTo: file))
      }
      // A page may be skipped only when no edited article changes it.
      if sameOrder, let first = edits.first {
        affected.subtract(
          edits.dropFirst().reduce(first.unchangedListPages(in: index)) {
            $0.intersection($1.unchangedListPages(in: index))
          })
      }
    }
    timings.record("dependencies", since: &step)
    let renderer = PageRenderer(site: SiteView(index: index, documents: facts), theme: indexed.theme)
    var chapterBodies = state.chapterBodies
    for (contentPath, body) in bodies {
      guard let page = index.page(ofDocument: contentPath), case .article(let report, let position) = page.kind
      else { continue }
      chapterBodies[contentPath] = renderer.printChapter(reportIndex: report, articleIndex: position, body: body)
    }
    // A print page holds a whole report (megabytes at a thousand articles): it is rendered
    // when the browser asks for it, not after every save.
    let printPages = index.pages.filter { page in
      if case .print = page.kind { return affected.contains(page.outputPath) }
      return false
    }
    let deferredPages = Dictionary(
      uniqueKeysWithValues: printPages.map { page in
        (page.outputPath, Self.deferredRender(page, index: index, renderer: renderer, chapterBodies: chapterBodies))
      })
    let rendered = try render(
      affected.subtracting(deferredPages.keys), index: index, renderer: renderer, bodies: bodies,
      chapterBodies: chapterBodies)
    timings.record("pages", since: &step)
    // The search index: the edited articles' result files now, the shards (which every
    // article shares) made again when one is first asked for.
    var search = state.search
    var searchDocuments: [ContentPath: Data] = [:]
    let searchShards: SearchShards?
    if site.config.search != nil && search.shardCount > 0 {
      for (contentPath, body) in bodies {
        guard let article = site.article(at: contentPath),
          let report = site.reports.first(where: { $0.id == article.reportID })
        else { continue }
        search.keys[contentPath] = SearchKeys.keys(title: article.title, text: body.searchText)
        searchDocuments[contentPath] = Data(
          SearchDocument.json(
            article: article, report: report, link: renderer.site.link(article.sitePath), text: body.searchText))
      }
      search.order = site.reports.flatMap { $0.articles.map(\.markdown.contentPath) }
      searchShards = SearchShards(keys: search.order.compactMap { search.keys[$0] }, count: search.shardCount)
    } else {
      searchShards = nil
    }
    timings.record("search", since: &step)
    let warnings = (indexed.diagnostics + diagnostics).sortedInFileOrder()
    // A tag no article carries any more has no page any more.
    var gone = listed ? [] : state.indexed.index.pages.map(\.outputPath).filter { !index.outputPaths.contains($0) }
    // A chart taken out of an article takes its file and embed page with it.
    for contentPath in contentPaths {
      let kept = Set(facts[contentPath]?.charts.map(\.id) ?? [])
      for chart in state.facts[contentPath]?.charts ?? [] where !kept.contains(chart.id) {
        gone += [SitePaths.chartFile(chart.id).outputPath, SitePaths.chartEmbed(chart.id).outputPath]
      }
    }
    lock.withLock {
      files.merge(rendered) { _, new in new }
      for (path, render) in deferredPages {
        files[path] = nil
        deferred[path] = render
      }
      for path in gone {
        files[path] = nil
        deferred[path] = nil
      }
      if let searchShards {
        // An edit that moves an article (its date, its weight) renumbers the result files.
        let numbers = Dictionary(uniqueKeysWithValues: state.search.order.enumerated().map { ($1, $0) })
        var renumbered: [OutputPath: Data] = [:]
        for (number, contentPath) in search.order.enumerated() {
          let path = SitePaths.searchDocument(number).outputPath
          if let data = searchDocuments[contentPath] {
            renumbered[path] = data
          } else if let old = numbers[contentPath], old != number {
            renumbered[path] = files[SitePaths.searchDocument(old).outputPath]
          }
        }
        files.merge(renumbered) { _, new in new }
        for number in 0..<search.shardCount {
          let path = SitePaths.searchShard(number).outputPath
          files[path] = nil
          deferred[path] = { .success(Data(searchShards.file(number))) }
        }
      }
      problems = warnings
      unbuilt = []
      self.state = State(
        loaded: loaded, indexed: indexed, facts: facts, graph: graph, markdown: state.markdown,
        chapterBodies: chapterBodies, search: search)
      generation += 1
    }
    return Rebuild(
      changed: changed, outputsRebuilt: rendered.count + deferredPages.count, duration: .now - started,
      diagnostics: warnings, incremental: true, timings: timings)
  }

  /// Renders a page when it is first asked for; a failure is an error of the site.
  private static func deferredRender(
    _ page: SiteIndex.Page, index: SiteIndex, renderer: PageRenderer, chapterBodies: [ContentPath: String]
  ) -> @Sendable () -> Result<Data, Diagnostic> {
    {
      let markdown = SiteBuilder.markdownRenderer(for: index, producesHTML: true)
      var reportBodies: [ContentPath: RenderedMarkdown] = [:]
      if case .print(let reportIndex) = page.kind {
        let report = index.site.reports[reportIndex].markdown
        reportBodies[report.contentPath] = markdown.render(report)
      }
      return renderer.page(page, reportBodies: reportBodies, chapterBodies: chapterBodies).map { Data($0.utf8) }
    }
  }

  /// Renders the pages at `paths` (an article's page with its portal files); article and
  /// report pages render their Markdown again.
  private func render(
    _ paths: Set<OutputPath>, index: SiteIndex, renderer: PageRenderer, bodies: [ContentPath: RenderedMarkdown],
    chapterBodies: [ContentPath: String]
  ) throws(BuildFailure) -> [OutputPath: Data] {
    let markdown = SiteBuilder.markdownRenderer(for: index, producesHTML: true)
    let pages = index.pages.filter { paths.contains($0.outputPath) }
    // The home page shows the latest report's body; a report's page, embed page and print
    // page its own.
    var reportBodies: [ContentPath: RenderedMarkdown] = [:]
    if pages.contains(where: {
      switch $0.kind {
      case .home, .report, .reportEmbed, .print: true
      default: false
      }
    }) {
      for report in index.site.reports {
        reportBodies[report.markdown.contentPath] = markdown.render(report.markdown)
      }
    }
    let allReportBodies = reportBodies
    let results = Parallel.map(pages) { page -> Result<[(OutputPath, Data)], Diagnostic> in
      switch page.kind {
      case .article(let report, let position):
        let article = index.site.reports[report].articles[position]
        let body = bodies[article.markdown.contentPath] ?? markdown.render(article.markdown)
        return renderer.articleFiles(reportIndex: report, articleIndex: position, body: body).map { files in
          files.map { ($0.path, Data($0.text.utf8)) }
        }
      default:
        return renderer.page(page, reportBodies: allReportBodies, chapterBodies: chapterBodies).map {
          [(page.outputPath, Data($0.utf8))]
        }
      }
    }
    var rendered: [OutputPath: Data] = [:]
    var problems: [Diagnostic] = []
    for result in results {
      switch result {
      case .success(let files): for (path, data) in files { rendered[path] = data }
      case .failure(let diagnostic): problems.append(diagnostic)
      }
    }
    if !problems.isEmpty { throw BuildFailure(diagnostics: problems) }
    return rendered
  }
}

/// The search index's shards after an edit, made once, when the first of them is asked
/// for: typing in an article does not wait for an index of the whole site.
private final class SearchShards: Sendable {
  private let keys: [SearchKeys.DocumentKeys]
  private let count: Int
  private let made = Mutex<[[UInt8]]?>(nil)

  init(keys: [SearchKeys.DocumentKeys], count: Int) {
    self.keys = keys
    self.count = count
  }

  func file(_ number: Int) -> [UInt8] {
    made.withLock { made in
      if let files = made { return files[number] }
      let index = SearchIndex()
      index.add(keys)
      let files = Mutex(Array(repeating: [UInt8](), count: count))
      index.drainShards(count: count) { number, bytes in files.withLock { $0[number] = bytes } }
      let shards = files.withLock { $0 }
      made = shards
      return shards[number]
    }
  }
}
