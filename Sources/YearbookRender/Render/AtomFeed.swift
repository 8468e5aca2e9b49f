import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookMarkdown
import YearbookModel

/// `feed.xml`: an Atom feed of the newest articles (`feed_limit`, default 20) with their
/// summaries, so it stays small however large the site grows. Its `updated` is the newest
/// article's date, never the clock, so two builds give the same bytes.
package enum AtomFeed {
  package static func xml(site view: SiteView) -> String {
    let site = view.index.site
    let config = site.config
    let articles = Tag.newestFirst(site.articles).prefix(config.feedLimit)
    let updated = articles.first?.date ?? site.reports.first?.date ?? ContentDate("2000-01-01")!
    let author = config.publisher.isEmpty ? config.title : config.publisher

    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(HTML.escape(config.language))\">\n"
    xml += "  <title>\(HTML.escape(config.title))</title>\n"
    if !config.description.isEmpty { xml += "  <subtitle>\(HTML.escape(config.description))</subtitle>\n" }
    let first = site.reports.map(\.date).min() ?? updated
    xml += "  <id>\(HTML.escape(id(for: SitePaths.home, date: first, site: site)))</id>\n"
    xml +=
      "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(HTML.escape(config.absolute(SitePaths.feed)))\"/>\n"
    xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(HTML.escape(config.absolute(SitePaths.home)))\"/>\n"
    xml += "  <updated>\(updated.rfc3339)</updated>\n"
    xml += "  <author><name>\(HTML.escape(author))</name></author>\n"
    for article in articles {
      let summary = view.summary(of: article)
      xml += "  <entry>\n"
      xml += "    <title>\(HTML.escape(article.title))</title>\n"
      xml += "    <id>\(HTML.escape(id(for: article.sitePath, date: article.date, site: site)))</id>\n"
      xml +=
        "    <link rel=\"alternate\" type=\"text/html\" href=\"\(HTML.escape(config.absolute(article.sitePath)))\"/>\n"
      xml += "    <published>\(article.date.rfc3339)</published>\n"
      xml += "    <updated>\(article.date.rfc3339)</updated>\n"
      if let byline = article.byline { xml += "    <author><name>\(HTML.escape(byline))</name></author>\n" }
      for tag in article.tags { xml += "    <category term=\"\(HTML.escape(tag))\"/>\n" }
      if !summary.isEmpty { xml += "    <summary>\(HTML.escape(summary))</summary>\n" }
      xml += "  </entry>\n"
    }
    xml += "</feed>\n"
    return xml
  }

  /// Atom ids must be absolute IRIs that never change, even when the site moves: `tag:`
  /// URIs (RFC 4151) of the site's host, the date the page first appeared, and its path,
  /// such as `tag:www.pinghu.gov.cn,2025-01-22:/2024/talent/`.
  package static func id(for sitePath: SitePath, date: ContentDate, site: Site) -> String {
    "tag:\(site.config.host ?? "yearbook.invalid"),\(date):" + site.config.baseURL.link(sitePath)
  }
}
