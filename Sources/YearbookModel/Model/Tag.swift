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
    // Tags gather article numbers, not articles: an article is copied once, into its
    // place in a finished tag, rather than at every step (each copy retains a dozen
    // references, and a large site has 30,000 memberships).
    var numberOfKey: [String: Int] = [:]
    var first: [(name: String, file: SourcePath)] = []
    var members: [[Int]] = []
    var slugs: [String: String] = [:]
    var diagnostics: [Diagnostic] = []
    var keyOfSpelling: [String: String] = [:]
    for (position, article) in articles.enumerated() {
      var seenInArticle: Set<Int> = []
      for name in article.tags {
        // Folding is slow and a site has few spellings: each is folded once.
        let key: String
        if let known = keyOfSpelling[name] {
          key = known
        } else {
          key = foldedKey(name)
          keyOfSpelling[name] = key
        }
        if let number = numberOfKey[key] {
          guard seenInArticle.insert(number).inserted else { continue }
          if first[number].name != name {
            diagnostics.append(
              .warning(
                .tagSpelledTwoWays(name, shownAs: first[number].name, writtenIn: "\(first[number].file)"),
                at: SourceLocation(file: article.markdown.file)))
          }
          members[number].append(position)
        } else {
          numberOfKey[key] = first.count
          seenInArticle.insert(first.count)
          first.append((name, article.markdown.file))
          members.append([position])
        }
      }
    }
    // Distinct tags whose slugs coincide take -2, -3 in the order of their names, so the
    // same tags get the same pages in every build.
    var slugOfTag = Array(repeating: "", count: first.count)
    var taken: Set<String> = []
    let keyOfTag = numberOfKey.sorted { $0.value < $1.value }.map(\.key)
    for number in first.indices.sorted(by: { (first[$0].name, keyOfTag[$0]) < (first[$1].name, keyOfTag[$1]) }) {
      let slug = HeadingIDs.first(baseSlug(for: first[number].name), notIn: taken)
      taken.insert(slug)
      slugOfTag[number] = slug
    }
    for (spelling, key) in keyOfSpelling { slugs[spelling] = slugOfTag[numberOfKey[key]!] }
    // Newest first, then by URL; each article's URL is made once for all its tags.
    let sortKeys = articles.map { ($0.date, $0.sitePath) }
    let tags = first.indices.map { number -> Tag in
      let newest = members[number].sorted {
        (sortKeys[$0].0, sortKeys[$1].1) > (sortKeys[$1].0, sortKeys[$0].1)
      }
      return Tag(name: first[number].name, slug: slugOfTag[number], articles: newest.map { articles[$0] })
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
