import YearbookCore
import YearbookModel

/// One `<meta name="…" content="…">` of the page metadata government sites carry: the
/// portal's collection system and the yearly inspection of government websites read them.
package struct MetaTag: TemplateValue, Hashable {
  package var name: String
  package var content: String

  package static let fields = TemplateFields<Self>([.text("name") { $0.name }, .text("content") { $0.content }])
}

/// The government page metadata of one page (`SiteName`, `SiteIDCode`, `ColumnName`, and on
/// article pages `ArticleTitle`, `PubDate`…), in the order the templates write them. A
/// value the site does not have is left out rather than written empty.
package enum GovernmentMeta {
  /// The column type of each page kind: a report's pages, its articles and their embeds
  /// are its column (年度报告); the lists have their own.
  package static func columnType(ofKind kind: String) -> String {
    switch kind {
    case "home": "首页"
    case "tags", "tag": "标签"
    case "data": "数据"
    case "not-found", "search": "其他"
    default: "年度报告"
    }
  }

  /// The tags every page of the site shares, made once a build.
  package static func siteTags(_ config: SiteConfig) -> [MetaTag] {
    var tags = [MetaTag(name: "SiteName", content: config.title)]
    if let host = config.host, !host.isEmpty { tags.append(MetaTag(name: "SiteDomain", content: host)) }
    if !config.footer.siteCode.isEmpty { tags.append(MetaTag(name: "SiteIDCode", content: config.footer.siteCode)) }
    return tags
  }

  /// One page's tags: `site` from `siteTags`, then its column and, on article pages, the article.
  package static func tags(
    site: [MetaTag], columnName: String, kind: String, url: String, article: Article? = nil,
    description: String? = nil
  ) -> [MetaTag] {
    var tags = site
    tags.append(MetaTag(name: "ColumnName", content: columnName))
    tags.append(MetaTag(name: "ColumnType", content: columnType(ofKind: kind)))
    guard let article else { return tags }
    tags.append(MetaTag(name: "ArticleTitle", content: article.title))
    tags.append(MetaTag(name: "PubDate", content: article.date.publication))
    if let source = article.source, !source.isEmpty { tags.append(MetaTag(name: "ContentSource", content: source)) }
    if let byline = article.byline, !byline.isEmpty { tags.append(MetaTag(name: "Author", content: byline)) }
    if !article.tags.isEmpty { tags.append(MetaTag(name: "Keywords", content: article.tags.joined(separator: ","))) }
    if let description, !description.isEmpty { tags.append(MetaTag(name: "Description", content: description)) }
    tags.append(MetaTag(name: "Url", content: url))
    return tags
  }
}
