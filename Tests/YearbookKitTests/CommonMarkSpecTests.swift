import CCmark
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

/// Yearbook's additions to cmark (emphasis next to Chinese punctuation, pipe tables)
/// change nothing in the 652 examples of the CommonMark 0.30 spec.
@Suite struct CommonMarkSpecTests {
  struct Examples: Decodable {
    struct Example: Decodable {
      var example: Int
      var section: String
      var markdown: String
    }
    var examples: [Example]
  }

  static let examples: [Examples.Example] = {
    let url = FixtureSite.repository.appendingPathComponent("Tests/Fixtures/CommonMark/spec-0.30-examples.json")
    guard let data = try? Data(contentsOf: url), let decoded = try? JSONDecoder().decode(Examples.self, from: data)
    else { return [] }
    return decoded.examples
  }()

  static func html(_ markdown: String, withEmphasisPass: Bool) -> String {
    let options = CMARK_OPT_UNSAFE | CMARK_OPT_SOURCEPOS
    guard let document = markdown.withCString({ cmark_parse_document($0, strlen($0), options) }) else { return "" }
    defer { cmark_node_free(document) }
    if withEmphasisPass {
      var tree = SyntaxTree(
        root: document, source: MarkdownSource(file: "spec", contentPath: "spec.md", text: markdown, lineOffset: 0))
      CJKEmphasis.apply(toParentsOf: tree.collect().texts) { tree.sourceLine(of: $0) }
    }
    guard let rendered = cmark_render_html(document, CMARK_OPT_UNSAFE) else { return "" }
    defer { free(rendered) }
    return String(cString: rendered)
  }

  @Test func allExamplesAreRead() {
    #expect(Self.examples.count == 652)
  }

  @Test func theEmphasisPassKeepsCmarksOutputForEveryExample() {
    var changed: [Int] = []
    for example in Self.examples
    where Self.html(example.markdown, withEmphasisPass: true) != Self.html(example.markdown, withEmphasisPass: false) {
      changed.append(example.example)
    }
    #expect(changed == [])
    // The comparison sees a change where there is one.
    #expect(Self.html("全年**完成。**这\n", withEmphasisPass: true) != Self.html("全年**完成。**这\n", withEmphasisPass: false))
  }

  @Test func noExampleHoldsAPipeTable() {
    let found = Self.examples.filter { !PipeTable.find(in: $0.markdown).tables.isEmpty }.map(\.example)
    #expect(found == [])
  }
}
