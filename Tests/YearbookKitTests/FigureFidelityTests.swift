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

/// The tables editors really have, each as it was found publishing a figure that was not
/// its source's (issue 17), built as a site. Each case's figures are a golden file, so a
/// reviewer reads the change, and the figure that went wrong is asserted on its own.
@Suite struct FigureFidelityTests {
  static let files: [String: String] = {
    var files = FixtureSite.minimal
    files["Content/data/rd.csv"] = "年份,研发投入（万元）\n2022,23456.78\n2023,25000\n"
    files["Content/data/rd-meta.csv"] = "年份,研发投入\n2022,23456.78\n2023,25000\n"
    files["Content/data/rd-meta.meta.yml"] = "title: 研发投入\ncolumns:\n  - {name: 研发投入, unit: 万元}\n"
    files["Content/data/funds.csv"] =
      "项目,资金\n创新券,212.65万元\n科发资金,5993.92万元\n股改上市奖励,904万元\n科创贷款贴息,13800万元\n产业基金,2.1亿元\n"
    files["Content/data/funds.meta.yml"] = "title: 科技资金兑现\n"
    files["Content/data/mixed.csv"] = "年份,科发资金\n2023,5993.92万元\n2024,1.0271亿元\n"
    files["Content/data/mixed.meta.yml"] = "title: 科发资金\n"
    files["Content/data/gaps.csv"] = "年份,研发投入\n2021,1.2亿元\n2022,—\n2023,约1.6亿元\n2024,1.8亿元以上\n"
    files["Content/data/gaps.meta.yml"] = "title: 研发投入\n"
    files["Content/data/firms.csv"] = "year,total\n2016,68\n2017,80\n2018,95\n"
    files["Content/data/firms.meta.yml"] = "title: 高新技术企业\ncolumns:\n  - {name: total, unit: 家}\n"
    files["Content/data/county-funds.csv"] = "单位：万元,,\n级别,资金,\n省级,100000,\n市级,30000,\n县级,24100,\n"
    files["Content/data/county-funds.meta.yml"] = "title: 各级科技资金\n"
    files["Content/data/goals.csv"] = "指标,完成,目标\n投资完成率,300.1%,100%\n新增高企,35家,30家\n"
    files["Content/data/goals.meta.yml"] = "title: 目标完成情况\n"
    files["Content/data/centres.csv"] = "时期,新增,原有\n“十三五”时期,46,113\n合计,92,226\n"
    files["Content/data/centres.meta.yml"] = "title: 研发中心\n"
    files["Content/2024/figures.md"] = """
      ---
      title: 数字
      date: 2025-01-23
      tags: [科技人才，科技投入]
      ---
      全年兑现科发资金{{mixed:科发资金:2023}}，产业基金{{funds:资金:产业基金}}。

      """
      + [
        ("header-unit", "type: column\ndata: rd\ny: 研发投入\ntitle: 研发投入（表头单位）"),
        ("meta-unit", "type: column\ndata: rd-meta\ny: 研发投入\ntitle: 研发投入（说明文件单位）"),
        ("meta-unit-table", "type: table\ndata: rd-meta\ntitle: 研发投入表"),
        ("mixed", "type: line\ndata: mixed\ny: 科发资金\ntitle: 科发资金变化"),
        ("funds-bar", "type: bar\ndata: funds\ny: 资金\ntitle: 科技资金兑现"),
        ("funds-table", "type: table\ndata: funds\ntitle: 科技资金兑现表"),
        ("gaps", "type: line\ndata: gaps\ny: 研发投入\ntitle: 研发投入（含缺数与约数）"),
        ("firms", "type: line\ndata: firms\ny: total\ntitle: 高新技术企业数"),
        ("county-funds", "type: bar\ndata: county-funds\ny: 资金\ntitle: 各级科技资金"),
        ("goals", "type: progress\ndata: goals\ny: 完成\ntarget: 目标\ntitle: 目标完成情况"),
        ("centres", "type: stacked\ndata: centres\ny: [新增, 原有]\ntitle: 研发中心"),
      ].map { "```chart\nid: \($0.0)\n\($0.1)\n```\n" }.joined(separator: "\n")
    return files
  }()

  /// The site built, read by `body`, then removed.
  static func built<T>(_ body: (FixtureSite, SiteBuilder.Summary) throws -> T) async throws -> T {
    let site = try FixtureSite(files)
    defer { site.remove() }
    return try body(site, try await site.build())
  }

