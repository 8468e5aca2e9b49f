import CFuzzerDriver
import Foundation
import YearbookCharts
import YearbookCore
import YearbookKit
import YearbookLoad
import YearbookMarkdown
import YearbookModel

// `yearbook-fuzz TARGET [libFuzzer options] [corpus folders]` feeds libFuzzer's inputs to
// one of Yearbook's parsers. A crash, a hang or a sanitizer report is a bug to fix and
// then keep as a regression test.

let targets: [String: (Data) -> Void] = [
  "front-matter": { data in
    let text = String(decoding: data, as: UTF8.self)
    _ = try? FrontMatter.split(text)
  },
  "csv": { data in
    _ = CSVParser.parse([UInt8](data))
  },
  "workbook": { data in
    // Workbooks are read from their file, as the build reads them.
    try? data.write(to: Fuzzing.workbook)
    _ = WorkbookDatasets.read(Fuzzing.workbook, file: "Content/data/fuzz.xlsx")
  },
  "number": { data in
    // Whatever unit a figure is shown in, reading it back gives the same amount: no digit lost.
    if let quantity = Quantity.parse(String(decoding: data, as: UTF8.self)) {
      let shown = ChineseNumberFormat.format(quantity)
      if !quantity.unit.isRank, let back = Quantity.parse(shown) {
        precondition(
          back.isSameAmount(as: quantity) && back.qualifier == quantity.qualifier, "\(shown) is not the figure read")
      }
    }
  },
  "chart-spec": { data in
    _ = Fuzzing.charts.render(yaml: String(decoding: data, as: UTF8.self), file: "fuzz.md", firstLine: 1, id: "c")
  },
  "markdown": { data in
    _ = Fuzzing.markdown.render(
      MarkdownSource(
        file: "fuzz.md", contentPath: "2024/fuzz.md", text: String(decoding: data, as: UTF8.self), lineOffset: 4))
  },
]

enum Fuzzing {
  static let workbook = FileManager.default.temporaryDirectory.appendingPathComponent(
    "yearbook-fuzz-\(getpid()).xlsx")
  static let dataset = Dataset(
    id: "d", file: "d.csv", title: "数据",
    columns: [
      Column(name: "year", label: "年份"), Column(name: "v", label: "数值", unit: Unit("%"), isNumeric: true),
      Column(name: "w", label: "金额", unit: Unit("亿元"), isNumeric: true),
    ],
    rows: [
      [.text("2015"), .number(Quantity(value: 2.61, decimals: 2, unit: Unit("%")), raw: "2.61"), .empty],
      [
        .text("2020"), .number(Quantity(value: -3.09, decimals: 2, unit: Unit("%")), raw: "-3.09"),
        .number(Quantity(value: 1e15, decimals: 0, unit: Unit("亿元")), raw: "1e15"),
      ],
    ])
  static let charts = ChartRenderer(datasets: [dataset], baseURL: BaseURL("/kjj/")!)
  static let markdown = MarkdownRenderer(
    links: LinkTargets(baseURL: BaseURL("/kjj/")!, pages: ["2024/a.md": "2024/a/"], files: ["assets/x.png"]),
    charts: charts, consistency: FigureConsistency(datasets: [dataset]))
}

let arguments = CommandLine.arguments
guard arguments.count >= 2, let target = targets[arguments[1]] else {
  FileHandle.standardError.write(
    Data("usage: yearbook-fuzz \(targets.keys.sorted().joined(separator: "|")) [libFuzzer options]\n".utf8))
  exit(64)
}
nonisolated(unsafe) var selected: (Data) -> Void = target

// libFuzzer sees the program name followed by its own options.
var driverArguments = [arguments[0]] + arguments.dropFirst(2)
var argc = Int32(driverArguments.count)
var cStrings = driverArguments.map { strdup($0) } + [nil]
var argv = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: cStrings.count)
argv.initialize(from: &cStrings, count: cStrings.count)
var argvPointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
let status = LLVMFuzzerRunDriver(&argc, &argvPointer) { bytes, size in
  selected(Data(bytes: bytes!, count: size))
  return 0
}
exit(status)
