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

@Suite struct MarkdownRendererTests {
  let links = LinkTargets(
    baseURL: BaseURL("/kjj/")!,
    pages: [
      "2024/_index.md": "2024/", "2024/platforms.md": "2024/platforms/", "2024/talent.md": "2024/talent/",
      "2016-2020/_index.md": "2016-2020/",
    ],
    files: ["assets/logo.svg"])

  func render(_ markdown: String, unsafe: Bool = false, lineOffset: Int = 5) -> RenderedMarkdown {
    MarkdownRenderer(links: links, unsafeHTML: unsafe).render(
      MarkdownSource(
        file: "Content/2024/platforms.md", contentPath: "2024/platforms.md", text: markdown, lineOffset: lineOffset))
  }

  @Test func html5DropsTheSlashOfEveryVoidElementAndNothingElse() {
    let cases: [(String, String)] = [
      ("a<br />b<hr /><img src=\"x\" alt=\"y\" />", "a<br>b<hr><img src=\"x\" alt=\"y\">"),
      ("<p>1 / 2 /> 3</p>", "<p>1 / 2> 3</p>"),
      ("", ""), (" />", ">"), ("no void elements", "no void elements"),
    ]
    for (input, expected) in cases {
      #expect(input.withCString { MarkdownRenderer.html5($0) } == expected, "\(input)")
    }
  }

