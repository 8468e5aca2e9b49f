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

/// Excel workbooks in `Content/data/`, as written by openpyxl
/// (`Tests/Fixtures/Workbooks/make_workbooks.py`): one dataset per visible sheet, figures
/// as Excel shows them, merged headers combined, errors at the cell.
@Suite struct WorkbookTests {
  static let fixtures = FixtureSite.repository.appendingPathComponent("Tests/Fixtures/Workbooks")

  static func site(with workbooks: [String], article: String? = nil) throws -> FixtureSite {
    var files = FixtureSite.minimal
    if let article { files["Content/2024/talent.md"] = article }
    let site = try FixtureSite(files)
    for name in workbooks {
      let bytes = try Data(contentsOf: fixtures.appendingPathComponent(name))
      try site.writeBytes("Content/data/\(name)", [UInt8](bytes))
    }
    return site
  }

  @Test func eachVisibleSheetIsADatasetReadAsExcelShowsIt() async throws {
    let site = try Self.site(with: ["指标.xlsx"])
    defer { site.remove() }
    let summary = try await site.build()
    // The hidden sheet 草稿 is not published.
    #expect(
      try site.snapshot().keys.filter { $0.hasPrefix("data/指标/") }.sorted() == ["data/指标/企业.csv", "data/指标/科技投入.csv"])
    // (`read` decodes the CSV as UTF-8, which drops its byte order mark.)
    // The title row merged across the table is the title; 0.00, 0.0% and date formats
    // read as shown; figures typed as text with separators and full-width digits are read.
    #expect(
      try site.read("data/指标/科技投入.csv")
        == """
        项目,金额（万元）,增长（%）,统计日期
        研发投入,5993.92,25.3,2024-12-31
        财政科技支出,10271.00,8.2,2024-12-31
        科技金融,904.46,-4.5,2025-01-15
        技术合同,1234.5,,
        专利授权,123,,

        """.replacingOccurrences(of: "\n", with: "\r\n"))
    // A header merged across two columns is read with the row below it, the unit kept at
    // the end; a label merged down two rows is filled down.
    #expect(
      try site.read("data/指标/企业.csv")
        == """
        地区,高新技术企业2023年（家）,高新技术企业2024年（家）
        乍浦镇,12,15
        开发区,30,34
        开发区,8,9
        新埭镇,6,7

        """.replacingOccurrences(of: "\n", with: "\r\n"))
    let merges = summary.diagnostics.filter { $0.message.english.hasPrefix("merged cells") }.map(\.description)
    #expect(
      merges == [
        "Content/data/指标.xlsx[企业]: warning: merged cells: B1:C1 (高新技术企业（家）) read over the row below it; A4:A5 filled down with 开发区; A1:A2 (地区) repeated in each of its cells; check that the table reads as intended"
      ])
    let dataPage = try site.read("data/index.html")
    #expect(dataPage.contains("2024年科技投入情况"))
    #expect(dataPage.contains("指标（企业）"))
  }

  @Test func aChartDrawsASheet() async throws {
    let article = """
      ---
      title: 人才工作
      date: 2025-01-22
      tags: [人才]
      ---
      投入情况如下。

      ```chart
      type: bar
      data: 指标/科技投入
      x: 项目
      y: 金额
      title: 科技投入
      rows: [研发投入, 财政科技支出, 科技金融]
      ```
      """
    let site = try Self.site(with: ["指标.xlsx"], article: article)
    defer { site.remove() }
    _ = try await site.build()
    let page = try site.read("2024/talent/index.html")
    for figure in ["5993.92", "10271.00", "904.46"] { #expect(page.contains(figure), "\(figure)") }
  }

  @Test func aMetaFileNamesAndDescribesSheets() async throws {
    let site = try Self.site(with: ["指标.xlsx"])
    defer { site.remove() }
    try site.write(
      "Content/data/指标.meta.yml",
      """
      sheets:
        企业:
          id: hightech-firms-by-town
          title: 各镇（街道）高新技术企业数量
          source: 平湖市科学技术局
          columns:
            - {name: 地区, label: 镇（街道）}
      """)
    let summary = try await site.build()
    let files = try site.snapshot().keys
    #expect(files.contains("data/hightech-firms-by-town.csv"))
    #expect(files.contains("data/指标/科技投入.csv"))
    #expect(!files.contains("data/指标/企业.csv"))
    let dataPage = try site.read("data/index.html")
    #expect(dataPage.contains("各镇（街道）高新技术企业数量"))
    #expect(dataPage.contains("平湖市科学技术局"))
    #expect(!summary.diagnostics.contains { $0.location.file == "Content/data/指标.meta.yml" })

    try site.write("Content/data/指标.meta.yml", "sheets:\n  企业表:\n    title: 无\n")
    let errors = await site.failingBuild().filter { $0.severity == .error }.map(\.description)
    #expect(
      errors == [
        "Content/data/指标.meta.yml:2:3: error: the workbook has no visible sheet '企业表' (its sheets: 科技投入, 企业)"
      ])
  }

  @Test func aFormulaWithoutASavedValueIsAnErrorAtItsCell() async throws {
    let site = try Self.site(with: ["公式.xlsx"])
    defer { site.remove() }
    let errors = await site.failingBuild().filter { $0.severity == .error }.map(\.description)
    #expect(
      errors == [
        "Content/data/公式.xlsx[合计]!B3: error: the formula =SUM(B2:B2) has no saved value (the file was written by a program that does not calculate); open the workbook in Excel or WPS and save it again"
      ])
  }

  @Test func datesInThe1904SystemReadAsTheyShow() async throws {
    let site = try Self.site(with: ["苹果日期.xlsx"])
    defer { site.remove() }
    _ = try await site.build()
    #expect(try site.read("data/苹果日期/日期.csv").contains("验收,2024-03-01"))
  }

  @Test(arguments: [
    ("坏.xlsx", [UInt8]("not a zip at all".utf8), "Content/data/坏.xlsx: error: not a readable .xlsx workbook"),
    ("空.xlsx", [], "Content/data/空.xlsx: error: not a readable .xlsx workbook"),
    ("旧.xls", [0xD0, 0xCF, 0x11, 0xE0], "Content/data/旧.xls: error: an old-format workbook (.xls) cannot be read"),
    ("旧.et", [0xD0, 0xCF, 0x11, 0xE0], "Content/data/旧.et: error: an old-format workbook (.et) cannot be read"),
    (
      "加密.xlsx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
      "Content/data/加密.xlsx: error: the workbook is protected by a password or is an old .xls file renamed"
    ),
  ])
  func unreadableWorkbooksAreOneClearError(name: String, bytes: [UInt8], expected: String) async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    try site.writeBytes("Content/data/\(name)", bytes)
    let errors = await site.failingBuild().filter { $0.severity == .error }.map(\.description)
    #expect(errors.count == 1)
    #expect(errors.first?.hasPrefix(expected) == true, "\(errors)")
  }

  /// Both found by fuzzing: `damaged-directory.xlsx` has a central directory pointing past
  /// the end of the file, which ZIPFoundation's in-memory reader trapped on;
  /// `damaged-checksum.xlsx` has a part whose checksum fails and whose bytes are not UTF-8,
  /// which Foundation's XMLParser trapped on; `inflate-hang.xlsx` has a part whose deflate
  /// stream runs to the end of the file unfinished, on which ZIPFoundation's reader waited
  /// forever; `inflate-overread.xlsx` made ZIPFoundation's inflate read past its buffer
  /// (a segmentation fault under AddressSanitizer); `truncated-deflate.xlsx` declares a
  /// part half as long as its stream, which ZIPFoundation read past (made by
  /// `make_workbooks.py`).
  @Test(
    .timeLimit(.minutes(1)),
    arguments: [
      "damaged-directory.xlsx", "damaged-checksum.xlsx", "inflate-hang.xlsx", "inflate-overread.xlsx",
      "truncated-deflate.xlsx",
    ])
  func aDamagedArchiveIsAnErrorNotACrash(name: String) async throws {
    let site = try Self.site(with: [name])
    defer { site.remove() }
    let errors = await site.failingBuild().filter { $0.severity == .error }
    #expect(errors.count == 1)
    #expect(errors.first?.location.file == SourcePath("Content/data/\(name)"))
    // Read alone too, as the fuzzer reads it.
    let (datasets, diagnostics) = WorkbookDatasets.read(
      Self.fixtures.appendingPathComponent(name), file: SourcePath("Content/data/\(name)"))
    #expect(datasets.isEmpty)
    #expect(diagnostics.map(\.severity) == [.error])
  }

  @Test(arguments: [
    ("General", NumberFormats.Kind.general), ("0", .fixed(decimals: 0)), ("#,##0.00", .fixed(decimals: 2)),
    ("0.0%", .percent(decimals: 1)), ("0%", .percent(decimals: 0)), ("yyyy\"年\"m\"月\"d\"日\"", .date),
    ("[$-804]yyyy/m/d", .date), ("0.0_ ;[Red]\\-0.0\\ ", .fixed(decimals: 1)), ("@", .general),
    ("#,##0.0\"万元\"", .fixed(decimals: 1)),
  ])
  func formatCodesAreRead(code: String, kind: NumberFormats.Kind) {
    #expect(NumberFormats.kind(ofCode: code) == kind)
  }

  @Test func numbersShowAsExcelShowsThem() {
    #expect(NumberFormats.fixed(Decimal(string: "0.125")!, decimals: 2) == "0.13")
    #expect(NumberFormats.fixed(Decimal(string: "-0.125")!, decimals: 2) == "-0.13")
    #expect(NumberFormats.fixed(Decimal(string: "71.35699999999999")!, decimals: 1) == "71.4")
    #expect(NumberFormats.fixed(Decimal(string: "10271")!, decimals: 2) == "10271.00")
    #expect(NumberFormats.significant(Decimal(string: "0.30000000000000004")!, digits: 15) == "0.3")
    #expect(NumberFormats.significant(Decimal(string: "5993.92")!, digits: 15) == "5993.92")
    #expect(NumberFormats.significant(Decimal(string: "123456789012345678")!, digits: 15) == "123456789012346000")
    #expect(NumberFormats.date(1, date1904: false) == "1900-01-01")
    #expect(NumberFormats.date(60, date1904: false) == "1900-02-29")
    #expect(NumberFormats.date(61, date1904: false) == "1900-03-01")
    #expect(NumberFormats.date(45657, date1904: false) == "2024-12-31")
    #expect(NumberFormats.date(Decimal(string: "45657.5")!, date1904: false) == "2024-12-31 12:00")
    #expect(NumberFormats.date(0, date1904: true) == "1904-01-01")
  }

  @Test func cellReferencesAreReadAndWritten() {
    #expect(Workbook.CellRange.cell("C7")! == (7, 3))
    #expect(Workbook.CellRange.cell("$AA$10")! == (10, 27))
    #expect(Workbook.CellRange.cell("7C") == nil)
    #expect(Workbook.CellRange("B1:C1") == Workbook.CellRange("B1:C1"))
    #expect(SourceLocation.columnLetters(28) == "AB")
    #expect(
      SourceLocation(file: "Content/data/指标.xlsx", sheet: "Sheet1", row: 7, column: 3).description
        == "Content/data/指标.xlsx[Sheet1]!C7")
  }
}
