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

/// Datasets for chart tests, read from YAML as the site would read them.
enum ChartFixture {
  static func dataset(_ id: String, _ yaml: String) -> Dataset {
    var diagnostics: [Diagnostic] = []
    let raw = RawTable.fromYAML(
      Data(yaml.utf8), id: id, file: SourcePath("Content/data/\(id).yml"), diagnostics: &diagnostics)!
    return raw.build().0
  }

  static let datasets: [Dataset] = [
    dataset(
      "indicators",
      """
      title: 主要指标
      source: 平湖市统计局
      columns:
        - {name: year, label: 年份}
        - {name: rd_gdp_share, label: 研发经费支出占GDP比重, unit: "%"}
        - {name: high_tech_share, label: 高新技术产业增加值占比, unit: "%"}
      rows:
        - {year: 2015, rd_gdp_share: 2.61, high_tech_share: 38.13}
        - {year: 2016, rd_gdp_share: 2.70}
        - {year: 2020, rd_gdp_share: 3.09, high_tech_share: 65.1}
      """),
    dataset(
      "engineers",
      """
      title: 海外工程师
      columns:
        - {name: category, label: 类别}
        - {name: count, label: 人数, unit: 人}
        - {name: target, label: 目标, unit: 人}
      rows:
        - {category: 引进海外工程师, count: 17, target: 10}
        - {category: 留用, count: 16, target: 20}
        - {category: 使用海外工程师开展技术攻关的企业数量较多的情况, count: 50, target: 50}
      """),
    dataset(
      "changes",
      """
      title: 变化
      columns:
        - {name: item, label: 项目}
        - {name: a, label: 甲, unit: 家}
        - {name: b, label: 乙, unit: 家}
      rows:
        - {item: 一季度, a: 12, b: -5}
        - {item: 二季度, a: -8, b: 7}
      """),
  ]

  static let renderer = ChartRenderer(datasets: datasets, baseURL: BaseURL("/kjj/")!)

  static func render(_ yaml: String, file: SourcePath = "Content/2024/a.md", firstLine: Int = 10) -> (
    String?, [Diagnostic]
  ) {
    let (chart, diagnostics) = renderer.render(yaml: yaml, file: file, firstLine: firstLine, id: "yb-chart-t")
    return (chart?.html, diagnostics)
  }
}

@Suite struct ChartTests {
  static let specs: [(String, String)] = [
    ("column", "type: column\ndata: engineers\nx: category\ny: count\ntitle: 海外工程师人数"),
    ("bar", "type: bar\ndata: engineers\nx: category\ny: count\nsort: desc\ntitle: 海外工程师人数排名"),
    (
      "grouped",
      "type: grouped\ndata: indicators\nx: year\ny: [rd_gdp_share, high_tech_share]\ntitle: 2015年与2020年对比\nrows: ['2015', '2020']"
    ),
    ("stacked", "type: stacked\ndata: changes\nx: item\ny: [a, b]\ntitle: 各季度变化"),
    ("line", "type: line\ndata: indicators\nx: year\ny: [rd_gdp_share, high_tech_share]\ntitle: 研发投入强度"),
    ("donut", "type: donut\ndata: engineers\nx: category\ny: count\ntitle: 海外工程师构成"),
    ("kpi", "type: kpi\ndata: indicators\nx: year\ny: [rd_gdp_share, high_tech_share]\ntitle: 主要指标"),
    ("progress", "type: progress\ndata: engineers\nx: category\ny: count\ntarget: target\ntitle: 目标完成情况"),
    ("table", "type: table\ndata: engineers\nx: category\ntitle: 海外工程师数据"),
  ]