  @Test func rawHTMLIsEscapedAndWarnedAbout() {
    let result = render("段落<script>alert(1)</script>结束\n\n<div onclick=\"x()\">块</div>\n")
    #expect(
      result.html
        == "<p>段落&lt;script&gt;alert(1)&lt;/script&gt;结束</p>\n<p>&lt;div onclick=&quot;x()&quot;&gt;块&lt;/div&gt;</p>\n"
    )
    #expect(
      result.diagnostics.map(\.description) == [
        "Content/2024/platforms.md:6:3: warning: raw HTML is shown as text; set unsafe_html: true in site.yml to let it through",
        "Content/2024/platforms.md:6:19: warning: raw HTML is shown as text; set unsafe_html: true in site.yml to let it through",
        "Content/2024/platforms.md:8:1: warning: raw HTML is shown as text; set unsafe_html: true in site.yml to let it through",
      ])
  }

  @Test func rawHTMLPassesWhenTheSiteOptsIn() {
    let result = render("<div class=\"note\">块</div>\n\n文字<b>粗</b>\n", unsafe: true)
    #expect(result.html == "<div class=\"note\">块</div>\n<p>文字<b>粗</b></p>\n")
    #expect(result.diagnostics.isEmpty)
  }

  @Test func scriptLinksAreRemovedKeepingTheirText() {
    let result = render(
      "[点我](javascript:alert(1)) [二](JaVaScRiPt:x) [三](data:text/html,x) ![图](data:image/png;base64,AA==)")
    #expect(result.html == "<p>点我 二 三 <img src=\"data:image/png;base64,AA==\" alt=\"图\"></p>\n")
    #expect(
      result.diagnostics.map(\.message.english) == [
        "a script link (javascript:alert(1)) was removed; only its text is shown",
        "a script link (JaVaScRiPt:x) was removed; only its text is shown",
        "a script link (data:text/html,x) was removed; only its text is shown",
      ])
  }

  /// Regression: removing a script link freed a node the renderer visited afterwards
  /// (found by the XSS corpus test as a crash inside libcmark).
  @Test func removedScriptLinkIsNotVisitedAgain() {
    let result = render("前[链接](javascript:alert(1))后 [*强调*文字](vbscript:x)尾\n\n[a](javascript:1)[b](javascript:2)")
    #expect(result.html == "<p>前链接后 <em>强调</em>文字尾</p>\n<p>ab</p>\n")
  }

  @Test func softBreakBetweenChineseCharactersDisappears() {
    #expect(render("平湖市科技局聚焦\n科创驱动攻坚行动，\n全力推动").html == "<p>平湖市科技局聚焦科创驱动攻坚行动，全力推动</p>\n")
  }

  @Test func softBreakNextToLatinTextStays() {
    #expect(render("Pinghu science\nbureau").html == "<p>Pinghu science\nbureau</p>\n")
    #expect(render("长三角G60\nScience corridor").html == "<p>长三角G60\nScience corridor</p>\n")
    #expect(render("新增“科技\n小巨人”企业").html == "<p>新增“科技小巨人”企业</p>\n")
    #expect(render("位列全省第*一*\n名").html == "<p>位列全省第<em>一</em>名</p>\n")
  }

  @Test func headingsGetStableChineseIds() {
    let result = render("## 主要成效\n\n文字\n\n## 主要成效\n\n### Next Steps: 2025!\n\n## main\n")
    #expect(
      result.html == """
        <h2 id="主要成效">主要成效</h2>
        <p>文字</p>
        <h2 id="主要成效-2">主要成效</h2>
        <h3 id="next-steps-2025">Next Steps: 2025!</h3>
        <h2 id="main-2">main</h2>

        """)
    #expect(result.headings.map(\.id) == ["主要成效", "主要成效-2", "next-steps-2025", "main-2"])
  }

  @Test func headingTextIsStillEscaped() {
    #expect(render("## A <b> & “引号”").html == "<h2 id=\"a-b-引号\">A &lt;b&gt; &amp; “引号”</h2>\n")
  }

  @Test func relativeMarkdownLinksBecomePageURLs() {
    let result = render("见[人才](talent.md#人才引育)、[报告](_index.md)、[回顾](../2016-2020/_index.md)和[图](../assets/logo.svg)。")
    #expect(
      result.html
        == "<p>见<a href=\"/kjj/2024/talent/#%E4%BA%BA%E6%89%8D%E5%BC%95%E8%82%B2\">人才</a>、<a href=\"/kjj/2024/\">报告</a>、<a href=\"/kjj/2016-2020/\">回顾</a>和<a href=\"/kjj/assets/logo.svg\">图</a>。</p>\n"
    )
    #expect(result.diagnostics.isEmpty)
  }

  @Test func externalAndRootLinks() {
    let result = render("[外链](https://example.gov.cn/a.md) [邮件](mailto:a@b.cn) [锚点](#主要成效) [根](/assets/logo.svg)")
    #expect(
      result.html
        == "<p><a href=\"https://example.gov.cn/a.md\">外链</a> <a href=\"mailto:a@b.cn\">邮件</a> <a href=\"#%E4%B8%BB%E8%A6%81%E6%88%90%E6%95%88\">锚点</a> <a href=\"/kjj/assets/logo.svg\">根</a></p>\n"
    )
  }

  @Test func linkToAMissingArticleIsALocatedError() {
    let result = render("第一行\n\n这里有一个[坏链接](missing.md)。")
    #expect(
      result.diagnostics.map(\.description) == [
        "Content/2024/platforms.md:8:6: error: link to a missing article \"missing.md\" (no file Content/2024/missing.md)"
      ])
  }

  @Test func linkOutsideContentIsAnError() {
    let result = render("[x](../../secret.md)")
    #expect(result.diagnostics.map(\.message.english) == ["link \"../../secret.md\" points outside Content/"])
  }

  @Test func firstParagraphIsPlainText() {
    #expect(render("## 标题\n\n**平湖**科技\n创新[成果](talent.md)丰硕。\n\n第二段。").firstParagraph == "平湖科技创新成果丰硕。")
  }

  @Test func summaryIsCutAtASentenceEndOrWithAnEllipsis() {
    let sentence = String(repeating: "科", count: 70) + "。"
    #expect(Summary.cut(sentence + sentence) == sentence)
    #expect(Summary.cut(String(repeating: "技", count: 200)) == String(repeating: "技", count: 120) + "……")
    #expect(Summary.cut("短摘要。") == "短摘要。")
  }

  /// Characters of more than one scalar are counted as one and never cut apart: a mark
  /// joining the 120th character stays with it (the cut reads characters, not scalars,
  /// wherever a scalar might join its neighbour).
  @Test func summaryCountsCharactersNotScalars() {
    let accented = String(repeating: "技", count: 119) + "e\u{301}" + String(repeating: "技", count: 10)
    #expect(Summary.cut(accented) == String(repeating: "技", count: 119) + "e\u{301}……")
    let toned = String(repeating: "技", count: 120) + "\u{302A}" + String(repeating: "技", count: 10)
    #expect(Summary.cut(toned) == String(repeating: "技", count: 119) + "技\u{302A}……")
    let family = String(repeating: "技", count: 118) + "👩\u{200D}👧" + String(repeating: "技", count: 10)
    #expect(Summary.cut(family) == String(repeating: "技", count: 118) + "👩\u{200D}👧技……")
  }
}
