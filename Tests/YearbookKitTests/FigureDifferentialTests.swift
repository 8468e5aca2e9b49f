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

/// Random datasets written the ways editors write them (units in cells, in headers, in a
/// `.meta.yml`, in a chart spec or on a `单位：` line; 0.01 to 10^9 with 0-4 decimals; gaps and
/// approximate figures), built as a whole site, then every figure a reader can see read
/// back from the output (SVG labels and tiles, descriptions, chart tables, chart files, the
/// data page, CSV downloads) and compared with its source, exactly: the same number in the
/// same unit, or in a unit of the same kind with not one digit lost. The test reads the
/// output with its own parser and decimal arithmetic, not Yearbook's.
///
/// `YEARBOOK_DIFFERENTIAL_DATASETS` and `YEARBOOK_DIFFERENTIAL_SEED` make a larger run
/// (`make differential`, part of `make bench`).
@Suite struct FigureDifferentialTests {
  static let environment = ProcessInfo.processInfo.environment
  static let datasetCount = environment["YEARBOOK_DIFFERENTIAL_DATASETS"].flatMap(Int.init) ?? 24
  static let seed = environment["YEARBOOK_DIFFERENTIAL_SEED"].flatMap(UInt64.init) ?? 20_261_204

  @Test func everyFigureShownIsItsSourceFigureExactly() async throws {
    var generator = ChartPropertyTests.Generator(state: Self.seed)
    var files = FixtureSite.minimal
    let datasets = (0..<Self.datasetCount).map { GeneratedDataset.make(index: $0, using: &generator) }
    for dataset in datasets {
      files.merge(dataset.files(), uniquingKeysWith: { _, new in new })
    }
    let site = try FixtureSite(files)
    defer { if Self.environment["YEARBOOK_DIFFERENTIAL_KEEP"] == nil { site.remove() } else { print(site.root.path) } }
    let summary: SiteBuilder.Summary
    do {
      summary = try await site.build()
    } catch {
      Issue.record("the generated site does not build: \(error.diagnostics.prefix(5))")
      return
    }
    #expect(!summary.diagnostics.hasErrors)
    var checker = Checker()
    let dataPage = try site.read("data/index.html")
    for dataset in datasets {
      let article = try site.read("2024/\(dataset.id)/index.html")
      for chart in dataset.charts {
        let figure = try #require(Reading.figure(id: "yb-chart-\(chart.id)", in: article), "\(chart.id)")
        checker.checkFigure(figure, chart: chart, dataset: dataset)
        if chart.kind != "table" && chart.kind != "kpi" {
          let file = try site.read("charts/yb-chart-\(chart.id).svg")
          checker.checkDrawing(file, chart: chart, dataset: dataset, caption: Reading.caption(figure))
        }
      }
      let anchor = SitePaths.datasetAnchor(dataset.id) + "-table"
      let table = try #require(Reading.table(labelledBy: "\(anchor)-caption", in: dataPage), "\(dataset.id) data page")
      checker.checkTable(table, columns: dataset.columns, specUnits: false, place: "data page \(dataset.id)")
      checker.checkCSV(try site.read("data/\(dataset.id).csv"), dataset: dataset)
    }
    print("Figure differential: \(checker.checked) figures checked in \(datasets.count) datasets (seed \(Self.seed))")
    #expect(checker.checked > datasets.count * 20)
    for problem in checker.problems.prefix(20) { Issue.record(Comment(rawValue: problem)) }
  }
}

/// A figure as the source wrote it: its digits, the unit it is in (its own, or the one its
/// column, meta file, spec or 单位 line gives), and its qualifier; nil for a gap.
struct SourceFigure: Equatable {
  var digits: String
  var unit: String
  var prefix = ""
  var suffix = ""

  /// In the unit's base (元, 人 …), exactly.
  var amount: Decimal { Decimal(string: digits)! * Reading.multiplier(unit) }
}

struct GeneratedDataset {
  enum Placement: CaseIterable { case cells, header, meta, spec, none }

