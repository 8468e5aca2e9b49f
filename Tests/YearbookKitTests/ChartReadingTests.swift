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

/// Charts must say the right thing: one unit per chart, scaled to 万 or 亿 once; shares
/// with %; ranks as 第N位; tiles named by labels, not keys; years spaced by time with
/// estimates dashed; Chinese line breaking in labels; stacked segments labelled where they fit.
@Suite struct ChartReadingTests {
  static let datasets: [Dataset] = [
    ChartFixture.dataset(
      "funds",
      """
      title: 科技经费
      columns:
        - {name: year, label: 年份}
        - {name: amount, label: 科技经费, unit: 万元}
      rows:
        - {year: 2016, amount: 3500}
        - {year: 2018, amount: 13800}
        - {year: 2021, amount: 100000}
      """),
    ChartFixture.dataset(
      "ranks",
      """
      title: 评价排名
      columns:
        - {name: dimension, label: 评价维度}
        - {name: rank, label: 全省排名, unit: 位}
      rows:
        - {dimension: 综合排名, rank: 17}
        - {dimension: 开放创新和国际竞争力, rank: 8}
      """),
    ChartFixture.dataset(
      "counts",
      """
      title: 企业数量
      columns:
        - {name: year, label: 年份}
        - {name: total}
      rows:
        - {year: 2023, total: 251}
        - {year: 2024, total: 297}
      """),
    ChartFixture.dataset(
      "uneven",
      """
      title: 研发投入强度
      columns:
        - {name: year, label: 年份}
        - {name: share, label: 研发投入强度, unit: "%"}
        - {name: status, label: 口径}
      rows:
        - {year: 2016, share: 2.4, status: 统计}
        - {year: 2018, share: 2.61, status: 统计}
        - {year: 2021, share: 3.09, status: 统计}
        - {year: 2022, share: 3.2, status: 统计}
        - {year: 2023, share: 3.3, status: 统计}
        - {year: 2024, share: 3.4, status: 统计}
        - {year: 2025, share: 3.5, status: 预计}
      """),
    ChartFixture.dataset(
      "labels",
      """
      title: 研发机构
      columns:
        - {name: name, label: 机构}
        - {name: count, label: 数量, unit: 家}
        - {name: added, label: 新增, unit: 家}
      rows:
        - {name: 省级企业研究院（含重点企业研究院）, count: 46, added: 12}
        - {name: 嘉兴市级研发中心, count: 23, added: 3}
        - {name: 新型研发机构、省级重点实验室和工程技术研究中心, count: 13, added: 30}
        - {name: 院士专家工作站, count: 2, added: 1}
      """),
  ]

  static func render(_ yaml: String) -> (String?, [Diagnostic]) {
    let renderer = ChartRenderer(datasets: datasets, baseURL: BaseURL("/kjj/")!)
    let (chart, diagnostics) = renderer.render(yaml: yaml, file: "Content/2024/a.md", firstLine: 10, id: "yb-chart-t")
    return (chart?.html, diagnostics)
  }

  static let specs: [(String, String)] = [
    ("money-scaled-once", "type: column\ndata: funds\nx: year\ny: amount\ntitle: 科技经费投入"),
    ("rank", "type: bar\ndata: ranks\nx: dimension\ny: rank\ntitle: 2019年度评价排名"),
    ("kpi-unlabelled-column", "type: kpi\ndata: counts\nx: year\ny: total\ntitle: 高新技术企业数"),
    ("line-uneven-years-estimate", "type: line\ndata: uneven\nx: year\ny: share\ntitle: 研发投入强度变化"),
    ("long-labels", "type: column\ndata: labels\nx: name\ny: count\ntitle: 研发机构数量"),
    ("stacked-segments", "type: stacked\ndata: labels\nx: name\ny: [count, added]\ntitle: 研发机构存量与新增"),
  ]

  @Test(arguments: ChartReadingTests.specs.map(\.0))
  func rendersToItsGoldenFile(name: String) throws {
    let spec = try #require(Self.specs.first { $0.0 == name }?.1)
    let html = try #require(Self.render(spec).0)
    try Golden.assertMatches(html, named: "chart-\(name).html")
  }

