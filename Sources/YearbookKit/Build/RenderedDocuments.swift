/// What the Markdown step produced for every document, without the HTML.
struct RenderedDocuments: Sendable {
  var facts: [String: DocumentFacts] = [:]
  var diagnostics: [Diagnostic]
  var linkCount = 0

  init(indexed: SiteBuilder.IndexedSite, sources: [MarkdownSource], bodies: [RenderedMarkdown]) {
    self.init(indexed: indexed, sources: sources, facts: Parallel.map(bodies) { DocumentFacts($0) })
    for body in bodies {
      diagnostics += body.diagnostics
      linkCount += body.linkCount
    }
  }

  init(indexed: SiteBuilder.IndexedSite, sources: [MarkdownSource], facts: [DocumentFacts]) {
    diagnostics = indexed.diagnostics
    self.facts = Dictionary(zip(sources.map(\.contentPath), facts), uniquingKeysWith: { first, _ in first })
  }
}
