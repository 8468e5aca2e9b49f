import Foundation
import Testing

@testable import YearbookCharts
@testable import YearbookCore
@testable import YearbookModel

/// Value labels of line charts never sit on a line, a marker or another label.
@Suite struct LabelPlacementTests {
  typealias Box = LabelPlacement.Box

  /// Every label a line chart draws, as a box in the chart's units, and every segment of
  /// its lines, read back from the SVG.
  static func labelsAndSegments(of svg: String) -> (labels: [Box], segments: [LabelPlacement.Segment]) {
    var labels: [Box] = []
    for match in svg.matches(
      of: /<text x="([-\d.]+)" y="([-\d.]+)" class="yb-value"(?: text-anchor="(\w+)")?>([^<]*)<\/text>/)
    {
      let text = HTML.unescape(String(match.4))
      let place = LabelPlacement.Place(
        x: Double(match.1)!, baseline: Double(match.2)!, anchor: match.3.map(String.init) ?? "start")
      labels.append(
        LabelPlacement.box(
          of: place, width: TextMetrics.width(text, fontSize: ChartLayout.valueSize), height: ChartLayout.valueSize))
    }
    var segments: [LabelPlacement.Segment] = []
    for path in svg.matches(of: /<path d="([^"]+)" class="yb-line/) {
      var previous: (Double, Double)?
      for command in path.1.matches(of: /([ML])([-\d.]+) ([-\d.]+)/) {
        let point = (Double(command.2)!, Double(command.3)!)
        if command.1 == "L", let previous { segments.append(.init(from: previous, to: point)) }
        previous = point
      }
    }
    return (labels, segments)
  }

  /// A steep rise: a label above the first point would sit on the line going up from it.
  @Test func aLabelInTheWayOfItsLineMovesBelowIt() throws {
    let dataset = ChartFixture.dataset(
      "steep",
      "title: 陡升\ncolumns:\n  - {name: year, label: 年份}\n  - {name: v, label: 数值, type: number}\nrows:\n"
        + "  - [2021, 10]\n  - [2022, 100]\n  - [2023, 12]\n")
    let renderer = ChartRenderer(datasets: [dataset], baseURL: BaseURL())
    let (chart, diagnostics) = renderer.render(
      yaml: "type: line\ndata: steep\nx: year\ny: v\ntitle: 陡升", file: "a.md", firstLine: 1, id: "steep")
    #expect(diagnostics.isEmpty)
    let svg = try #require(chart?.html)
    let (labels, segments) = Self.labelsAndSegments(of: svg)
    #expect(labels.count == 3)
    for label in labels {
      #expect(!segments.contains { label.crosses($0) }, "\(label) crosses a line in \(svg)")
    }
  }

  @Test(arguments: 1...40)
  func noLabelOfAGeneratedLineChartCrossesALine(seed: Int) throws {
    let dataset = ChartPropertyTests.dataset(seed: UInt64(seed))
    let renderer = ChartRenderer(datasets: [dataset], baseURL: BaseURL())
    let ys = dataset.columns.dropFirst().map(\.name).joined(separator: ", ")
    let (chart, _) = renderer.render(
      yaml: "type: line\ndata: g\nx: k\ny: [\(ys)]\ntitle: 图", file: "a.md", firstLine: 1, id: "c\(seed)")
    guard let svg = chart?.html else { return }
    let (labels, segments) = Self.labelsAndSegments(of: svg)
    for (index, label) in labels.enumerated() {
      #expect(!segments.contains { label.crosses($0) }, "label \(index) crosses a line (seed \(seed))")
      for other in labels[..<index] { #expect(!label.overlaps(other), "labels overlap (seed \(seed))") }
    }
  }

  @Test func placedBoxesAreFreeOfSegmentsMarkersAndEachOther() {
    var generator = ChartPropertyTests.Generator(state: 7)
    for _ in 0..<200 {
      let points = (0..<8).map { index in (Double(20 + index * 45), Double(generator.next() % 200) + 10) }
      let segments = zip(points, points.dropFirst()).map { LabelPlacement.Segment(from: $0, to: $1) }
      var placement = LabelPlacement(
        segments: segments, markers: points, bounds: (left: 0, top: 0, right: 400, bottom: 220))
      var boxes: [Box] = []
      for (index, point) in points.enumerated() {
        let width = Double(20 + generator.next() % 40)
        guard let place = placement.place(width: width, height: 13.5, at: point, preferAbove: index % 2 == 0)
        else { continue }
        let box = LabelPlacement.box(of: place, width: width, height: 13.5)
        #expect(!segments.contains { box.crosses($0) })
        #expect(box.left >= 0 && box.right <= 400 && box.top - 13.5 * 0.4 >= 0 && box.bottom <= 220)
        #expect(!boxes.contains { $0.overlaps(box) })
        boxes.append(box)
      }
    }
  }
}
