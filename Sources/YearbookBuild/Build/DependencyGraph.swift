import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookPortal
import YearbookRender

/// Which output files depend on which source files: the question a preview server asks
/// after every save. Built from the site index, what the Markdown step learnt about each
/// document (the datasets it draws from), and which templates each page template uses.
public struct DependencyGraph: Sendable {
  package let index: SiteIndex
  package let documents: [ContentPath: DocumentFacts]
  /// Page template → every template it renders through.
  package let templateUses: [String: Set<String>]
  /// `Templates/partials/pager.mustache` → `pager`
  package let templateNames: [SourcePath: String]

  package init(
    index: SiteIndex, documents: [ContentPath: DocumentFacts], templateUses: [String: Set<String>],
    templateFiles: [String: SourcePath]
  ) {
    self.index = index
    self.documents = documents
    self.templateUses = templateUses
    templateNames = Dictionary(templateFiles.map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The output paths to render again when `file` (relative to the project root, such as
  /// `Content/2024/talent.md`) changes. A file the site does not know yet (a new article,
  /// `site.yml`, a report's `_index.md`, which names the report in every page's
  /// navigation) affects every output.
  public func outputsAffected(byChangeTo file: SourcePath) -> Set<OutputPath> {
    // Made only when returned: it names every one of the site's outputs.
    var everything: Set<OutputPath> { Set(index.pages.map(\.outputPath)).union(index.copies.map(\.path)) }
    if let template = templateNames[file] {
      let uses = { (name: String) in templateUses[name]?.contains(template) ?? true }
      // An article's embed page and its charts' are rendered with its page.
      return Set(
        index.pages.filter { page in
          guard let name = page.template else { return false }
          if case .article = page.kind, uses("embed") { return true }
          return uses(name)
        }.map(\.outputPath))
    }
    if let published = Theme.output(ofStatic: file) { return [published] }
    guard let contentPath = file.contentPath else { return everything }
    if contentPath.value.hasPrefix("assets/") { return [SitePaths.asset(contentPath).outputPath] }
    if contentPath.value.hasPrefix("data/") {
      let name = contentPath.value.dropFirst("data/".count)
      let id = String(name.prefix { $0 != "." })
      guard let datasetIndex = index.site.datasets.firstIndex(where: { $0.id == id }) else { return everything }
      return pages(drawingFrom: id, datasetIndex: datasetIndex)
    }
    guard let page = index.page(ofDocument: contentPath), case .article(let reportIndex, let articleIndex) = page.kind
    else { return everything }
    return pages(showing: reportIndex, articleIndex)
  }

  /// The documents whose Markdown links to `contentPath` (`2024/talent.md`), sorted: their
  /// links must be checked again when its headings change, and they break when it goes.
  public func documents(linkingTo contentPath: ContentPath) -> [ContentPath] {
    documents.filter { $0.value.linkedDocuments.contains(contentPath) }.map(\.key).sorted()
  }

  package static func printPage(_ report: Report) -> OutputPath { SitePaths.print(report: report.id).outputPath }

  /// An article appears on its own page (and its portal files, rendered with it), its
  /// report's print page, its neighbours' (their pager names it), its
  /// report's, its tags' pages and the tags index, the home page when its report is the
  /// latest, the data page when it draws charts, the feed and the sitemap.
  private func pages(showing reportIndex: Int, _ articleIndex: Int) -> Set<OutputPath> {
    let report = index.site.reports[reportIndex]
    let article = report.articles[articleIndex]
    var affected: Set<OutputPath> = [
      article.sitePath.outputPath, report.sitePath.outputPath, SitePaths.feed.outputPath,
      SitePaths.sitemap.outputPath, SitePaths.tags.outputPath, Self.printPage(report),
      SitePaths.embed(report.sitePath).outputPath,
    ]
    for neighbour in [articleIndex - 1, articleIndex + 1] where report.articles.indices.contains(neighbour) {
      affected.insert(report.articles[neighbour].sitePath.outputPath)
    }
    if reportIndex == 0 { affected.insert(SitePaths.home.outputPath) }
    if documents[article.markdown.contentPath]?.charts.isEmpty == false {
      affected.insert(SitePaths.data.outputPath)
    }
    let slugs = Set(article.tags.compactMap { index.tagSlugs[$0] })
    for page in index.pages {
      if case .tag(let tagIndex, _) = page.kind, slugs.contains(index.tags[tagIndex].slug) {
        affected.insert(page.outputPath)
      }
    }
    return affected
  }

  /// A dataset is shown on the pages whose Markdown draws from it, the data page and its
  /// CSV file; a report's body also shows on the home page (its KPI tiles).
  private func pages(drawingFrom id: String, datasetIndex: Int) -> Set<OutputPath> {
    var affected: Set<OutputPath> = [
      SitePaths.data.outputPath, SitePaths.datasetCSV(id).outputPath,
    ]
    for (reportIndex, report) in index.site.reports.enumerated() {
      if documents[report.markdown.contentPath]?.datasets.contains(id) == true {
        affected.insert(report.sitePath.outputPath)
        affected.insert(SitePaths.embed(report.sitePath).outputPath)
        affected.insert(Self.printPage(report))
        if reportIndex == 0 { affected.insert(SitePaths.home.outputPath) }
      }
      for article in report.articles where documents[article.markdown.contentPath]?.datasets.contains(id) == true {
        affected.insert(article.sitePath.outputPath)
        affected.insert(Self.printPage(report))
      }
    }
    return affected
  }
}