  struct ValueColumn {
    var label: String
    var header: String
    var placement: Placement
    /// The unit a header, meta file, spec or 单位 line gives, if any.
    var declared: String
    var figures: [SourceFigure?]
    var written: [String]
  }

  struct Chart {
    var id: String
    var kind: String
    var columns: [Int]
    var specUnit: String?
  }

  var id: String
  var categories: [String]
  var columns: [ValueColumn]
  var tableLine: String?
  var charts: [Chart] = []

  static let families: [[String]] = [["元", "万元", "亿元"], ["人", "万人"], ["家"], ["%"], ["吨", "万吨"]]
  static let names = ["研发投入", "科技经费", "企业数量", "人才总数", "增加值", "财政投入", "产值", "贷款余额"]
  static let places = [
    "平湖", "当湖", "钟埭", "曹桥", "新埭", "新仓", "广陈", "林埭", "独山港", "乍浦", "经开区", "科创岛", "港区", "城东", "城西",
  ]
  static let gaps = ["—", "/", "无", "", "-", "…", "－"]

  static func make(index: Int, using generator: inout ChartPropertyTests.Generator) -> GeneratedDataset {
    func pick<T>(_ items: [T]) -> T { items[Int(generator.next() % UInt64(items.count))] }
    func chance(_ percent: UInt64) -> Bool { generator.next() % 100 < percent }
    let rowCount = Int(2 + generator.next() % 5)
    var remaining = places
    let categories = (0..<rowCount).map { _ in remaining.remove(at: Int(generator.next() % UInt64(remaining.count))) }
    let family = pick(families)
    var columns: [ValueColumn] = []
    let columnCount = Int(1 + generator.next() % 3)
    let useTableLine = chance(15)
    for columnIndex in 0..<columnCount {
      let placement: Placement = useTableLine ? .none : pick(Placement.allCases)
      let declared = useTableLine ? family[0] : pick(family)
      let label = names[(index + columnIndex * 3) % names.count]
      var column = ValueColumn(
        label: label, header: placement == .header ? "\(label)（\(declared)）" : label, placement: placement,
        declared: placement == .none && !useTableLine ? "" : declared, figures: [], written: [])
      for _ in 0..<rowCount {
        if chance(12) {
          column.figures.append(nil)
          column.written.append(pick(gaps))
          continue
        }
        let decimals = Int(generator.next() % 5)
        let lowest = max(1, decimals - 1)
        let digitCount = lowest + Int(generator.next() % UInt64(9 + decimals - lowest + 1))
        var scaled = String(1 + generator.next() % 9)
        for _ in 1..<digitCount { scaled += String(generator.next() % 10) }
        var digits = scaled
        if decimals > 0 {
          if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
          digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        // A unit in a chart spec belongs to that chart; the data itself has none.
        var figure = SourceFigure(digits: digits, unit: column.placement == .spec ? "" : column.declared)
        var text = digits
        if column.placement == .cells || (column.placement != .none && column.placement != .spec && chance(10)) {
          figure.unit = pick(family)
          text += figure.unit
        }
        if chance(10) {
          if chance(50) { figure.prefix = pick(["约", "超过", "近"]) } else { figure.suffix = pick(["左右", "以上"]) }
          text = figure.prefix + text + figure.suffix
        }
        column.figures.append(figure)
        column.written.append(text)
      }
      columns.append(column)
    }
    var dataset = GeneratedDataset(
      id: "g\(index)", categories: categories, columns: columns, tableLine: useTableLine ? family[0] : nil)
    for (position, column) in columns.enumerated() {
      let unit = column.placement == .spec ? column.declared : nil
      for kind in ["column", "bar", "line", "kpi"] {
        dataset.charts.append(
          Chart(id: "\(dataset.id)-\(kind)-\(position)", kind: kind, columns: [position], specUnit: unit))
      }
    }
    dataset.charts.append(Chart(id: "\(dataset.id)-table", kind: "table", columns: Array(columns.indices)))
    if columns.count > 1 && !columns.contains(where: { $0.placement == .spec || $0.declared.isEmpty }) {
      dataset.charts.append(Chart(id: "\(dataset.id)-grouped", kind: "grouped", columns: Array(columns.indices)))
    }
    return dataset
  }

  func files() -> [String: String] {
    var csv = tableLine.map { "单位：\($0)\n" } ?? ""
    csv += (["地区"] + columns.map(\.header)).joined(separator: ",") + "\n"
    for (row, category) in categories.enumerated() {
      csv += ([category] + columns.map { $0.written[row] }).joined(separator: ",") + "\n"
    }
    var files = ["Content/data/\(id).csv": csv]
    var meta = "title: 生成数据\(id)\ncolumns:\n  - {name: 地区, label: 地区}\n"
    for column in columns where column.placement == .meta {
      meta += "  - {name: \(column.header), unit: \"\(column.declared)\"}\n"
    }
    files["Content/data/\(id).meta.yml"] = meta
    var article = "---\ntitle: 数据\(id)\ndate: 2025-01-22\n---\n正文。\n"
    for chart in charts {
      let y = chart.columns.map { columns[$0].header }.joined(separator: ", ")
      article += "\n```chart\ntype: \(chart.kind)\ndata: \(id)\nid: \(chart.id)\ntitle: 图\(chart.id)\n"
      if chart.kind != "table" { article += "y: [\(y)]\n" }
      if let unit = chart.specUnit { article += "unit: \"\(unit)\"\n" }
      article += "```\n"
    }
    files["Content/2024/\(id).md"] = article
    return files
  }

  /// The figures a chart draws from, each in the unit its spec gives plain numbers.
  func sources(of chart: Chart) -> [SourceFigure] {
    chart.columns.flatMap { column in
      columns[column].figures.compactMap { figure in
        guard var figure else { return nil }
        if figure.unit.isEmpty, let unit = chart.specUnit { figure.unit = unit }
        return figure
      }
    }
  }
}

/// Reads figures back out of HTML, SVG and CSV.
enum Reading {
  static let prefixes = ["大约", "约为", "将近", "超过", "不足", "不到", "约", "近", "超", "逾"]
  static let suffixes = ["左右", "以上", "以下"]

