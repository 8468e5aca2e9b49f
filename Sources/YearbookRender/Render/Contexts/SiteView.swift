import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookMarkdown
import YearbookModel

/// The site as page templates see it: the index, what the Markdown step learnt about each
/// document (summaries, headings, charts), and links made with the base URL. Shared,
/// read-only, by every page context of one build.
package final class SiteView: Sendable {
  package let index: SiteIndex
  package let documents: [ContentPath: DocumentFacts]
  package let navigation: [NavigationItem]
  package let footer: FooterContext
  /// Links every page shows, made once: `site.home_url` and the others, tag pages.
  package let siteLinks: [String: String]
  package let tagLinks: [String: String]
  /// The government metadata every page shares (`GovernmentMeta.siteTags`).
  package let siteMetaTags: [MetaTag]
  /// The slugs of each report's articles, by report index, so that a print page's every
  /// link is looked up at once rather than along a thousand articles.
  package let articleSlugs: [Set<String>]

  package init(index: SiteIndex, documents: [ContentPath: DocumentFacts]) {
    self.index = index
    self.documents = documents
    let base = index.site.config.baseURL
    navigation = index.site.reports.map {
      NavigationItem(title: $0.title, period: $0.period, sitePath: $0.sitePath, url: base.link($0.sitePath))
    }
    footer = FooterContext(index.site.config.footer)
    let hasFeed = index.site.config.origin != nil
    let hasSearch = index.site.config.search != nil
    siteLinks = SitePaths.siteLinks.filter {
      ($0.key != "feed_url" || hasFeed) && ($0.key != "search_url" || hasSearch)
    }.mapValues(base.link)
    tagLinks = index.tagSlugs.mapValues { base.link(SitePaths.tag(slug: $0)) }
    siteMetaTags = GovernmentMeta.siteTags(index.site.config)
    articleSlugs = index.site.reports.map { Set($0.articles.map(\.slug)) }
  }

  package func link(toTag name: String) -> String { tagLinks[name] ?? link(SitePaths.tags) }

  package var config: SiteConfig { index.site.config }

  package func link(_ sitePath: SitePath) -> String { config.baseURL.link(sitePath) }

  package func summary(of article: Article) -> String {
    article.summary ?? documents[article.markdown.contentPath]?.summary ?? ""
  }

  package func summary(of report: Report) -> String {
    report.summary ?? documents[report.markdown.contentPath]?.summary ?? ""
  }

  package func card(_ article: Article) -> ArticleCard {
    ArticleCard(article: article, summary: summary(of: article), site: self)
  }

  /// What every page shows around its content: the site's name and navigation, the
  /// page's own title and URL, and the breadcrumbs leading to it. The `<title>` reads as a
  /// government portal's do, 标题_栏目_站名: the page, the section it is in (the last
  /// breadcrumb after 首页), the site, joined by `title_separator`.
  /// `column` names the column the page belongs to for the government metadata (by
  /// default its report, or the page itself); `article` is the article the page shows.
  package func frame(
    title: String?, sitePath: SitePath, kind: String, description: String? = nil, breadcrumbs: [PageLink] = [],
    column: String? = nil, article: Article? = nil
  ) -> PageFrame {
    let config = self.config
    let section = breadcrumbs.dropFirst().last?.title
    var page = PageMeta(
      title: ([title, section].compactMap { $0 } + [config.title]).joined(separator: config.titleSeparator),
      heading: title ?? config.title,
      url: link(sitePath),
      canonical: config.absolute(sitePath),
      description: description ?? config.description,
      kind: kind)
    page.metaTags = GovernmentMeta.tags(
      site: siteMetaTags, columnName: column ?? section ?? title ?? "首页", kind: kind, url: page.canonical,
      article: article, description: description)
    return PageFrame(site: SiteContext(view: self, currentPath: sitePath), page: page, breadcrumbs: breadcrumbs)
  }

  package func crumb(_ title: String, _ sitePath: SitePath) -> PageLink { PageLink(title: title, url: link(sitePath)) }

  package var homeCrumb: PageLink { crumb("首页", SitePaths.home) }
}