  /// Every `<text>` of a chart, as a reader sees it (tspans joined, titles left out).
  static func texts(_ html: String) -> [String] {
    html.matches(of: /<text[^>]*>(.*?)<\/text>/).map { match in
      String(match.1).replacing(/<title>.*?<\/title>/, with: "").replacing(/<[^>]+>/, with: "")
    }
  }

  @Test func moneyIsScaledOnceAndStatedOnce() throws {
    let html = try #require(Self.render(Self.specs[0].1).0)
    let texts = Self.texts(html)
    #expect(texts.contains("1.38") && texts.contains("0.35") && texts.contains("10"), "\(texts)")
    #expect(!texts.contains { $0.contains("万") || $0.contains("亿") }, "the unit is said in the caption only")
    #expect(html.contains("单位：亿元"))
    #expect(html.contains(">2016年为0.35亿元，2018年为1.38亿元，2021年为10亿元。</desc>"))
    #expect(html.contains("<td class=\"yb-num\">1.38</td>"))
  }

  @Test func sharesCarryPercentOnTicksAndLabels() throws {
    let html = try #require(
      ChartFixture.render("type: grouped\ndata: indicators\nx: year\ny: [rd_gdp_share, high_tech_share]\ntitle: 对比").0)
    let ticks = html.matches(of: /class="yb-tick"[^>]*>([^<]*)</).map { String($0.1) }
    #expect(!ticks.isEmpty && ticks.allSatisfy { $0.hasSuffix("%") }, "\(ticks)")
    // Grouped bars are too narrow for “65.1%” in text a phone can read: the table has them.
    #expect(html.matches(of: /class="yb-value"/).isEmpty)
    #expect(html.contains("<td class=\"yb-num\">65.1</td>"))
    #expect(!html.contains("单位：%"))
    let single = try #require(
      ChartFixture.render("type: column\ndata: indicators\nx: year\ny: high_tech_share\ntitle: 占比").0)
    let values = single.matches(of: /class="yb-value"[^>]*>([^<]*)</).map { String($0.1) }
    #expect(values.contains("65.1%"), "\(values)")
  }

  @Test func ranksReadAsPlaces() throws {
    let html = try #require(Self.render(Self.specs[1].1).0)
    #expect(Self.texts(html).contains("第17位"))
    #expect(html.contains("综合排名为第17位"))
  }

  @Test func aTileIsNamedByItsLabelNeverByItsKey() throws {
    let (html, diagnostics) = Self.render(Self.specs[2].1)
    let page = try #require(html)
    #expect(!Self.texts(page).contains("total"))
    #expect(page.contains("<title id=\"yb-chart-t-1-title\">高新技术企业数</title>"))
    #expect(
      diagnostics.map(\.description) == [
        "Content/2024/a.md:10:1: warning: column 'total' of dataset 'counts' has no label, so readers see “高新技术企业数” in its place; give it one in its columns: entry (label: …)"
      ])
  }

  @Test func aSpecUnitIsHonouredAndAWrongOneIsAnError() throws {
    let html = try #require(Self.render("type: column\ndata: funds\nx: year\ny: amount\nunit: 万元\ntitle: 经费").0)
    #expect(html.contains("单位：万元") && Self.texts(html).contains("13800"))
    let tiles = try #require(Self.render("type: kpi\ndata: funds\nx: year\ny: amount\nunit: 亿元\ntitle: 经费").0)
    #expect(tiles.contains("科技经费为10亿元"))
    let (wrong, diagnostics) = Self.render("type: column\ndata: funds\nx: year\ny: amount\nunit: 家\ntitle: 经费")
    #expect(wrong == nil)
    #expect(
      diagnostics.map(\.description) == [
        "Content/2024/a.md:10:1: error: unit: 家 cannot show numbers of dataset 'funds' written in 万元; give a unit of the same kind (such as 万元) or remove unit:"
      ])
  }

  @Test func unevenYearsAreSpacedByTimeAndEstimatesDashed() throws {
    let html = try #require(Self.render(Self.specs[3].1).0)
    let solid = try #require(html.firstMatch(of: /<path d="([^"]*)" class="yb-line yb-stroke-1 yb-dash-1"/)?.1)
    let xs = solid.matches(of: #/[ML]([\d.]+) /#).map { Double($0.1)! }
    #expect(xs.count == 6)
    // 2016→2018 is two years, 2018→2021 three, 2021→2022 one: gaps in that proportion.
    let gaps = zip(xs, xs.dropFirst()).map { $1 - $0 }
    #expect(abs(gaps[0] / gaps[2] - 2) < 0.01 && abs(gaps[1] / gaps[2] - 3) < 0.01, "\(gaps)")
    let dashed = try #require(html.firstMatch(of: /<path d="([^"]*)" class="yb-line yb-stroke-1 yb-estimate"/)?.1)
    #expect(dashed.hasPrefix("M\(SVG.number(xs[5])) "))
    #expect(html.contains("其中2025年为预计数，以虚线表示。</desc>"))
    #expect(html.contains("<tr><th scope=\"row\">2025（预计）</th>"))
  }

  @Test func aStarAfterTheCategoryMarksAnEstimate() throws {
    let dataset = ChartFixture.dataset(
      "plan", "columns:\n  - {name: year}\n  - {name: v, label: 值, unit: 家}\nrows:\n  - [2024, 10]\n  - ['2025*', 12]\n"
    )
    let renderer = ChartRenderer(datasets: [dataset], baseURL: BaseURL())
    let html = try #require(
      renderer.render(yaml: "type: line\ndata: plan\ny: v\ntitle: 计划", file: "a.md", firstLine: 1, id: "c").0?.html)
    #expect(html.contains("yb-estimate") && html.contains("2025年为预计数"))
    #expect(!Self.texts(html).contains { $0.contains("*") })
    let columns = try #require(
      renderer.render(yaml: "type: column\ndata: plan\ny: v\ntitle: 计划", file: "a.md", firstLine: 1, id: "c").0?.html)
    let bars = columns.matches(of: /<rect [^>]*class="(yb-mark[^"]*)"/).map { String($0.1) }
    #expect(bars == ["yb-mark yb-fill-1", "yb-mark yb-fill-1 yb-estimate-mark yb-outline-1"])
    #expect(columns.contains("其中2025年为预计数，以浅色虚框表示。</desc>"))
  }

  @Test func chineseLabelsBreakWhereChineseTypesettingAllows() {
    let samples = [
      "省级企业研究院（含重点企业研究院）", "新型研发机构、省级重点实验室和工程技术研究中心", "《平湖市科技创新“十四五”规划》重点任务完成情况",
      "高新技术产业增加值占规上工业增加值比重。", "研发中心（省级）",
    ]
    for text in samples {
      for width in stride(from: 40.0, through: 200, by: 13) {
        let lines = TextMetrics.wrap(text, maxWidth: width, fontSize: 13, maxLines: 30)
        #expect(lines.joined() == text, "\(lines)")
        // Lines end between words and whole phrases in marks whenever each fits on a line.
        let pieces = LineBreaks.pieces(text)
        if pieces.allSatisfy({ TextMetrics.width($0, fontSize: 13) <= width }) {
          let allowed = Set(pieces.indices.map { pieces[...$0].joined().count })
          let ends = lines.indices.map { lines[...$0].joined().count }
          #expect(ends.allSatisfy(allowed.contains), "\(lines) breaks inside one of \(pieces)")
        }
        for line in lines.dropFirst() {
          #expect(!TextMetrics.closing.contains(line.first!), "\(lines) at \(width)")
        }
        for line in lines.dropLast() {
          #expect(!TextMetrics.opening.contains(line.last!), "\(lines) at \(width)")
        }
        if lines.count > 1 && width >= 13 * 3 {
          #expect(lines.last!.count > 1, "a lone character: \(lines) at \(width)")
        }
      }
    }
  }

  @Test func aLabelCutShortKeepsItsFullTextAsATitle() throws {
    let html = try #require(Self.render(Self.specs[4].1).0)
    #expect(html.contains("<title>新型研发机构、省级重点实验室和工程技术研究中心</title>"))
    // Every label stays inside the 400-unit-wide chart.
    let xs = html.matches(of: /<text x="([\d.]+)"[^>]*class="yb-label"/).map { Double($0.1)! }
    #expect(!xs.isEmpty && xs.allSatisfy { $0 > 0 && $0 < 400 })
  }

  @Test func stackedSegmentsAreLabelledWhereTheyFit() throws {
    let html = try #require(Self.render(Self.specs[5].1).0)
    let inside = html.matches(of: /class="yb-value yb-on-mark"[^>]*>([^<]*)</).map { String($0.1) }
    #expect(inside.contains("46") && inside.contains("30"), "\(inside)")
    #expect(!inside.contains("1"), "a 1-unit segment is too thin for its label")
  }

  @Test func aProgressRowSaysValueTargetAndRatioInOneUnit() throws {
    let dataset = ChartFixture.dataset(
      "goals",
      "title: 目标\ncolumns:\n  - {name: k}\n  - {name: done}\n  - {name: goal}\nrows:\n  - [资金, 13800万元, 1.2亿元]\n  - [投资, 300.1%, 100%]\n"
    )
    let renderer = ChartRenderer(datasets: [dataset], baseURL: BaseURL())
    let html = try #require(
      renderer.render(
        yaml: "type: progress\ndata: goals\ny: done\ntarget: goal\ntitle: 完成", file: "a.md", firstLine: 1, id: "c"
      )
      .0?.html)
    // The value as written; the target moved exactly to its unit; the ratio to one decimal.
    #expect(html.contains(">完成13800万元 / 目标12000万元（115.0%）</text>"))
    #expect(html.contains(">完成300.1% / 目标100%</text>"))
  }

  @Test func aValueCellNeverRepeatsItsUnitColumn() throws {
    let dataset = ChartFixture.dataset(
      "ind",
      "title: 指标\ncolumns:\n  - {name: k}\n  - {name: v}\n  - {name: unit}\nrows:\n  - [甲, 38.13, '%']\n  - [乙, 15.74亿元, ~]\n"
    )
    let renderer = ChartRenderer(datasets: [dataset], baseURL: BaseURL())
    let html = try #require(
      renderer.render(yaml: "type: table\ndata: ind\ntitle: 指标", file: "a.md", firstLine: 1, id: "c").0?.html)
    #expect(html.contains("<tr><th scope=\"row\">甲</th><td class=\"yb-num\">38.13</td><td>%</td></tr>"))
    #expect(html.contains("<tr><th scope=\"row\">乙</th><td class=\"yb-num\">15.74亿元</td><td></td></tr>"))
    let withoutUnitColumn = try #require(
      renderer.render(yaml: "type: table\ndata: ind\ny: [v]\ntitle: 指标", file: "a.md", firstLine: 1, id: "c").0?.html)
    #expect(withoutUnitColumn.contains("<td class=\"yb-num\">38.13%</td>"))
  }

  @Test func aCSVTakesItsTitleLabelsAndUnitsFromItsMetaFile() async throws {
    var files = FixtureSite.minimal
    files["Content/data/firms.csv"] = "year,total\n2023,251\n2024,297\n"
    files["Content/data/firms.meta.yml"] =
      "title: 高新技术企业\nsource: 市科技局\ncolumns:\n  - {name: total, label: 高新技术企业数, unit: 家}\n"
    files["Content/data/bare.csv"] = "year,n\n2023,1\n2024,2\n"
    files["Content/2024/firms.md"] = """
      ---
      title: 企业
      date: 2025-01-22
      ---
      正文。

      ```chart
      type: kpi
      data: firms
      y: total
      title: 企业数
      ```

      ```chart
      type: column
      data: bare
      y: n
      title: 无标题数据
      ```
      """
    let site = try FixtureSite(files)
    defer { site.remove() }
    let summary = try await site.build()
    #expect(
      summary.diagnostics.map(\.description) == [
        "Content/2024/firms.md:15:1: warning: column 'n' of dataset 'bare' has no label, so readers see “无标题数据” in its place; give it one in a bare.meta.yml beside the data file (columns: - {name: n, label: …})",
        "Content/data/bare.csv: warning: dataset 'bare' is drawn by a chart but has no title, so the data page can only name it by its chart; add title: to a bare.meta.yml beside it",
      ])
    let article = try site.read("2024/firms/index.html")
    #expect(
      article.contains("<title id=\"yb-chart-2bo9aj-1-title\">高新技术企业数</title>") || article.contains(">高新技术企业数</title>"))
    #expect(article.contains("高新技术企业数为297家，比2023年增长18.3%。"))
    let data = try site.read("data/index.html")
    #expect(data.contains("<h2 id=\"data-firms-heading\">高新技术企业</h2>"))
    #expect(data.contains("<h2 id=\"data-bare-heading\">无标题数据</h2>"))
    #expect(!data.contains(">firms<") && !data.contains(">bare<"))
  }

  @Test func aMetaFileNamingAnUnknownColumnIsALocatedError() async throws {
    var files = FixtureSite.minimal
    files["Content/data/firms.csv"] = "year,total\n2023,251\n"
    files["Content/data/firms.meta.yml"] = "title: 企业\ncolumns:\n  - {name: totl, label: 合计}\n"
    let site = try FixtureSite(files)
    defer { site.remove() }
    let messages = await site.failingBuild().map(\.description)
    #expect(
      messages == [
        "Content/data/firms.meta.yml:3:6: error: Content/data/firms.csv has no column 'totl' (its header has: year, total)"
      ])
  }

  /// Random series through the one formatter: no label ever shows a doubled magnitude,
  /// and every label read back in the chart's unit is its value within its precision.
  @Test(arguments: 1...60)
  func everyLabelRoundTripsAndNoMagnitudeIsDoubled(seed: Int) throws {
    var generator = ChartPropertyTests.Generator(state: UInt64(seed) &* 2_654_435_761)
    let units = ["元", "万元", "亿元", "人", "万人", "家", "", "%", "吨", "千瓦"]
    let unit = units[Int(generator.next() % UInt64(units.count))]
    let count = Int(1 + generator.next() % 8)
    let magnitude = pow(10, Double(generator.next() % 12))
    var rows = ""
    var written: [Double] = []
    for index in 0..<count {
      let value = Double(generator.next() % 100_000) / 100 * magnitude / 1000
      let text = ChineseNumberFormat.number(value, decimals: 2)
      written.append(Double(text)!)
      rows += "  - [\"c\(index)\", \"\(text)\"]\n"
    }
    let dataset = ChartFixture.dataset(
      "r", "columns:\n  - {name: k, label: 类别}\n  - {name: v, label: 数值, unit: '\(unit)'}\nrows:\n\(rows)")
    let spec = ChartSpec(
      kind: .column, data: "r", x: "k", y: ["v"], title: "随机", unit: nil, source: nil, rows: [], target: nil, sort: nil,
      note: nil, location: SourceLocation(file: "a.md"))
    let (resolved, diagnostics) = ChartData.resolve(spec, datasets: ["r": dataset])
    let data = try #require(resolved, "\(diagnostics)")
    let shown = data.unit
    for doubled in ["万万", "亿万", "万亿", "亿亿"] {
      #expect(!shown.symbol.contains(doubled))
    }
    let original = Unit(unit)
    for (quantity, value) in zip(data.series[0].values, written) {
      let quantity = try #require(quantity)
      let label = data.numbers.label(quantity)
      #expect(!label.contains("万") && !label.contains("亿"), "\(label)")
      let digits = label.hasSuffix("%") ? String(label.dropLast()) : label
      let read = try #require(Double(digits), "\(label)")
      // Read back in the data's own unit, the label is the value to within half its last digit.
      let backInOriginal = read * shown.multiplier / original.multiplier
      let tolerance = 0.5 * pow(10, -Double(quantity.decimals)) * shown.multiplier / original.multiplier
      #expect(abs(backInOriginal - value) <= tolerance * 1.0001 + 1e-9, "\(label) \(shown.symbol) for \(value)\(unit)")
    }
    let scale = NiceScale(values: data.allValues, includeZero: true)
    for tick in scale.ticks {
      let text = data.numbers.tick(tick, step: scale.step)
      #expect(!text.contains("万") && !text.contains("亿"), "\(text)")
    }
  }
}
