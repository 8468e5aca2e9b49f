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
  package let documents: [String: DocumentFacts]
  /// Page template → every template it renders through.
  package let templateUses: [String: Set<String>]
  /// `Templates/partials/pager.mustache` → `pager`
  package let templateNames: [String: String]

  package init(
    index: SiteIndex, documents: [String: DocumentFacts], templateUses: [String: Set<String>],
    templateFiles: [String: String]
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
  public func outputsAffected(byChangeTo file: String) -> Set<String> {
    // Made only when returned: it names every one of the site's outputs.
    var everything: Set<String> { Set(index.pages.map(\.outputPath)).union(index.copies.map(\.path)) }
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
    if file.hasPrefix("Templates/static/") {
      return [String(file.dropFirst("Templates/static/".count))]
    }
    guard file.hasPrefix("Content/") else { return everything }
    let contentPath = String(file.dropFirst("Content/".count))
    if contentPath.hasPrefix("assets/") { return [contentPath] }
    if contentPath.hasPrefix("data/") {
      let name = contentPath.dropFirst("data/".count)
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
  public func documents(linkingTo contentPath: String) -> [String] {
    documents.filter { $0.value.linkedDocuments.contains(contentPath) }.map(\.key).sorted()
  }

  package static func printPage(_ report: Report) -> String { SitePaths.file(for: SitePaths.print(report: report.id)) }

  /// An article appears on its own page (and its portal files, rendered with it), its
  /// report's print page, its neighbours' (their pager names it), its
  /// report's, its tags' pages and the tags index, the home page when its report is the
  /// latest, the data page when it draws charts, the feed and the sitemap.
  private func pages(showing reportIndex: Int, _ articleIndex: Int) -> Set<String> {
    let report = index.site.reports[reportIndex]
    let article = report.articles[articleIndex]
    var affected: Set<String> = [
      SitePaths.file(for: article.sitePath), SitePaths.file(for: report.sitePath), SitePaths.feed,
      SitePaths.sitemap, SitePaths.file(for: SitePaths.tags), Self.printPage(report),
      SitePaths.file(for: SitePaths.embed(report.sitePath)),
    ]
    for neighbour in [articleIndex - 1, articleIndex + 1] where report.articles.indices.contains(neighbour) {
      affected.insert(SitePaths.file(for: report.articles[neighbour].sitePath))
    }
    if reportIndex == 0 { affected.insert(SitePaths.file(for: SitePaths.home)) }
    if documents[article.markdown.contentPath]?.charts.isEmpty == false {
      affected.insert(SitePaths.file(for: SitePaths.data))
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
  private func pages(drawingFrom id: String, datasetIndex: Int) -> Set<String> {
    var affected: Set<String> = [
      SitePaths.file(for: SitePaths.data), SitePaths.datasetCSV(id),
    ]
    for (reportIndex, report) in index.site.reports.enumerated() {
      if documents[report.markdown.contentPath]?.datasets.contains(id) == true {
        affected.insert(SitePaths.file(for: report.sitePath))
        affected.insert(SitePaths.file(for: SitePaths.embed(report.sitePath)))
        affected.insert(Self.printPage(report))
        if reportIndex == 0 { affected.insert(SitePaths.file(for: SitePaths.home)) }
      }
      for article in report.articles where documents[article.markdown.contentPath]?.datasets.contains(id) == true {
        affected.insert(SitePaths.file(for: article.sitePath))
        affected.insert(Self.printPage(report))
      }
    }
    return affected
  }
}
