import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookModel

/// What the Markdown step learnt about one document, kept after its HTML is written.
public struct DocumentFacts: Sendable {
  public var summary: String
  public var headings: [Heading]
  public var charts: [ChartUse]
  /// Ids of the datasets it draws from.
  public var datasets: Set<String>
  /// Its links to headings and charts, checked once every document is rendered.
  public var fragmentLinks: [FragmentLink]
  /// The other documents it links to, by path under `Content/`.
  public var linkedDocuments: Set<ContentPath>
  /// Its links to other sites.
  public var outsideLinks: [OutsideLink] = []
  /// Heading and chart ids in its body, which links may name as fragments.
  public var ids: Set<String> { Set(headings.map(\.id)).union(charts.map(\.id)) }
}

/// A chart drawn in a document: enough to draw it again on the data page.
public struct ChartUse: Sendable, Hashable {
  public var spec: ChartSpec
  public var id: String
}

extension DocumentFacts {
  package init(_ body: RenderedMarkdown) {
    self.init(
      summary: body.summary, headings: body.headings,
      charts: body.charts.map { ChartUse(spec: $0.spec, id: $0.id) }, datasets: body.datasets,
      fragmentLinks: body.fragmentLinks, linkedDocuments: body.linkedDocuments, outsideLinks: body.outsideLinks)
  }
}
