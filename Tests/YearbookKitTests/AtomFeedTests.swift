import Foundation
import Testing

@testable import YearbookBuild
@testable import YearbookCharts
@testable import YearbookCore
@testable import YearbookIndex
@testable import YearbookKit
@testable import YearbookLoad
@testable import YearbookMarkdown
@testable import YearbookModel
@testable import YearbookPortal
@testable import YearbookPreview
@testable import YearbookRender

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct AtomFeedTests {
  /// The elements RFC 4287 requires: feed and entries each have id, title and updated;
  /// ids are absolute IRIs; dates are RFC 3339; every entry has an author or the feed does.
  @Test(arguments: [nil, "https://www.example.gov.cn/kjj/"])
  func feedHasTheElementsAtomRequires(baseURL: String?) async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    _ = try await site.build(baseURL: baseURL)
    let document = try XMLDocument(data: Data(try site.read("feed.xml").utf8))
    let feed = try #require(document.rootElement())
    #expect(feed.name == "feed")
    #expect(feed.uri == "http://www.w3.org/2005/Atom")
    func children(_ element: XMLElement, _ name: String) -> [XMLElement] {
      (element.children ?? []).compactMap { $0 as? XMLElement }.filter { $0.localName == name }
    }
    let rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/
    let absoluteIRI = /^[a-z][a-z0-9+.-]*:\S+$/
    for element in [feed] + children(feed, "entry") {
      #expect(children(element, "id").count == 1)
      #expect(children(element, "title").count == 1)
      #expect(children(element, "updated").count == 1)
      let id = try #require(children(element, "id").first?.stringValue)
      #expect(id.wholeMatch(of: absoluteIRI) != nil, "id \(id)")
      let updated = try #require(children(element, "updated").first?.stringValue)
      #expect(updated.wholeMatch(of: rfc3339) != nil)
    }
    #expect(children(feed, "author").count == 1)
    #expect(children(feed, "entry").count == 2)
    let ids = children(feed, "entry").compactMap { children($0, "id").first?.stringValue }
    #expect(Set(ids).count == ids.count)
  }
}
