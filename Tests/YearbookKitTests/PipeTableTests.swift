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

/// GFM pipe tables in articles, found in the source before cmark parses it.
@Suite struct PipeTableTests {
  func render(_ markdown: String, unsafe: Bool = false) -> RenderedMarkdown {
    let links = LinkTargets(
      baseURL: BaseURL("/kjj/")!, pages: ["2024/talent.md": "2024/talent/", "2024/a.md": "2024/a/"], files: [])
    return MarkdownRenderer(links: links, unsafeHTML: unsafe).render(
      MarkdownSource(file: "Content/2024/a.md", contentPath: "2024/a.md", text: markdown, lineOffset: 4))
  }

  /// The HTML without the line breaks cmark puts around custom blocks.
  func compact(_ html: String) -> String {
    html.split(separator: "\n").joined()
  }

  @Test func alignmentRowInlineMarkdownAndEscapedPipes() {
    let result = render(
      """
      说明如下：

      | 项目 | 金额（万元） | 企业 |
      | :--- | ---: | :---: |
      | **创新券**，见[人才](talent.md) | 2,380 | 215 |
      | 加计扣除 \\| 减免 | `1,265.5` | 150 |

      后文。

      """)
    #expect(result.diagnostics.isEmpty)
    #expect(
      compact(result.html)
        == "<p>说明如下：</p>"
        + "<div class=\"yb-table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"表1：项目、金额（万元）、企业\"><table class=\"yb-table yb-md-table\">"
        + "<thead><tr><th scope=\"col\" class=\"yb-align-left\">项目</th><th scope=\"col\" class=\"yb-align-right\">金额（万元）</th><th scope=\"col\" class=\"yb-align-center\">企业</th></tr></thead>"
        + "<tbody><tr><th scope=\"row\" class=\"yb-align-left\"><strong>创新券</strong>，见<a href=\"/kjj/2024/talent/\">人才</a></th><td class=\"yb-align-right\">2,380</td><td class=\"yb-align-center\">215</td></tr>"
        + "<tr><th scope=\"row\" class=\"yb-align-left\">加计扣除 | 减免</th><td class=\"yb-align-right\"><code>1,265.5</code></td><td class=\"yb-align-center\">150</td></tr></tbody>"
        + "</table></div><p>后文。</p>")
  }

  @Test func numbersAlignRightUnlessTheEditorChose() {
    let html = compact(render("| 季度 | 企业 | 备注 |\n|---|---|---|\n| 一季度 | 48家 | 首批 |\n| 二季度 | 62 | |\n").html)
    #expect(
      html.contains("<th scope=\"col\">季度</th><th scope=\"col\" class=\"yb-num\">企业</th><th scope=\"col\">备注</th>"))
    #expect(html.contains("<tr><th scope=\"row\">一季度</th><td class=\"yb-num\">48家</td><td>首批</td></tr>"))
    #expect(html.contains("<tr><th scope=\"row\">二季度</th><td class=\"yb-num\">62</td><td></td></tr>"))
  }

  @Test func aFirstColumnOfNumbersIsNotARowHeader() {
    let html = compact(render("| 年份 | 金额 |\n|---|---|\n| 2024 | 5 |\n").html)
    #expect(html.contains("<tr><td class=\"yb-num\">2024</td><td class=\"yb-num\">5</td></tr>"))
  }

  @Test func rowsWithTheWrongNumberOfCellsAreWarnedAtTheirLineAndPadded() {
    let result = render("| 甲 | 乙 | 丙 |\n|---|---|---|\n| 1 | 2 |\n| 1 | 2 | 3 | 4 |\n")
    #expect(
      result.diagnostics.map(\.description) == [
        "Content/2024/a.md:7:1: warning: this table row has 2 cells but the header has 3; the missing cells are left empty. Add or remove a |",
        "Content/2024/a.md:8:1: warning: this table row has 4 cells but the header has 3; the cells after the 3th are left out. Add or remove a |",
      ])
    let html = compact(result.html)
    #expect(html.contains("<tr><td class=\"yb-num\">1</td><td class=\"yb-num\">2</td><td class=\"yb-num\"></td></tr>"))
    #expect(html.contains("<tr><td class=\"yb-num\">1</td><td class=\"yb-num\">2</td><td class=\"yb-num\">3</td></tr>"))
  }

  @Test func diagnosticsInsideCellsPointAtTheCell() {
    let result = render("| 项目 | 链接 |\n|---|---|\n| 甲 | [缺](missing.md) |\n")
    #expect(
      result.diagnostics.map(\.description) == [
        "Content/2024/a.md:7:7: error: link to a missing article \"missing.md\" (no file Content/2024/missing.md)"
      ])
  }

  @Test func tablesInsideCodeFencesAndIndentedCodeStayCode() {
    let fenced = render("```\n| a | b |\n|---|---|\n| 1 | 2 |\n```\n\n    | a | b |\n    |---|---|\n").html
    #expect(!fenced.contains("<table"))
    #expect(fenced.contains("<pre><code>| a | b |\n|---|---|\n| 1 | 2 |\n</code></pre>"))
  }

  @Test func aTableEndsAtABlankLineOrAnotherBlock() {
    let html = compact(render("| a | b |\n|---|---|\n| 1 | 2 |\n续行\n## 标题\n").html)
    // As in GFM, a line without a blank line before it is one more row.
    #expect(
      html.contains(
        "<tr><th scope=\"row\">续行</th><td class=\"yb-num\"></td></tr></tbody></table></div><h2 id=\"标题\">标题</h2>"))
  }

  @Test func aTableRightAfterAParagraphLineStillStartsATable() {
    let html = compact(render("下表：\n| a | b |\n|---|---|\n| 1 | 2 |\n").html)
    #expect(html.hasPrefix("<p>下表：</p><div class=\"yb-table-scroll\""))
  }

  @Test func cellsThatLookLikeBlocksStayText() {
    let html = compact(render("| 甲 | 乙 | 丙 | 丁 |\n|---|---|---|---|\n| - | # 号 | > 引 | 1. 第一 |\n").html)
    #expect(html.contains("<th scope=\"row\">-</th><td># 号</td><td>&gt; 引</td><td>1. 第一</td>"), "\(html)")
  }

  @Test func rawHTMLInCellsIsEscapedUnlessTheSiteOptsIn() {
    let escaped = render("| 甲 |\n|---|\n| <b>粗</b> |\n")
    #expect(compact(escaped.html).contains("<td>&lt;b&gt;粗&lt;/b&gt;</td>"))
    #expect(escaped.diagnostics.count == 2)
    #expect(compact(render("| 甲 |\n|---|\n| <b>粗</b> |\n", unsafe: true).html).contains("<td><b>粗</b></td>"))
  }

  @Test func emphasisNextToChinesePunctuationWorksInCells() {
    let html = compact(render("| 说明 |\n|---|\n| 全年**完成。**此后 |\n").html)
    #expect(html.contains("<td>全年<strong>完成。</strong>此后</td>"))
  }

  @Test func headingLinksInTheSameArticleResolve() {
    let result = render("## 主要指标\n\n| 甲 |\n|---|\n| [见上](#主要指标) |\n")
    #expect(result.fragmentLinks.map(\.id) == ["主要指标"])
  }
}
