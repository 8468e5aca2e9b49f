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

/// What makes the pages look like a government site's: the emblem in the header, the
/// footer's 政府网站找错 link, and article meta labelled as such pages label it.
@Suite struct OfficialLookTests {
  @Test func metaIsLabelledAndTheAuthorIsNotARepeatOfTheSource() async throws {
    var files = FixtureSite.minimal
    files["Content/2024/talent.md"] = files["Content/2024/talent.md"]!.replacingOccurrences(
      of: "weight: 2", with: "weight: 2\nbyline: 测试科技局\nsource: 测试科技局")
    let site = try FixtureSite(files)
    defer { site.remove() }
    _ = try await site.build()
    let platforms = try site.read("2024/platforms/index.html")
    #expect(
      platforms.contains(
        """
        <p class="meta">
        <span class="published">发布时间：<time datetime="2025-01-21">2025年1月21日</time></span>
        <span class="source">来源：测试科技局</span>
        <span class="byline">作者：本报记者</span>
        </p>
        """))
    let talent = try site.read("2024/talent/index.html")
    #expect(talent.contains("<span class=\"source\">来源：测试科技局</span>\n\n</p>"))
    #expect(!talent.contains("作者："))
  }

  static func title(in page: String) -> String? {
    page.firstMatch(of: /<title>([^<]*)<\/title>/).map { String($0.1) }
  }

  @Test func pagesReadAsAGovernmentSite() async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    _ = try await site.build()
    let title = { (path: String) in Self.title(in: try site.read(path)) }
    #expect(try title("2024/platforms/index.html") == "平台建设_2024年度报告_测试年报")
    #expect(try title("2024/index.html") == "2024年度报告_测试年报")
    #expect(try title("index.html") == "测试年报")
    #expect(try title("2024/print/index.html") == "全文打印版_2024年度报告_测试年报")
    for path in ["index.html", "2024/index.html", "2024/platforms/index.html", "tags/index.html", "404.html"] {
      let page = try site.read(path)
      #expect(page.contains("<ul>\n<li><a href=\"/\""), "\(path): 首页 comes first in the navigation")
      #expect(page.contains("<span class=\"breadcrumbs-label\">当前位置：</span>"), "\(path)")
    }
    #expect(
      try site.read("2024/platforms/index.html").contains(
        "<li><a href=\"/\">首页</a></li>\n<li><a href=\"/2024/\">2024年度报告</a></li>"))

    var spaced = FixtureSite.minimal
    spaced["Content/site.yml"] = "title_separator: \" - \"\n" + spaced["Content/site.yml"]!
    let other = try FixtureSite(spaced)
    defer { other.remove() }
    _ = try await other.build()
    #expect(Self.title(in: try other.read("2024/platforms/index.html")) == "平台建设 - 2024年度报告 - 测试年报")
  }

  @Test func theLogoIsShownBeforeTheSiteTitle() async throws {
    var files = FixtureSite.minimal
    files["Content/site.yml"]! += "\nlogo: assets/emblem.svg\n"
    files["Content/assets/emblem.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>"
    let site = try FixtureSite(files)
    defer { site.remove() }
    _ = try await site.build()
    #expect(
      try site.read("index.html").contains(
        "<a class=\"site-title\" href=\"/\"><img class=\"site-logo\" src=\"/assets/emblem.svg\" alt=\"\" width=\"40\" height=\"40\">测试年报</a>"
      ))
  }

  @Test func aMissingLogoOrAnErrorReportWithoutSiteCodeIsALocatedError() async throws {
    var files = FixtureSite.minimal
    files["Content/site.yml"] = """
      title: 测试年报
      logo: assets/missing.png
      footer:
        organizer: 测试科技局
        error_report: true
      """
    let site = try FixtureSite(files)
    defer { site.remove() }
    let messages = await site.failingBuild().map(\.description)
    #expect(
      messages.contains(
        "Content/site.yml:2:7: error: logo must be a file under Content/assets/, such as assets/logo.svg; there is no Content/assets/missing.png"
      ), "\(messages)")
    #expect(
      messages.contains(
        "Content/site.yml:5:17: error: error_report links to 政府网站找错 by the site's code: set site_code (网站标识码) too"
      ), "\(messages)")
  }

  @Test func theFooterLinksToTheErrorReportPageWhenConfigured() async throws {
    var files = FixtureSite.minimal
    files["Content/site.yml"] = files["Content/site.yml"]!.replacingOccurrences(
      of: "  site_code: \"3304820001\"", with: "  site_code: \"3304820001\"\n  error_report: true")
    let site = try FixtureSite(files)
    defer { site.remove() }
    _ = try await site.build()
    #expect(
      try site.read("index.html").contains(
        "<p class=\"error-report\"><a href=\"https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=3304820001\">政府网站找错</a></p>"
      ))
    let without = try FixtureSite(FixtureSite.minimal)
    defer { without.remove() }
    _ = try await without.build()
    #expect(!(try without.read("index.html").contains("政府网站找错")))
  }

  /// One entry per dataset: the charts drawn from it as links to where they are, and the
  /// whole table folded away, so the page stays short on a phone.
  @Test func theDataPageLinksToChartsAndFoldsTables() async throws {
    let site = try FixtureSite(PortalTests.files)
    defer { site.remove() }
    _ = try await site.build()
    let html = try site.read("data/index.html")
    #expect(!html.contains("<svg"))
    let derived = ChartRenderer.id(contentPath: "2024/platforms.md", index: 1)
    #expect(
      html.contains(
        """
        <ul class="chart-links">
        <li><a href="/2024/platforms/#\(derived)">平台数量</a>（平台建设）</li>
        <li><a href="/2024/platforms/#yb-chart-platform-trend">平台数量走势</a>（平台建设）</li>
        </ul>
        <details class="dataset-table">
        <summary>查看数据表（2 行）</summary>
        """))
  }
}