  static func figure(_ id: String) async throws -> String {
    let page = try await built { site, _ in try site.read("2024/figures/index.html") }
    return try #require(Reading.figure(id: "yb-chart-\(id)", in: page).map { "<figure id=\"yb-chart-\(id)\">" + $0 })
  }

  @Test(arguments: [
    "header-unit", "meta-unit", "meta-unit-table", "mixed", "funds-bar", "funds-table", "gaps", "firms", "county-funds",
    "goals", "centres",
  ])
  func eachCaseRendersToItsGoldenFile(id: String) async throws {
    try Golden.assertMatches(try await Self.figure(id), named: "figures-\(id).html")
  }

  @Test func aUnitInTheHeaderIsTheColumnsUnitAndLeavesItsLabel() async throws {
    let html = try await Self.figure("header-unit")
    #expect(html.contains("单位：万元") && html.contains(">23456.78</text>"))
    #expect(html.contains("2022年为23456.78万元，2023年为25000万元。"))
    #expect(html.contains("<th scope=\"col\">研发投入（万元）</th>") && !html.contains("（万元）（"))
  }

  @Test func aUnitInTheMetaFileReadsTheSameInTheChartTheTableAndTheCSV() async throws {
    let chart = try await Self.figure("meta-unit")
    let table = try await Self.figure("meta-unit-table")
    #expect(chart.contains("单位：万元") && chart.contains("2022年为23456.78万元"))
    #expect(table.contains("<th scope=\"col\">研发投入（万元）</th>") && table.contains(">23456.78</td>"))
    let csv = try await Self.built { site, _ in try site.read("data/rd-meta.csv") }
    #expect(csv.hasSuffix("年份,研发投入（万元）\r\n2022,23456.78\r\n2023,25000\r\n"))
  }

  @Test func rescalingNeverDropsADigitAndGrowthComesFromTheExactFigures() async throws {
    let html = try await Self.figure("mixed")
    // 5993.92万元 stays in 万元 (0.599392亿元 would read longer); the growth is from the
    // exact figures: (10271 − 5993.92) / 5993.92 = 71.357…%, said as 71.4%.
    #expect(html.contains("2023年为5993.92万元，2024年为10271万元，增长71.4%。"))
    #expect(!html.contains(">0.6<") && !html.contains("0.60"))
  }

  @Test func oneColumnReadsInOneUnitInEveryView() async throws {
    let bar = try await Self.figure("funds-bar")
    let table = try await Self.figure("funds-table")
    for html in [bar, table] {
      #expect(html.contains("（万元）") && !html.contains("亿元"), "\(html)")
      for figure in ["212.65", "5993.92", "904", "13800", "21000"] { #expect(html.contains(">\(figure)<")) }
    }
    #expect(bar.contains("创新券为212.65万元，科发资金为5993.92万元"))
    let (csv, dataPage) = try await Self.built { site, _ in
      (try site.read("data/funds.csv"), try site.read("data/index.html"))
    }
    #expect(csv.contains("项目,资金（万元）\r\n创新券,212.65\r\n"))
    #expect(dataPage.contains("<th scope=\"col\">资金（万元）</th>"))
  }

  @Test func gapsAndApproximateFiguresAreShownAsWritten() async throws {
    let html = try await Self.figure("gaps")
    #expect(html.contains(">约1.6</text>") && html.contains(">1.8以上</text>"))
    #expect(html.contains("<td>—</td>") && html.contains(">约1.6</td>"))
    #expect(html.contains("研发投入2021年为1.2亿元，2024年为1.8亿元以上，2022年无数据。"))
    let page = try await Self.built { site, _ in try site.read("2024/figures/index.html") }
    #expect(page.contains("全年兑现科发资金<data class=\"yb-figure\" value=\"5993.92\">5993.92万元</data>"))
    #expect(page.contains("产业基金<data class=\"yb-figure\" value=\"2.1\">2.1亿元</data>"))
  }

  @Test func aDescriptionNeverGluesAColumnKeyToItsText() async throws {
    let html = try await Self.figure("firms")
    #expect(html.contains(">2016年为68家，2018年为95家，增长39.7%。</desc>"))
    #expect(!html.contains("total"))
    let diagnostics = try await Self.built { _, summary in summary.diagnostics }
    #expect(
      diagnostics.map(\.description).contains(
        "Content/2024/figures.md:62:1: warning: column 'total' of dataset 'firms' has no label, so readers see “高新技术企业数” in its place; give it one in a firms.meta.yml beside the data file (columns: - {name: total, label: …})"
      ))
  }

