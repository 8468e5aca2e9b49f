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

/// Charts drawn from generated data: whatever the numbers, no attribute holds NaN or
/// Infinity, every mark stays inside the viewBox, and the markup stays well-formed.
@Suite struct ChartPropertyTests {
  struct Generator {
    var state: UInt64

    mutating func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }

    mutating func value() -> String {
      switch next() % 10 {
      case 0: return ""  // a gap
      case 1: return "0"
      case 2: return "-\(next() % 100_000)"
      case 3: return "1000000000000000"
      case 4: return "0.\(next() % 1000)"
      default: return "\(next() % 5000).\(next() % 100)"
      }
    }

    mutating func label() -> String {
      let pieces = ["平湖", "<b>", "&amp;", "\"", "科技创新汇智平台596长三角创新中心", "x", "'", "G60", "研发"]
      return (0..<Int(1 + next() % 4)).map { _ in pieces[Int(next() % UInt64(pieces.count))] }.joined()
    }
  }

  static func dataset(seed: UInt64) -> Dataset {
    var generator = Generator(state: seed)
    let rows = Int(generator.next() % 40)
    let series = Int(1 + generator.next() % 4)
    var yaml = "title: 生成\ncolumns:\n  - {name: k, label: 类别}\n"
    for index in 0..<series { yaml += "  - {name: s\(index), label: '系列\(index)', type: number}\n" }
    yaml += "rows:\n"
    for row in 0..<rows {
      yaml += "  - [\"\(generator.label().replacingOccurrences(of: "\"", with: "\\\""))\(row)\""
      for _ in 0..<series { yaml += ", \"\(generator.value())\"" }
      yaml += "]\n"
    }
    return ChartFixture.dataset("g", yaml)
  }

  @Test(arguments: 1...40)
  func generatedDataDrawsValidCharts(seed: Int) throws {
    let dataset = Self.dataset(seed: UInt64(seed))
    let renderer = ChartRenderer(datasets: [dataset], baseURL: BaseURL())
    let ys = dataset.columns.dropFirst().map(\.name)
    for kind in ChartSpec.Kind.allCases {
      let y =
        kind == .bar || kind == .column || kind == .donut || kind == .progress
        ? "[\(ys[0])]" : "[\(ys.joined(separator: ", "))]"
      let extra = kind == .progress ? "\ntarget: '100'" : ""
      let (chart, diagnostics) = renderer.render(
        yaml: "type: \(kind.rawValue)\ndata: g\nx: k\ny: \(y)\ntitle: 图\(extra)", file: "a.md", firstLine: 1,
        id: "c\(seed)")
      if kind == .donut && diagnostics.contains(where: { $0.message.english.contains("negative") }) { continue }
      if dataset.rows.isEmpty {
        #expect(
          diagnostics.map(\.message.english) == [
            "dataset 'g' (Content/data/g.yml) has no rows; there is nothing to draw"
          ])
        continue
      }
      #expect(diagnostics.isEmpty, "\(kind): \(diagnostics)")
      let html = try #require(chart?.html)
      #expect(!html.contains("NaN") && !html.contains("inf"), "\(kind)")
      let document = try XMLDocument(xmlString: "<root>\(ChartTests.withoutNamespace(html))</root>")
      for svg in try document.nodes(forXPath: "//*[local-name()='svg']").compactMap({ $0 as? XMLElement }) {
        let box = try #require(svg.attribute(forName: "viewBox")?.stringValue).split(separator: " ").compactMap {
          Double($0)
        }
        #expect(box.count == 4 && box.allSatisfy(\.isFinite) && box[3] > 0)
        for element in try svg.nodes(
          forXPath: ".//*[local-name()='rect' or local-name()='circle' or local-name()='line' or local-name()='text']"
        ).compactMap({ $0 as? XMLElement }) {
          if element.name?.contains("pattern") == true || element.parent?.name == "pattern" { continue }
          for name in ["x", "y", "x1", "x2", "y1", "y2", "cx", "cy"] {
            guard let value = element.attribute(forName: name)?.stringValue.flatMap(Double.init) else { continue }
            let limit = name.hasPrefix("x") || name == "cx" ? box[2] : box[3]
            #expect(value >= -0.5 && value <= limit + 0.5, "\(kind) \(name)=\(value) outside 0...\(limit)")
          }
          if let width = element.attribute(forName: "width")?.stringValue.flatMap(Double.init),
            let x = element.attribute(forName: "x")?.stringValue.flatMap(Double.init)
          {
            #expect(x + width <= box[2] + 0.5, "\(kind) rect reaches \(x + width)")
          }
          if let height = element.attribute(forName: "height")?.stringValue.flatMap(Double.init),
            let y = element.attribute(forName: "y")?.stringValue.flatMap(Double.init)
          {
            #expect(y + height <= box[3] + 0.5, "\(kind) rect reaches \(y + height)")
          }
        }
      }
    }
  }
}
