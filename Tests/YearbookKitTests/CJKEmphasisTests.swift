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

/// Bold and italics next to Chinese punctuation, as editors write them. Each case is the
/// Markdown of one paragraph and the HTML inside its `<p>`.
@Suite struct CJKEmphasisTests {
  static let cases: [(String, String)] = [
    // Punctuation inside the markers, text after: the commonest pattern.
    ("全年**各项目标全部完成。**这标志着", "全年<strong>各项目标全部完成。</strong>这标志着"),
    ("兑现资金2.3亿元，**同比增长18%。**其中", "兑现资金2.3亿元，<strong>同比增长18%。</strong>其中"),
    ("这是**我想做的事。**所以继续。", "这是<strong>我想做的事。</strong>所以继续。"),
    // Quotes and brackets just inside the markers.
    ("实施**“科技强县”**战略", "实施<strong>“科技强县”</strong>战略"),
    ("推行**「揭榜挂帅」**机制", "推行<strong>「揭榜挂帅」</strong>机制"),
    ("出台**《若干政策》**并兑现", "出台<strong>《若干政策》</strong>并兑现"),
    ("新增*（省级）*研发中心", "新增<em>（省级）</em>研发中心"),
    // Italics and both together.
    ("完成*阶段目标。*下一步", "完成<em>阶段目标。</em>下一步"),
    ("全年***超额完成。***继续", "全年<em><strong>超额完成。</strong></em>继续"),
    // Punctuation outside the markers: CommonMark already handles these; they stay as cmark makes them.
    ("全年**各项目标全部完成**。这标志着", "全年<strong>各项目标全部完成</strong>。这标志着"),
    ("其中，**研发投入**占比提高", "其中，<strong>研发投入</strong>占比提高"),
    // A link or code inside.
    ("详见**[指标表](talent.md)。**以下", "详见<strong><a href=\"/kjj/2024/talent/\">指标表</a>。</strong>以下"),
    ("运行**`yearbook build`命令。**然后", "运行<strong><code>yearbook build</code>命令。</strong>然后"),
    // Nesting: italics inside bold, bold inside a link.
    ("**重点*“三大平台”*建设。**成效", "<strong>重点<em>“三大平台”</em>建设。</strong>成效"),
    ("见[**说明。**全文](talent.md)", "见<a href=\"/kjj/2024/talent/\"><strong>说明。</strong>全文</a>"),
    // Two in one paragraph.
    (
      "**第一，完成。**然后**第二，推进。**最后",
      "<strong>第一，完成。</strong>然后<strong>第二，推进。</strong>最后"
    ),
    // Followed by a digit or Latin letter.
    ("目标**全部完成。**2025年", "目标<strong>全部完成。</strong>2025年"),
    // Across a soft line break inside the emphasis.
    ("全年**各项目标\n全部完成。**这标志着", "全年<strong>各项目标全部完成。</strong>这标志着"),
    // cmark pairs the wrong runs across the line end; the paragraph is worked out again.
    ("又**完成。**这\n懒**行。**吧", "又<strong>完成。</strong>这懒<strong>行。</strong>吧"),
    // Quotes next to Latin text keep CommonMark's rule.
    ("He said **“yes”**twice", "He said **“yes”**twice"),
    // Genuinely unmatched asterisks stay text.
    ("注意：**本表为初步统计。", "注意：**本表为初步统计。"),
    ("5*3=15，而不是**16。", "5*3=15，而不是**16。"),
    ("评分为 * 号：* 一般", "评分为 * 号：* 一般"),
    // Escaped asterisks are text, however they sit.
    ("全年\\*\\*完成。\\*\\*这", "全年**完成。**这"),
    ("全年**完成。\\**这", "全年**完成。**这"),
    // Different lengths do not pair as bold.
    ("全年**完成。*这", "全年**完成。*这"),
    // Underscores inside words stay.
    ("文件名为report_2025_final。_说明", "文件名为report_2025_final。_说明"),
  ]

  @Test(arguments: cases)
  func emphasisNextToChinesePunctuation(markdown: String, html: String) {
    let renderer = MarkdownRenderer(
      links: LinkTargets(baseURL: BaseURL("/kjj/")!, pages: ["2024/talent.md": "2024/talent/"], files: []))
    let result = renderer.render(
      MarkdownSource(file: "Content/2024/a.md", contentPath: "2024/a.md", text: markdown + "\n", lineOffset: 0))
    #expect(result.html == "<p>\(html)</p>\n")
  }

  @Test func headingsAndBlockQuotesToo() {
    let renderer = MarkdownRenderer(links: LinkTargets(baseURL: BaseURL("/")!, pages: [:], files: []))
    let result = renderer.render(
      MarkdownSource(
        file: "Content/2024/a.md", contentPath: "2024/a.md",
        text: "## 一、**总体完成。**情况\n\n> 引文**重点。**在此\n> 下一行**也是。**如此\n", lineOffset: 0))
    #expect(
      result.html
        == "<h2 id=\"一总体完成情况\">一、<strong>总体完成。</strong>情况</h2>\n<blockquote>\n<p>引文<strong>重点。</strong>在此下一行<strong>也是。</strong>如此</p>\n</blockquote>\n"
    )
  }
}
