import YearbookBuild
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookRender

/// What a save changed in an article, as the pages that list it see it: the preview server
/// asks this to render fewer pages than the dependency graph names, when the others cannot
/// have changed. A test compares every page with a full build after each kind of edit.
package struct ArticleEdit {
  package var old: Article
  package var new: Article
  package var oldFacts: DocumentFacts?
  package var newFacts: DocumentFacts?

  /// What pages other than an article's own show of it: its card, its place in lists, its
  /// tags, its feed entry and sitemap date, its title in its neighbours' pager.
  private struct Listing: Equatable {
    package var title: String
    package var date: ContentDate
    package var weight: Int
    package var tags: [String]
    package var summary: String?
    package var byline: String?
    package var source: String?

    package init(_ article: Article, facts: DocumentFacts?) {
      title = article.title
      date = article.date
      weight = article.weight
      tags = article.tags
      summary = article.summary ?? facts?.summary
      byline = article.byline
      source = article.source
    }
  }

  /// Nothing a list shows changed: only the article's own page differs.
  package var keepsListings: Bool { Listing(old, facts: oldFacts) == Listing(new, facts: newFacts) }

  /// Date, weight and tags stay (slugs never change here): every page, URL and list order
  /// of the index stays.
  package var keepsOrder: Bool { new.date == old.date && new.weight == old.weight && new.tags == old.tags }

  /// The article's page (its portal files are rendered with it), its report's print page,
  /// and the data page when its charts changed.
  package func ownPages(in index: SiteIndex) -> Set<OutputPath> {
    guard let page = index.page(ofDocument: new.markdown.contentPath) else { return [] }
    var pages: Set<OutputPath> = [page.outputPath]
    if let report = index.site.reports.first(where: { $0.id == new.reportID }) {
      pages.insert(DependencyGraph.printPage(report))
    }
    if oldFacts?.charts != newFacts?.charts { pages.insert(SitePaths.data.outputPath) }
    return pages
  }

  /// List pages the dependency graph names that this edit cannot change, when it keeps
  /// the order: of its tags' pages only the one showing it changes, and the tags index and
  /// the sitemap (counts and dates) do not.
  package func unchangedListPages(in index: SiteIndex) -> Set<OutputPath> {
    guard keepsOrder else { return [] }
    var unchanged: Set<OutputPath> = [SitePaths.tags.outputPath, SitePaths.sitemap.outputPath]
    let perPage = index.site.config.paginate
    for tag in index.tags {
      guard let position = tag.articles.firstIndex(where: { $0.sitePath == new.sitePath }) else { continue }
      for number in 1...SiteIndex.pageCount(items: tag.articles.count, perPage: perPage)
      where number != position / perPage + 1 {
        unchanged.insert(SitePaths.tag(slug: tag.slug, page: number).outputPath)
      }
    }
    return unchanged
  }
}
