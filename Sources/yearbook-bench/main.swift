import Foundation
import YearbookBuild
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookKit
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookPortal
import YearbookPreview
import YearbookRender

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

// The preview server's rebuild after one article is saved, on a large corpus (the
// second argument, e.g. the 10,000-article corpus `make bench` generates): the whole
// site in memory first, then 21 saves of one article, each rebuilt alone.
if let corpus = CommandLine.arguments.dropFirst(2).first,
  !FileManager.default.fileExists(atPath: URL(fileURLWithPath: corpus).appendingPathComponent("Content").path)
{
  print("serve: skipped (no corpus at \(corpus); bench.py writes it when --sizes includes 10000)")
} else if let corpus = CommandLine.arguments.dropFirst(2).first {
  let corpusRoot = URL(fileURLWithPath: corpus)
  let preview = PreviewSite(options: SiteBuilder.Options(root: corpusRoot))
  let first = preview.buildAll()
  guard first.succeeded else {
    print("FAIL: the corpus does not build: \(first.diagnostics.prefix(3))")
    exit(1)
  }
  let contentFolder = corpusRoot.appendingPathComponent("Content")
  let reports = try FileManager.default.contentsOfDirectory(atPath: contentFolder.path).filter {
    !$0.hasPrefix(".") && $0 != "data" && $0 != "assets"
  }.sorted()
  let report = reports[reports.count / 2]
  let articles = try FileManager.default.contentsOfDirectory(
    atPath: contentFolder.appendingPathComponent(report).path
  ).filter { $0.hasSuffix(".md") && $0 != "_index.md" }.sorted()
  let file = ContentPath("\(report)/\(articles[articles.count / 2])").source
  let url = corpusRoot.appendingPathComponent(file.value)
  let original = try String(contentsOf: url, encoding: .utf8)
  defer { try? original.write(to: url, atomically: true, encoding: .utf8) }
  // A save that changes the text (a sentence at the end), and one that changes the title,
  // which every list showing the article must follow.
  func edits(_ label: String, _ edit: (Int) -> String) throws -> (median: Double, outputs: Int) {
    var durations: [Double] = []
    var outputs = 0
    for run in 0..<21 {
      try edit(run).write(to: url, atomically: true, encoding: .utf8)
      guard let rebuild = preview.rebuild(changed: [file]), rebuild.succeeded, rebuild.incremental else {
        print("FAIL: the edit of \(file) was not rebuilt on its own")
        exit(1)
      }
      outputs = rebuild.outputsRebuilt
      durations.append(
        Double(rebuild.duration.components.attoseconds) / 1e15 + Double(rebuild.duration.components.seconds) * 1000)
      if run == 20 {
        print(
          "  \(label): "
            + rebuild.timings.steps.map {
              String(format: "%@ %.1f ms", $0.name, Double($0.duration.components.attoseconds) / 1e15)
            }.joined(separator: ", "))
      }
    }
    return (durations.sorted()[durations.count / 2], outputs)
  }
  let text = try edits("text edit") { original + "\n第\($0)次修改的补充说明。\n" }
  let title = try edits("title edit") { original.replacingOccurrences(of: "title: ", with: "title: 修改\($0)：") }
  let median = text.median
  let outputs = text.outputs
  let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
  let rss =
    status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }.map {
      (Double($0.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    } ?? 0
  let firstSeconds = Double(first.duration.components.seconds) + Double(first.duration.components.attoseconds) / 1e18
  print(
    String(
      format:
        "serve on %@: first build %.2f s (%d files in memory, %.0f MB resident); one-article rebuild median %.1f ms for a text edit (%d file rebuilt; target 50 ms: %@), %.1f ms for a title edit (%d files), 21 saves each of %@",
      corpusRoot.deletingLastPathComponent().lastPathComponent, firstSeconds, preview.outputCount, rss, median, outputs,
      median <= 50 ? "PASS" : "MISS", title.median, title.outputs, file.value))
}
