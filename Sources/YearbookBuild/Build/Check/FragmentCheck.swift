import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookPortal
import YearbookRender

/// Links to a heading or chart (`talent.md#主要成效`, `#成效`) are checked once every
/// document is rendered, because only then are all heading ids known. A broken one is an
/// error where the link is written.
package enum FragmentCheck {
  /// `only` limits the check to the links written in those documents (the preview checks
  /// an edited article and the documents linking to it).
  package static func run(
    index: SiteIndex, documents: [ContentPath: DocumentFacts], templateIDs: [String: Set<String>],
    only: Set<ContentPath>? = nil
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    // Each target's ids once, not once per link: 10,000 links to a page of 10,000 headings
    // would otherwise build 10,000 sets of 10,000.
    var idsOf: [ContentPath: Set<String>] = [:]
    let checked = only.map { Array($0) } ?? Array(documents.keys)
    for path in checked.sorted() {
      guard let facts = documents[path] else { continue }
      for link in facts.fragmentLinks {
        guard let page = index.page(ofDocument: link.document), let target = documents[link.document] else { continue }
        let ids = idsOf[link.document] ?? target.ids
        idsOf[link.document] = ids
        if ids.contains(link.id) || page.template.flatMap({ templateIDs[$0] })?.contains(link.id) == true {
          continue
        }
        let headings = target.headings.map(\.id)
        diagnostics.append(
          .error(
            .noSuchHeading(link.id, document: link.document.value, headings: headings),
            at: link.location))
      }
    }
    return diagnostics
  }
}
