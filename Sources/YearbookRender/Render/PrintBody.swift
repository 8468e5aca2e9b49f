import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookMarkdown
import YearbookModel

/// An article's body as one chapter of its report's print page: its ids get the article's
/// slug in front (every article has its own 「主要成效」), its headings go one level down
/// under the chapter's title, and links to other articles of the report, or to headings in
/// them, stay inside the page, so the saved PDF links within itself.
package enum PrintBody {
  /// The id of an article's chapter on the print page.
  package static func anchor(slug: String) -> String { "chapter-" + slug }

  /// `chapter` gives the slug of the report's article a link (as pages write it) leads to.
  package static func html(_ body: String, slug: String, chapter: @escaping (String) -> String?) -> String {
    var rewriter = HTMLRewriter.rename(idPrefix: slug + "-")
    let renameIDs = rewriter.attribute
    rewriter.attribute = { name, value in
      if name == "href", value.first != "#" {
        let hash = value.firstIndex(of: "#")
        guard let target = chapter(String(value[..<(hash ?? value.endIndex)])) else { return nil }
        let fragment = hash.map { value[value.index(after: $0)...] } ?? ""
        guard !fragment.isEmpty else { return "#" + anchor(slug: target) }
        return fragment.hasPrefix("yb-") ? "#\(fragment)" : "#\(target)-\(fragment)"
      }
      return renameIDs(name, value)
    }
    rewriter.renamedElements = Dictionary(uniqueKeysWithValues: (1...5).map { ("h\($0)", "h\($0 + 1)") })
    return rewriter(body)
  }
}

extension PageRenderer {
  /// An article's body as a chapter of its report's print page.
  package func printChapter(reportIndex: Int, articleIndex: Int, body: RenderedMarkdown) -> String {
    let report = site.index.site.reports[reportIndex]
    return PrintBody.html(
      body.html, slug: report.articles[articleIndex].slug, chapter: chapterLookup(reportIndex))
  }

  /// The slug of the report's article a link leads to (`/2024/talent/` → `talent`).
  package func chapterLookup(_ reportIndex: Int) -> (String) -> String? {
    let prefix = site.link(site.index.site.reports[reportIndex].sitePath)
    let slugs = site.articleSlugs[reportIndex]
    return { link in
      guard link.hasPrefix(prefix), link.hasSuffix("/") else { return nil }
      let slug = String(link.dropFirst(prefix.count).dropLast())
      guard !slug.isEmpty, !slug.contains("/"), slugs.contains(slug) else {
        return nil
      }
      return slug
    }
  }
}
