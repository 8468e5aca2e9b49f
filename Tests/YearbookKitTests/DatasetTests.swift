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

@Suite struct DatasetTests {
  func load(_ files: [String: String]) throws -> ([Dataset], [Diagnostic]) {
    let site = try FixtureSite(files.reduce(into: [:]) { $0["Content/data/\($1.key)"] = $1.value }, copyTheme: false)
    defer { site.remove() }
    return DatasetLoader.load(folder: site.root.appendingPathComponent("Content/data"), displayFolder: "Content/data")
  }

  @Test func csvParserHandlesQuotesNewlinesBOMAndCRLF() {
    let text = "\u{FEFF}name,note\r\n\"平湖, 嘉兴\",\"第一行\n第二行\"\r\n\"说\"\"好\"\"\",\r\n"
    let (rows, problems) = CSVParser.parse(Array(text.utf8))
    #expect(problems.isEmpty)
    #expect(rows.map { $0.map(\.text) } == [["name", "note"], ["平湖, 嘉兴", "第一行\n第二行"], ["说\"好\"", ""]])
    #expect(rows[2][0].line == 4)
  }

  @Test func csvParserLocatesBadQuotes() {
    let (_, problems) = CSVParser.parse(Array("a,b\n平湖,\"x\"y\n\"open,1\n".utf8))
    #expect(problems.map { "\($0.line):\($0.column)" } == ["2:7", "3:1"])
  }

  @Test func raggedCSVRowIsAnErrorWithItsLine() throws {
    let (datasets, diagnostics) = try load(["a.csv": "year,value\n2015,1\n2016,2,3\n"])
    #expect(datasets.isEmpty)
    #expect(
      diagnostics.map(\.description) == [
        "Content/data/a.csv:3:1: error: this row has 3 fields but the header has 2; check for a missing or extra comma"
      ])
  }

  @Test func aColumnWithoutANameIsAnErrorNotDropped() throws {
    let (datasets, diagnostics) = try load([
      "a.yml": "columns:\n  - {name: year}\n  - {label: 数值}\nrows:\n  - [2024]\n"
    ])
    #expect(datasets.isEmpty)
    #expect(
      diagnostics.map(\.description).contains { $0.contains("error: missing required key 'name'") }, "\(diagnostics)")
  }

  @Test func numericColumnsKeepUnitsAndGaps() throws {
    let (datasets, diagnostics) = try load([
      "money.csv": "year,amount\n2015,3500万元\n2016,\n2020,1.38亿元\n"
    ])
    #expect(diagnostics.isEmpty)
    let dataset = try #require(datasets.first)
    #expect(dataset.columns[1].isNumeric)
    // Each cell keeps the unit it was written in, exactly; the column reads shortest in 亿元.
    #expect(dataset.columns[1].unit?.symbol == "亿元")
    #expect(dataset.rows[1][1] == .empty)
    #expect(dataset.rows[2][1].quantity == Quantity(scaled: 138, decimals: 2, unit: Unit("亿元")))
    #expect(dataset.shown(row: 0, column: 1) == Quantity(scaled: 35, decimals: 2, unit: Unit("亿元")))
    #expect(dataset.rows[0][0].text == "2015")
  }

  @Test func textInADeclaredNumericColumnIsLocated() throws {
    let yaml = """
      title: 指标
      columns:
        - {name: year, label: 年份}
        - {name: share, label: 占比, unit: "%"}
      rows:
        - {year: 2015, share: 2.61}
        - {year: 2020, share: 约三成}
      """
    let (_, diagnostics) = try load(["a.yml": yaml])
    #expect(
      diagnostics.map(\.description) == [
        "Content/data/a.yml:7:25: error: \"约三成\" is not a number, but column 'share' holds numbers; write a number such as 12.5 (约12.5 and 12.5以上 are fine), or — for no figure"
      ])
  }

  @Test func readsRecordsFromJSONAndYAML() throws {
    let (datasets, diagnostics) = try load([
      "records.json": "[{\"name\": \"引\", \"count\": 17}, {\"name\": \"留\", \"count\": 16}]",
      "list.yml": "- {name: 用, count: 50}\n",
    ])
    #expect(diagnostics.isEmpty)
    #expect(datasets.map(\.id) == ["list", "records"])
    #expect(datasets.map { $0.rows.compactMap { $0[1].quantity?.value } } == [[50], [17, 16]])
  }

  @Test func sameIdTwiceIsAnError() throws {
    let (_, diagnostics) = try load(["a.csv": "x,y\n1,2\n", "a.yml": "- {x: 1}\n"])
    #expect(
      diagnostics.map(\.message.english) == ["dataset 'a' is also defined by Content/data/a.csv; rename one of them"])
  }

  @Test func jsonRecordsWithPositions() throws {
    let (datasets, diagnostics) = try load([
      "r.json": "[\n  {\"name\": \"引\", \"count\": 17},\n  {\"name\": \"留\", \"count\": \"x\"}\n]"
    ])
    #expect(diagnostics.isEmpty)
    let dataset = try #require(datasets.first)
    #expect(dataset.columns.map(\.name) == ["name", "count"])
    #expect(!dataset.columns[1].isNumeric)
    #expect(dataset.cellLocations[1][1] == SourceLocation(file: "Content/data/r.json", line: 3, column: 26))
  }

  @Test func csvDownloadHasBOMAndUnitsInHeaders() throws {
    let (datasets, _) = try load([
      "a.yml":
        "title: t\ncolumns:\n  - {name: k, label: 类别}\n  - {name: v, label: 数值, unit: 家}\nrows:\n  - {k: \"甲,乙\", v: 3}\n"
    ])
    let csv = DataPage.csv(try #require(datasets.first))
    #expect(csv == "\u{FEFF}类别,数值（家）\r\n\"甲,乙\",3\r\n")
  }
}
