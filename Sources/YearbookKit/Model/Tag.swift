/// A tag and the articles carrying it; its page lives at `tags/<slug>/`.
public struct Tag: Sendable, Hashable {
  public var name: String
  public var slug: String
  public var articles: [Article]

  public var sitePath: String { SitePaths.tag(slug: slug) }

  /// Tags are named in Chinese; their URL keeps letters and digits of any script.
  static func slug(for name: String) -> String { HeadingIDs.slug(name) }

  static func sitePath(for name: String) -> String { SitePaths.tag(slug: slug(for: name)) }

  /// Tags of all articles, most used first, then by name; articles newest first.
  public static func index(of articles: [Article]) -> [Tag] {
    var bySlug: [String: Tag] = [:]
    for article in articles {
      for name in Set(article.tags) {
        let slug = Tag.slug(for: name)
        bySlug[slug, default: Tag(name: name, slug: slug, articles: [])].articles.append(article)
      }
    }
    return bySlug.values.map { tag in
      var tag = tag
      tag.articles = newestFirst(tag.articles)
      return tag
    }.sorted { ($0.articles.count, $1.slug) > ($1.articles.count, $0.slug) }
  }

  /// Newest first, then by URL; each article's URL is made once, not at every comparison.
  static func newestFirst(_ articles: [Article]) -> [Article] {
    let keys = articles.map { ($0.date, $0.sitePath) }
    return articles.indices.sorted { (keys[$0].0, keys[$1].1) > (keys[$1].0, keys[$0].1) }.map { articles[$0] }
  }
}
