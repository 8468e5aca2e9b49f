import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookMarkdown
import YearbookModel

/// `sitemap.xml` listing every page by its absolute URL (the protocol requires them), with
/// the content's own dates as `lastmod`. Written only when the origin is known.
package enum Sitemap {
  package static func xml(index: SiteIndex) -> String {
    let site = index.site
    var entries: [(path: SitePath, date: ContentDate?)] = [(SitePaths.home, site.reports.first?.date)]
    for report in site.reports {
      entries.append((report.sitePath, max(report.date, report.articles.map(\.date).max() ?? report.date)))
      for article in report.articles { entries.append((article.sitePath, article.date)) }
    }
    entries.append((SitePaths.data, nil))
    entries.append((SitePaths.tags, nil))
    for tag in index.tags { entries.append((tag.sitePath, tag.articles.map(\.date).max())) }

    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    for entry in entries {
      xml += "  <url>\n    <loc>\(HTML.escape(site.config.absolute(entry.path)))</loc>\n"
      if let date = entry.date { xml += "    <lastmod>\(date)</lastmod>\n" }
      xml += "  </url>\n"
    }
    xml += "</urlset>\n"
    return xml
  }
}