  @Test(arguments: ChartTests.specs.map(\.0))
  func everyTypeRendersToItsGoldenFile(type: String) throws {
    let spec = try #require(Self.specs.first { $0.0 == type }?.1)
    let (html, diagnostics) = ChartFixture.render(spec)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    try Golden.assertMatches(try #require(html), named: "chart-\(type).html")
  }

  @Test(arguments: ChartTests.specs.map(\.0))
  func everyChartIsAnAccessibleFigure(type: String) throws {
    let spec = try #require(Self.specs.first { $0.0 == type }?.1)
    let html = try #require(ChartFixture.render(spec).0)
    let document = try XMLDocument(xmlString: "<root>\(Self.withoutNamespace(html))</root>")
    let figure = try #require(try document.nodes(forXPath: "/root/figure").first as? XMLElement)
    #expect(try figure.nodes(forXPath: "figcaption").count == 1)
    #expect(try figure.nodes(forXPath: ".//table/thead/tr/th[@scope='col']").count >= 2)
    #expect(
      try figure.nodes(
        forXPath:
          ".//a[@href='/kjj/data/#data-\(spec.contains("indicators") ? "indicators" : spec.contains("changes") ? "changes" : "engineers")']"
      ).count == 1)
    let svgs = try figure.nodes(forXPath: ".//*[local-name()='svg']").compactMap { $0 as? XMLElement }
    #expect(svgs.isEmpty == (type == "table"))
    for svg in svgs {
      #expect(svg.attribute(forName: "role")?.stringValue == "img")
      let labelledBy = try #require(svg.attribute(forName: "aria-labelledby")?.stringValue).split(separator: " ")
      #expect(labelledBy.count == 2)
      let desc = try #require(try svg.nodes(forXPath: "*[local-name()='desc']").first?.stringValue)
      #expect(desc.hasSuffix("。"), "\(desc)")
      #expect(try svg.nodes(forXPath: "*[local-name()='title']").count == 1)
      #expect(!(svg.xmlString.contains("style=")))
    }
  }

  /// FoundationXML does not find attributes of elements in the SVG namespace.
  static func withoutNamespace(_ html: String) -> String {
    html.replacingOccurrences(of: " xmlns=\"http://www.w3.org/2000/svg\"", with: "")
  }

