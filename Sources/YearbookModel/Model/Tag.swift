import Foundation
import YearbookCore

/// A tag and the articles carrying it; its page lives at `tags/<slug>/`.
public struct Tag: Sendable, Hashable {
  public var name: String
  public var slug: String
  public var articles: [Article]

  public var sitePath: SitePath { SitePaths.tag(slug: slug) }

  /// The tags of a site: each distinct tag with its own page, and the page of every
  /// spelling used in front matter.
  public struct Index: Sendable {
    /// Most used first, then by slug; articles newest first.
    public var tags: [Tag]
    /// Every spelling written in front matter, to its tag's slug.
    public var slugs: [String: String]
    /// Spellings merged into one tag (`AI` and `ai`), reported so the editor can pick one.
    public var diagnostics: [Diagnostic]
  }

  /// Spellings that differ only in case or width (`AI`, `ai`, `ＡＩ`) are one tag, shown as
  /// first written, with a warning. Any other difference (`科创 平台`, `科创-平台`) makes a
  /// tag of its own, with its own page, even when both would make the same slug.
  public static func index(of articles: [Article]) -> Index {
    var order: [String] = []
    var byKey: [String: (tag: Tag, file: SourcePath)] = [:]
    var slugs: [String: String] = [:]
    var diagnostics: [Diagnostic] = []
    var keyOfSpelling: [String: String] = [:]
    for article in articles {
      var seenInArticle: Set<String> = []
      for name in article.tags {
        // Folding is slow and a site has few spellings: each is folded once.
        let key: String
        if let known = keyOfSpelling[name] {
          key = known
        } else {
          key = foldedKey(name)
          keyOfSpelling[name] = key
        }
        guard seenInArticle.insert(key).inserted else { continue }
        if let existing = byKey[key] {
          if existing.tag.name != name {
            diagnostics.append(
              .warning(
                .tagSpelledTwoWays(name, shownAs: existing.tag.name, writtenIn: "\(existing.file)"),
                at: SourceLocation(file: article.markdown.file)))
          }
          byKey[key]!.tag.articles.append(article)
        } else {
          order.append(key)
          byKey[key] = (Tag(name: name, slug: "", articles: [article]), article.markdown.file)
        }
      }
    }
    // Distinct tags whose slugs coincide take -2, -3 in the order of their names, so the
    // same tags get the same pages in every build.
    var taken: Set<String> = []
    for key in order.sorted(by: { (byKey[$0]!.tag.name, $0) < (byKey[$1]!.tag.name, $1) }) {
      let slug = HeadingIDs.first(baseSlug(for: byKey[key]!.tag.name), notIn: taken)
      taken.insert(slug)
      byKey[key]!.tag.slug = slug
    }
    for (spelling, key) in keyOfSpelling { slugs[spelling] = byKey[key]!.tag.slug }
    let tags = order.map { key -> Tag in
      var tag = byKey[key]!.tag
      tag.articles = newestFirst(tag.articles)
      return tag
    }.sorted { ($0.articles.count, $1.slug) > ($1.articles.count, $0.slug) }
    return Index(tags: tags, slugs: slugs, diagnostics: diagnostics)
  }

  /// Case and full-width forms fold together: `ＡＩ`, `AI` and `ai` are one key.
  package static func foldedKey(_ name: String) -> String {
    name.folding(options: [.caseInsensitive, .widthInsensitive], locale: nil)
  }

  /// Tags are named in Chinese; their URL keeps letters and digits of any script. A tag
  /// of punctuation alone (`!!!`) gets `tag-` and its characters' code points.
  package static func baseSlug(for name: String) -> String {
    guard name.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil })
    else {
      return "tag-" + name.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: "-")
    }
    return HeadingIDs.slug(name)
  }

  /// Newest first, then by URL; each article's URL is made once, not at every comparison.
  package static func newestFirst(_ articles: [Article]) -> [Article] {
    let keys = articles.map { ($0.date, $0.sitePath) }
    return articles.indices.sorted { (keys[$0].0, keys[$1].1) > (keys[$1].0, keys[$0].1) }.map { articles[$0] }
  }
}