  static func multiplier(_ unit: String) -> Decimal {
    if unit.hasPrefix("亿") && unit.count > 1 { return 100_000_000 }
    if unit.hasPrefix("万") && unit.count > 1 { return 10_000 }
    return 1
  }

  /// `约1.6`, `1.6亿元以上`, `65.1%`, `13800`: the figure, with `unit` when it names none.
  static func figure(_ text: String, unit: String) -> SourceFigure? {
    var rest = text.trimmingCharacters(in: .whitespaces)
    var figure = SourceFigure(digits: "", unit: unit)
    if let prefix = prefixes.first(where: { rest.hasPrefix($0) }) {
      // A sentence says 约为 where a table says 约.
      figure.prefix = prefix == "约为" ? "约" : prefix
      rest.removeFirst(prefix.count)
    }
    if let suffix = suffixes.first(where: { rest.hasSuffix($0) }) {
      figure.suffix = suffix
      rest.removeLast(suffix.count)
    }
    let digits = rest.prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == ",") }
    guard !digits.isEmpty, digits.last!.isNumber else { return nil }
    figure.digits = digits.replacingOccurrences(of: ",", with: "")
    let written = String(rest.dropFirst(digits.count))
    if !written.isEmpty { figure.unit = written }
    guard Decimal(string: figure.digits) != nil else { return nil }
    return figure
  }

  static func figure(id: String, in html: String) -> String? {
    guard let start = html.range(of: "id=\"\(id)\">") else { return nil }
    guard let end = html.range(of: "</figure>", range: start.upperBound..<html.endIndex) else { return nil }
    return String(html[start.upperBound..<end.lowerBound])
  }

  static func caption(_ figure: String) -> String {
    figure.firstMatch(of: /单位：([^　<]+)/).map { String($0.1) } ?? ""
  }

  static func table(labelledBy id: String, in html: String) -> String? {
    guard let start = html.range(of: "aria-labelledby=\"\(id)\"") else { return nil }
    guard let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex) else { return nil }
    return String(html[start.upperBound..<end.lowerBound])
  }

  static func text(_ html: Substring) -> String {
    String(html).replacing(/<[^>]+>/, with: "").replacingOccurrences(of: "&amp;", with: "&")
  }
}