  @Test func descriptionSaysChangesOfSharesInPercentagePoints() throws {
    let html = try #require(
      ChartFixture.render("type: line\ndata: indicators\nx: year\ny: rd_gdp_share\ntitle: 研发经费支出占GDP比重").0)
    #expect(html.contains("<desc id=\"yb-chart-t-desc\">2015年为2.61%，2020年为3.09%，提高0.48个百分点。</desc>"))
  }

  @Test func lineChartBreaksAtGaps() throws {
    let html = try #require(
      ChartFixture.render("type: line\ndata: indicators\nx: year\ny: high_tech_share\ntitle: 占比").0)
    let path = try #require(html.firstMatch(of: /<path d="([^"]*)" class="yb-line/)?.1)
    #expect(path.filter { $0 == "M" }.count == 2)
    #expect(!path.contains("L"))
    #expect(html.contains("，2016年无数据。</desc>"))
  }

  @Test func negativeValuesHangBelowTheBaseline() throws {
    let html = try #require(ChartFixture.render("type: grouped\ndata: changes\nx: item\ny: [a, b]\ntitle: 变化").0)
    let baseline = try #require(html.firstMatch(of: /<line x1="[\d.]+" y1="([\d.]+)"[^>]*class="yb-baseline"/)?.1)
    let zero = try #require(Double(baseline))
    let marks = html[try #require(html.range(of: "yb-marks")).lowerBound...]
    let rects = marks.matches(of: /<rect x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)" class="yb-mark/)
    #expect(rects.count == 4)
    let below = rects.filter { Double($0.1)! >= zero - 0.1 }.count
    #expect(below == 2)
  }

  @Test func progressOverTargetIsShownPastTheTarget() throws {
    let html = try #require(
      ChartFixture.render(
        "type: progress\ndata: engineers\nx: category\ny: count\ntarget: target\ntitle: 完成\nrows: [引进海外工程师]"
      ).0)
    #expect(html.contains("完成目标的170.0%"))
    #expect(html.contains("完成17人 / 目标10人（170.0%）"))
    let track = try #require(html.firstMatch(of: /class="yb-progress-track"/))
    _ = track
    let widths = html.matches(of: /<rect x="8" y="[\d.]+" width="([\d.]+)" height="(?:16|10)"/).map { Double($0.1)! }
    #expect(widths.count == 2 && widths[1] > widths[0])
  }

  @Test func specErrorsAreLocatedInsideTheMarkdownFile() {
    let cases: [(String, String)] = [
      (
        "type: pie\ndata: engineers\ny: count\ntitle: t",
        "Content/2024/a.md:10:7: error: unknown chart type \"pie\"; use one of column, bar, grouped, stacked, line, donut, kpi, progress, table"
      ),
      (
        "type: bar\ndata: engineers\ny: count\ntitle: t\ncolour: red",
        "Content/2024/a.md:14:1: error: unknown key 'colour' in a chart (known keys: type, data, x, y, title, unit, source, rows, target, sort, note, id)"
      ),
      (
        "type: bar\ndata: nothing\ny: count\ntitle: t",
        "Content/2024/a.md:10:1: error: no dataset 'nothing' in Content/data/ (there are: changes, engineers, indicators)"
      ),
      (
        "type: bar\ndata: engineers\ny: counts\ntitle: t",
        "Content/2024/a.md:10:1: error: dataset 'engineers' has no column 'counts' (columns: category, count, target)"
      ),
      (
        "type: bar\ndata: engineers\ny: category\ntitle: t",
        "Content/data/engineers.yml:7:16: error: \"引进海外工程师\" is not a number, but the chart at Content/2024/a.md:10:1 plots column 'category'; write a figure such as 12.5, 3500万元 or 约1.6亿元, or — for no figure"
      ),
      ("type: bar\ndata: engineers\ny: count", "Content/2024/a.md:10:1: error: missing required key 'title'"),
      (
        "type: bar\ndata: engineers\ny: count\ntitle: t\nrows: [无此行]",
        "Content/2024/a.md:10:1: error: dataset 'engineers' has no row '无此行' in column 'category'"
      ),
      (
        "type: donut\ndata: changes\ny: a\ntitle: t",
        "Content/2024/a.md:10:1: error: a donut chart cannot show negative values; use a column or bar chart"
      ),
      (
        "type: progress\ndata: engineers\ny: count\ntitle: t",
        "Content/2024/a.md:10:1: error: a progress chart needs target: a column name or a number such as 100"
      ),
    ]
    for (yaml, expected) in cases {
      let (html, diagnostics) = ChartFixture.render(yaml)
      #expect(html == nil)
      #expect(diagnostics.map(\.description) == [expected])
    }
  }

  @Test func labelsFromDataAreEscapedEverywhere() throws {
    let payload = "<script>alert(1)</script> & \"x\""
    let evil = ChartFixture.dataset(
      "evil",
      """
      title: '\(payload)'
      source: '\(payload)'
      columns:
        - {name: k, label: '\(payload)'}
        - {name: v, label: '\(payload)', unit: 家}
      rows:
        - {k: '\(payload)', v: 3}
        - {k: b, v: 4}
      """)
    let renderer = ChartRenderer(datasets: [evil], baseURL: BaseURL())
    for type in ChartSpec.Kind.allCases {
      let target = type == .progress ? "\ntarget: 5" : ""
      let (chart, diagnostics) = renderer.render(
        yaml: "type: \(type.rawValue)\ndata: evil\nx: k\ny: v\ntitle: '\(payload)'\nnote: '\(payload)'\(target)",
        file: "a.md",
        firstLine: 1, id: "c")
      #expect(diagnostics.isEmpty)
      let html = try #require(chart?.html)
      #expect(!html.contains("<script"), "\(type)")
      #expect(!html.contains("\"x\""), "\(type)")
      #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"), "\(type)")
      _ = try XMLDocument(xmlString: "<root>\(html)</root>")
    }
  }
}
