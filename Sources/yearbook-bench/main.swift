import Foundation
import YearbookKit

// `make bench`: how long rendering charts and building the default site take, measured
// in a release build. Not a test: timings vary with the machine.

func dataset(rows: Int, series: Int) -> Dataset {
  var columns = [Column(name: "k", label: "类别")]
  for index in 0..<series {
    columns.append(Column(name: "s\(index)", label: "系列\(index)", unit: Unit("亿元"), isNumeric: true))
  }
  let cells = (0..<rows).map { row -> [Cell] in
    [.text("第\(row + 1)项指标名称较长的类别")]
      + (0..<series).map { column in
        let value = Double((row * 37 + column * 11) % 97) + 0.25
        return .number(Quantity(value: value, decimals: 2, unit: Unit("亿元")), raw: "\(value)")
      }
  }
  return Dataset(id: "bench", file: "Content/data/bench.yml", title: "基准", columns: columns, rows: cells)
}

let renderer = ChartRenderer(datasets: [dataset(rows: 12, series: 3)], baseURL: BaseURL())
let kinds = ChartSpec.Kind.allCases
let specs = (0..<1000).map { index -> String in
  let kind = kinds[index % kinds.count]
  let y = kind == .bar || kind == .column || kind == .donut || kind == .progress ? "s0" : "[s0, s1, s2]"
  let target = kind == .progress ? "\ntarget: s1" : ""
  return "type: \(kind.rawValue)\ndata: bench\nx: k\ny: \(y)\ntitle: 图表\(index)\(target)"
}

func measure(_ label: String, repeats: Int = 5, _ work: () async throws -> Void) async rethrows -> Double {
  var best = Double.infinity
  for _ in 0..<repeats {
    let start = ContinuousClock.now
    try await work()
    let elapsed = ContinuousClock.now - start
    best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
  }
  print(String(format: "%@: %.3f s (best of %d)", label, best, repeats))
  return best
}

var bytes = 0
let charts = await measure("render 1,000 charts (9 types, 12 categories)") {
  bytes = 0
  for (index, spec) in specs.enumerated() {
    let (chart, _) = renderer.render(yaml: spec, file: "bench.md", firstLine: 1, id: "c\(index)")
    bytes += chart?.html.utf8.count ?? 0
  }
}
print("  \(bytes / 1000) KB of HTML and SVG")

let root = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? ".")
let output = FileManager.default.temporaryDirectory.appendingPathComponent("yearbook-bench-\(getpid())")
defer { try? FileManager.default.removeItem(at: output) }
var pages = 0
let site = try await measure("build the default site (load, render, write)") {
  pages = try await SiteBuilder.build(SiteBuilder.Options(root: root, output: output)).pageCount
}
print("  \(pages) pages")
if charts > 0.5 {
  print("FAIL: 1,000 charts took more than 0.5 s")
  exit(1)
}
_ = site
