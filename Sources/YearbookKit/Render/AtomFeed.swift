/// `feed.xml`: an Atom feed of the newest articles (`feed_limit`, default 20) with their
/// summaries, so it stays small however large the site grows. Its `updated` is the newest
/// article's date, never the clock, so two builds give the same bytes.
enum AtomFeed {
  static func xml(site view: SiteView) -> String {
    let site = view.index.site
    let config = site.config
    let base = config.baseURL
    let articles = Tag.newestFirst(site.articles).prefix(config.feedLimit)
    let updated = articles.first?.date ?? site.reports.first?.date ?? ContentDate("2000-01-01")!
    let author = config.publisher.isEmpty ? config.title : config.publisher

    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(HTML.escape(config.language))\">\n"
    xml += "  <title>\(HTML.escape(config.title))</title>\n"
    if !config.description.isEmpty { xml += "  <subtitle>\(HTML.escape(config.description))</subtitle>\n" }
    xml += "  <id>\(HTML.escape(id(for: "", site: site)))</id>\n"
    xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(HTML.escape(base.absolute("feed.xml")))\"/>\n"
    xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(HTML.escape(base.absolute("")))\"/>\n"
    xml += "  <updated>\(updated.rfc3339)</updated>\n"
    xml += "  <author><name>\(HTML.escape(author))</name></author>\n"
    for article in articles {
      let summary = view.summary(of: article)
      xml += "  <entry>\n"
      xml += "    <title>\(HTML.escape(article.title))</title>\n"
      xml += "    <id>\(HTML.escape(id(for: article.sitePath, site: site)))</id>\n"
      xml +=
        "    <link rel=\"alternate\" type=\"text/html\" href=\"\(HTML.escape(base.absolute(article.sitePath)))\"/>\n"
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

  /// Atom ids must be absolute IRIs. With an absolute base URL the page URL serves; with
  /// only a path prefix a `tag:` URI built from the publisher's name stays stable instead.
  static func id(for sitePath: String, site: Site) -> String {
    let base = site.config.baseURL
    if base.origin != nil { return base.absolute(sitePath) }
    return "tag:yearbook.invalid,2000:" + base.link(sitePath)
  }
}