/// Compares what was shown with what was written, counting every figure it checks.
struct Checker {
  var checked = 0
  var problems: [String] = []

  mutating func expectSame(_ shown: SourceFigure?, _ source: SourceFigure?, _ place: @autoclosure () -> String) {
    checked += 1
    guard let shown, let source else {
      if (shown == nil) != (source == nil) {
        problems.append("\(place()): shown \(String(describing: shown)), source \(String(describing: source))")
      }
      return
    }
    let sameKind = shown.unit.isEmpty == source.unit.isEmpty
    if !sameKind || shown.amount != source.amount || shown.prefix != source.prefix || shown.suffix != source.suffix {
      problems.append(
        "\(place()): shows \(shown.prefix)\(shown.digits)\(shown.unit)\(shown.suffix) for \(source.prefix)\(source.digits)\(source.unit)\(source.suffix)"
      )
    }
  }

  /// A figure shown without its place (a label, a clause of a sentence) must be one of the
  /// chart's own figures, exactly.
  mutating func expectOneOf(_ shown: SourceFigure, _ sources: [SourceFigure], _ place: @autoclosure () -> String) {
    checked += 1
    let matches = sources.contains {
      $0.amount == shown.amount && $0.prefix == shown.prefix && $0.suffix == shown.suffix
        && $0.unit.isEmpty == shown.unit.isEmpty
    }
    if !matches {
      problems.append(
        "\(place()): shows \(shown.prefix)\(shown.digits)\(shown.unit)\(shown.suffix), not a figure of its data")
    }
  }

  mutating func checkFigure(_ figure: String, chart: GeneratedDataset.Chart, dataset: GeneratedDataset) {
    let place = "\(chart.id)"
    let table = figure[figure.range(of: "<table")!.lowerBound...]
    checkTable(
      String(table), columns: chart.columns.map { dataset.columns[$0] }, specUnits: chart.specUnit != nil, place: place)
    if chart.kind == "kpi" {
      let column = dataset.columns[chart.columns[0]]
      let latest = column.figures.last { $0 != nil } ?? nil
      if let match = figure.firstMatch(of: /class="yb-kpi-value"[^>]*>([^<]*)<tspan[^>]*>([^<]*)<\/tspan>/) {
        let shown = Reading.figure(String(match.1) + String(match.2), unit: "")
        var source = latest
        if source?.unit.isEmpty == true, let unit = chart.specUnit { source?.unit = unit }
        expectSame(shown, source, "\(place) tile")
      }
      checkSentences(figure, chart: chart, dataset: dataset, place: place)
      return
    }
    if chart.kind == "table" { return }
    checkDrawing(figure, chart: chart, dataset: dataset, caption: Reading.caption(figure))
  }

  /// Value labels and the description of a drawn chart (inline or its file).
  mutating func checkDrawing(_ svg: String, chart: GeneratedDataset.Chart, dataset: GeneratedDataset, caption: String) {
    let sources = dataset.sources(of: chart)
    for match in svg.matches(of: /<text[^>]*class="yb-value"[^>]*>([^<]*)<\/text>/) {
      guard let shown = Reading.figure(String(match.1), unit: caption) else {
        problems.append("\(chart.id): unreadable label \(match.1)")
        continue
      }
      expectOneOf(shown, sources, "\(chart.id) label")
    }
    checkSentences(svg, chart: chart, dataset: dataset, place: chart.id)
  }

