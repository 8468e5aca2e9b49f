import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookPortal
import YearbookRender

/// What the Markdown step produced for every document, without the HTML.
package struct RenderedDocuments: Sendable {
  package var facts: [ContentPath: DocumentFacts] = [:]
  package var diagnostics: [Diagnostic]
  package var linkCount = 0
  /// Each article's body as a chapter of its report's print page, by its path under
  /// `Content/`; empty for `check`.
  package var chapterBodies: [ContentPath: String] = [:]
  /// Every article's search keys and the index's shard count, kept for the preview, which
  /// makes the index again after an edit; empty for `build` and `check`.
  package var searchKeys: [ContentPath: SearchKeys.DocumentKeys] = [:]
  package var searchShardCount = 0
  /// How many files the search index wrote (result files, shards and the manifest).
  package var searchFileCount = 0

  /// `facts` when the caller already made them from `bodies` (in the same order).
  package init(
    indexed: SiteBuilder.IndexedSite, sources: [MarkdownSource], bodies: [RenderedMarkdown],
    facts: [DocumentFacts]? = nil
  ) {
    self.init(indexed: indexed, sources: sources, facts: facts ?? Parallel.map(bodies) { DocumentFacts($0) })
    for body in bodies {
      diagnostics += body.diagnostics
      linkCount += body.linkCount
    }
    diagnostics += Self.chartIDClashes(bodies.lazy.flatMap(\.charts))
  }

  /// A chart's id names its files (`charts/<id>.svg`): two charts with one id would
  /// overwrite each other's.
  package static func chartIDClashes(_ charts: some Sequence<ChartRenderer.Rendered>) -> [Diagnostic] {
    var first: [String: SourceLocation] = [:]
    var diagnostics: [Diagnostic] = []
    for chart in charts {
      if let earlier = first[chart.id] {
        diagnostics.append(
          .error(
            .duplicateChartID(String(chart.id.dropFirst("yb-chart-".count)), earlier: "\(earlier)"),
            at: chart.spec.location))
      } else {
        first[chart.id] = chart.spec.location
      }
    }
    return diagnostics
  }

  package init(indexed: SiteBuilder.IndexedSite, sources: [MarkdownSource], facts: [DocumentFacts]) {
    diagnostics = indexed.diagnostics
    self.facts = Dictionary(zip(sources.map(\.contentPath), facts), uniquingKeysWith: { first, _ in first })
  }
}
