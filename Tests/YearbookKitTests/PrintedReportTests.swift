import Foundation
import Testing
import YearbookKit

/// `yearbook pdf`'s reading of a printed report, and what it writes back into the print
/// page. The printing itself, by Chromium, is checked page by page in the quality gate
/// (`portal_gate.py pdf`).
@Suite struct PrintedReportTests {
  /// Four pages as `pdftotext -layout` gives them: a cover, the contents, a chapter that
  /// spills two lines onto a fourth page.
  static let text =
    [
      "     平湖市科学技术局\n\n   2024年度报告\n",
      "目录\n 平台提效：科研与产业      \n\n\n        第 2 页 / 共 4 页\n",
      "  平台提效：科研与产业平台建设\n  加快推进\n正文一\n正文二\n        第 3 页 / 共 4 页\n",
      "最后一行。\n另一行。\n        第 4 页 / 共 4 页\n",
    ].joined(separator: "\u{0C}") + "\u{0C}"

  @Test func pagesAreReadWithTheirFootersApart() {
    let pages = PrintedPages(pdfText: Self.text)
    #expect(pages.count == 4)
    #expect(pages.footers == [nil, "第 2 页 / 共 4 页", "第 3 页 / 共 4 页", "第 4 页 / 共 4 页"])
    #expect(pages.lines[3] == ["最后一行。", "另一行。"])
    #expect(pages.shortPages == [4])
  }

  @Test func chaptersAreFoundAtTheTopOfAPageAfterTheContents() {
    let pages = PrintedPages(pdfText: Self.text)
    // The contents (page 2) also name the chapter: the search starts after it.
    #expect(pages.chapterStarts(titles: ["平台提效：科研与产业平台建设加快推进", "不存在的一章"], after: 2) == [3, nil])
    #expect(
      ReportPDF.chapter(
        endingOn: 4, starts: [3], of: [PrintPageMarkup.Chapter(anchor: "chapter-platforms", title: "平台提效")])
        == "chapter-platforms")
  }

  static let page = """
    <nav class="print-toc"><ol>
    <li><a href="#chapter-a">甲 &amp; 乙</a><span class="print-toc-page" data-anchor="chapter-a"></span></li>
    <li><a href="#chapter-b">丙</a><span class="print-toc-page" data-anchor="chapter-b"></span></li>
    </ol></nav>
    <section class="print-chapter" id="chapter-a" aria-labelledby="chapter-a-title">
    <h2 id="chapter-a-title">甲 &amp; 乙</h2></section>
    <section class="print-chapter" id="chapter-b" aria-labelledby="chapter-b-title">
    <h2 id="chapter-b-title">丙</h2></section>
    """

  @Test func theContentsGetTheirNumbersAndSpilledChaptersAreSetTighter() {
    var markup = PrintPageMarkup(html: Self.page)
    #expect(
      markup.chapters == [
        PrintPageMarkup.Chapter(anchor: "chapter-a", title: "甲 & 乙"),
        PrintPageMarkup.Chapter(anchor: "chapter-b", title: "丙"),
      ])
    #expect(markup.hasContentsPageNumbers)
    markup.fillContents(pages: ["chapter-a": 3, "chapter-b": 12])
    #expect(markup.html.contains("<span class=\"print-toc-page\" data-anchor=\"chapter-a\">3</span>"))
    #expect(markup.html.contains("<span class=\"print-toc-page\" data-anchor=\"chapter-b\">12</span>"))
    markup.fillContents(pages: ["chapter-a": 4])
    #expect(markup.html.contains("data-anchor=\"chapter-a\">4</span>"))
    markup.tighten(["chapter-b"])
    #expect(markup.html.contains("<section class=\"print-chapter print-chapter-tight\" id=\"chapter-b\""))
    markup.tighten(["chapter-b"])
    #expect(markup.html.contains("<section class=\"print-chapter print-chapter-tighter\" id=\"chapter-b\""))
    #expect(markup.html.contains("<section class=\"print-chapter\" id=\"chapter-a\""))
  }

  @Test func withoutChromiumTheCommandSaysHowToInstallIt() throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    var environment = CLI.englishLocale
    environment["PATH"] = "/nonexistent"
    let result = try CLI.run(["pdf", "2024", "--root", site.root.path], in: site.root, environment: environment)
    #expect(result.status == 1)
    #expect(result.stderr == "error: Chromium is not installed; install it with: apt-get install -y chromium\n")
    environment["LC_MESSAGES"] = nil
    environment["LANG"] = "C.UTF-8"
    let chinese = try CLI.run(["pdf", "2024", "--root", site.root.path], in: site.root, environment: environment)
    #expect(chinese.stderr == "错误：没有安装 Chromium 浏览器：请运行 apt-get install -y chromium 安装\n")
  }
}