  /// Every figure in a description (computed changes aside) is one of the chart's figures;
  /// a change between the first and last figure of a line is worked out here again.
  mutating func checkSentences(_ svg: String, chart: GeneratedDataset.Chart, dataset: GeneratedDataset, place: String) {
    let sources = dataset.sources(of: chart)
    for match in svg.matches(of: /<desc[^>]*>([^<]*)<\/desc>/) {
      var sentence = String(match.1)
      if chart.kind == "line", let change = sentence.firstMatch(of: /，(增长|下降)([0-9.]+)%/) {
        let figures = dataset.columns[chart.columns[0]].figures.compactMap { $0 }
        if let first = figures.first, let last = figures.last, first.prefix.isEmpty, first.suffix.isEmpty,
          last.prefix.isEmpty, last.suffix.isEmpty
        {
          checked += 1
          var ratio = (last.amount - first.amount) / first.amount * 100
          var rounded = Decimal()
          NSDecimalRound(&rounded, &ratio, 1, .plain)
          let said = Decimal(string: String(change.2))! * (change.1 == "下降" ? -1 : 1)
          if said != rounded { problems.append("\(place): says \(change.0) where the data give \(rounded)%") }
        }
      }
      sentence = sentence.replacing(/(增长|下降)[0-9.]+%|(提高|降低)[0-9.]+个百分点|持平/, with: "")
      let units = "亿元|万元|元|万人|人|家|%|万吨|吨"
      let pattern = try! Regex("(大约|约为|将近|超过|约|近)?([0-9][0-9.]*)(\(units))?(左右|以上)?")
      for token in sentence.matches(of: pattern) {
        let text = String(sentence[token.range])
        guard let shown = Reading.figure(text, unit: "") else { continue }
        expectOneOf(shown, sources, "\(place) description “\(match.1)”")
      }
    }
  }

  /// A table's cells against the columns it shows, row by row: in the unit its header
  /// states, or the cell's own; a gap reads —.
  mutating func checkTable(
    _ table: String, columns: [GeneratedDataset.ValueColumn], specUnits: Bool, place: String
  ) {
    let headers = table.matches(of: /<th scope="col">([^<]*)<\/th>/).map { String($0.1) }.dropFirst()
    let headerUnits = headers.map { header -> String in
      header.firstMatch(of: /（([^（）]*)）$/).map { String($0.1) } ?? ""
    }
    let rows = table.matches(of: /<tr><th scope="row">[^<]*<\/th>(.*?)<\/tr>/).map { String($0.1) }
    for (rowIndex, row) in rows.enumerated() {
      let cells = row.matches(of: /<td[^>]*>([^<]*)<\/td>/).map { String($0.1) }
      for (position, column) in columns.enumerated() where position < cells.count {
        let text = cells[position]
        let source = column.figures[rowIndex].map { figure -> SourceFigure in
          var figure = figure
          if figure.unit.isEmpty && specUnits && column.placement == .spec { figure.unit = column.declared }
          return figure
        }
        if source == nil {
          checked += 1
          if text != "—" { problems.append("\(place) row \(rowIndex): a gap shows \(text)") }
          continue
        }
        let headerUnit = position < headerUnits.count ? headerUnits[position] : ""
        expectSame(Reading.figure(text, unit: headerUnit), source, "\(place) row \(rowIndex) \(column.label)")
      }
    }
  }

  mutating func checkCSV(_ csv: String, dataset: GeneratedDataset) {
    let lines = csv.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
    let header = lines[0].components(separatedBy: ",").dropFirst()
    let units = header.map { $0.firstMatch(of: /（([^（）]*)）$/).map { String($0.1) } ?? "" }
    for (rowIndex, line) in lines.dropFirst().enumerated() {
      let fields = line.components(separatedBy: ",").dropFirst().map { $0 }
      for (position, column) in dataset.columns.enumerated() {
        let source = column.figures[rowIndex]
        if source == nil {
          checked += 1
          if !fields[position].isEmpty {
            problems.append("\(dataset.id).csv row \(rowIndex): a gap shows \(fields[position])")
          }
          continue
        }
        expectSame(Reading.figure(fields[position], unit: units[position]), source, "\(dataset.id).csv row \(rowIndex)")
      }
    }
  }
}