  @Test func bigAmountsMoveToYiWhereNoDigitIsLost() async throws {
    let html = try await Self.figure("county-funds")
    #expect(html.contains("单位：亿元") && html.contains("省级为10亿元，市级为3亿元，县级为2.41亿元。"))
  }

  @Test func aComputedFigureIsSaidOneWayEverywhere() async throws {
    let html = try await Self.figure("goals")
    #expect(html.contains("完成300.1% / 目标100%") && html.contains("完成目标的300.1%"))
    #expect(html.contains("（116.7%）") && html.contains("完成目标的116.7%") && html.contains(">116.7%</td>"))
    let stacked = try await Self.figure("centres")
    #expect(stacked.contains("“十三五”时期合计159（新增46，原有113）；合计318（新增92，原有226）。"))
  }

  @Test func fullWidthCommasSplitTagsAndExcelsEmptyColumnsAreDroppedWithOneWarning() async throws {
    let (page, diagnostics) = try await Self.built { site, summary in
      (try site.read("2024/figures/index.html"), summary.diagnostics)
    }
    #expect(page.contains(">科技人才</a>") && page.contains(">科技投入</a>"))
    #expect(
      diagnostics.map(\.description).filter { $0.contains("county-funds.csv") } == [
        "Content/data/county-funds.csv: warning: 1 empty column at the end (as a spreadsheet saves them) left out; delete it to silence this"
      ])
  }

  @Test func twoUnitsForOneColumnAreAnErrorNamingBoth() async throws {
    var files = FixtureSite.minimal
    files["Content/data/rd.csv"] = "年份,研发投入（万元）\n2022,23456.78\n"
    files["Content/data/rd.meta.yml"] = "title: 研发投入\ncolumns:\n  - {name: 研发投入（万元）, unit: 亿元}\n"
    let site = try FixtureSite(files)
    defer { site.remove() }
    let messages = await site.failingBuild().map(\.description)
    #expect(
      messages == [
        "Content/data/rd.meta.yml:3:28: error: column '研发投入（万元）' is given two units: 万元 in the header \"研发投入（万元）\" (Content/data/rd.csv:1:4) and 亿元 in unit: 亿元 (Content/data/rd.meta.yml:3:28); keep one"
      ])
  }

  @Test func anUnreadableCellIsAnErrorAtItsOwnPlace() async throws {
    var files = FixtureSite.minimal
    files["Content/data/d.csv"] = "年份,资金\n2021,1.2亿元\n2022,—\n2023,1.3亿圆\n"
    files["Content/2024/d.md"] =
      "---\ntitle: d\ndate: 2025-01-22\n---\n正文。\n\n```chart\ntype: line\ndata: d\ny: 资金\ntitle: 资金\n```\n"
    let site = try FixtureSite(files)
    defer { site.remove() }
    let messages = await site.failingBuild().map(\.description)
    #expect(
      messages == [
        "Content/data/d.csv:4:6: error: \"1.3亿圆\" is not a number, but the chart at Content/2024/d.md:8:1 plots column '资金'; write a figure such as 12.5, 3500万元 or 约1.6亿元, or — for no figure"
      ])
  }

  @Test(arguments: [
    ("研发投入（万元）", "研发投入", "万元"), ("研发投入(万元)", "研发投入", "万元"), ("研发投入/万元", "研发投入", "万元"),
    ("研发投入（单位：万元）", "研发投入", "万元"), ("占比（％）", "占比", "%"), ("万人发明专利拥有量（件/万人）", "万人发明专利拥有量", "件/万人"),
  ])
  func aHeaderGivesItsUnit(header: String, label: String, unit: String) throws {
    let split = try #require(HeaderUnit.split(header))
    #expect(split.label == label && split.unit == unit)
  }

  @Test(arguments: ["名称（中文）", "件/万人", "研发投入", "（万元）"])
  func aHeaderWithoutAUnitKeepsItsLabel(header: String) {
    #expect(HeaderUnit.split(header) == nil)
  }
}
