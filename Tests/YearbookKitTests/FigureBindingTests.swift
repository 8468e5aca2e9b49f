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

@Suite struct FigureBindingTests {
  static let figures = ChartFixture.dataset(
    "figures",
    """
    title: 2024年指标
    period: "2024"
    columns:
      - {name: indicator, label: 指标}
      - {name: value, label: 数值}
      - {name: unit, label: 单位}
    rows:
      - {indicator: 新认定国家高新技术企业, value: 59, unit: 家}
      - {indicator: 科创强基重大项目完成投资, value: 41.96, unit: 亿元}
      - {indicator: 科研平台年营收, unit: 万元}
    """)

  func render(_ markdown: String, period: String? = "2024") -> RenderedMarkdown {
    let datasets = [Self.figures] + ChartFixture.datasets
    return MarkdownRenderer(
      links: LinkTargets(baseURL: BaseURL(), pages: [:], files: []),
      charts: ChartRenderer(datasets: datasets, baseURL: BaseURL()),
      consistency: FigureConsistency(datasets: datasets)
    ).render(
      MarkdownSource(file: "Content/2024/a.md", contentPath: "2024/a.md", text: markdown, lineOffset: 4, period: period)
    )
  }

  @Test func bindingRendersTheValueWithItsUnit() {
    let result = render("全年新认定国家高新技术企业{{figures:value:新认定国家高新技术企业}}，完成投资{{ figures : value : 科创强基重大项目完成投资 }}。")
    #expect(
      result.html
        == "<p>全年新认定国家高新技术企业<data class=\"yb-figure\" value=\"59\">59家</data>，完成投资<data class=\"yb-figure\" value=\"41.96\">41.96亿元</data>。</p>\n"
    )
    #expect(result.diagnostics.isEmpty)
    #expect(result.firstParagraph == "全年新认定国家高新技术企业59家，完成投资41.96亿元。")
  }

  @Test func bindingWorksAcrossUnderscoresAndWideDatasets() {
    let result = render("比重为{{indicators:rd_gdp_share:2020}}。")
    #expect(result.html == "<p>比重为<data class=\"yb-figure\" value=\"3.09\">3.09%</data>。</p>\n")
  }

  @Test func brokenBindingsAreLocatedErrors() {
    let result = render(
      "第一段。\n\n甲{{nothing:value:x}}乙{{figures:amount:新认定国家高新技术企业}}丙{{figures:value:不存在}}丁{{figures:value:科研平台年营收}}")
    #expect(
      result.diagnostics.map(\.description) == [
        "Content/2024/a.md:7:2: error: no dataset 'nothing' in Content/data/",
        "Content/2024/a.md:7:22: error: dataset 'figures' has no column 'amount' (columns: indicator, value, unit)",
        "Content/2024/a.md:7:53: error: dataset 'figures' has no row '不存在' in column 'indicator'",
        "Content/2024/a.md:7:75: error: the cell value of row '科研平台年营收' in dataset 'figures' is empty",
      ])
    #expect(result.html.contains("{{nothing:value:x}}"))
  }

  @Test func chartInAMarkdownFileIsACustomBlockEvenWhenRawHTMLIsOff() {
    let result = render(
      "段落\n\n```chart\ntype: column\ndata: engineers\nx: category\ny: count\ntitle: 人数\n```\n\n<script>x</script>\n")
    #expect(result.html.contains("<figure class=\"yb-chart yb-chart-column\""))
    #expect(result.html.contains("&lt;script&gt;x&lt;/script&gt;"))
    #expect(result.charts.count == 1)
  }

  @Test func chartErrorsInMarkdownCountLinesInTheFile() {
    let result = render("段落\n\n```chart\ntype: column\ndata: engineers\ny: count\ntitle: 人数\nlabel: x\n```\n")
    #expect(
      result.diagnostics.map(\.description) == [
        "Content/2024/a.md:12:1: error: unknown key 'label' in a chart (known keys: type, data, x, y, title, unit, source, rows, target, sort, note, id)"
      ])
  }

  @Test func contradictingNumberInASentenceIsAWarning() {
    let result = render("第一段。\n\n2024年，全市新认定国家高新技术企业62家，完成投资41.96亿元。")
    #expect(
      result.diagnostics.map(\.description) == [
        "Content/2024/a.md:7:1: warning: the sentence names “新认定国家高新技术企业” and says 62家, but dataset 'figures' gives 59家; correct one of them, or write {{figures:value:新认定国家高新技术企业}} to take the value from the data"
      ])
  }

  @Test func agreeingNumbersAndOtherPeriodsAreNotWarned() {
    #expect(render("新认定国家高新技术企业59家，科创强基重大项目完成投资41.96亿元。").diagnostics.isEmpty)
    #expect(render("2025年计划新认定国家高新技术企业30家。").diagnostics.isEmpty)
    #expect(render("新认定国家高新技术企业62家。", period: "2016-2020").diagnostics.isEmpty)
    #expect(render("新认定国家高新技术企业{{figures:value:新认定国家高新技术企业}}。").diagnostics.isEmpty)
  }
}
