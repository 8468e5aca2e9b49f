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

/// Links are resolved against the site index while each article's syntax tree is walked,
/// and reported where the editor wrote them; the theme's own links once per template.
@Suite struct LinkCheckTests {
  func diagnostics(replacing path: String, with text: String) async throws -> [String] {
    var files = FixtureSite.minimal
    files[path] = text
    let site = try FixtureSite(files)
    defer { site.remove() }
    return await site.failingBuild().map(\.description)
  }

  @Test func aLinkToAMissingArticleIsReportedAtItsMarkdownLineAndColumn() async throws {
    let found = try await diagnostics(
      replacing: "Content/2024/talent.md", with: "---\ntitle: 人才\ndate: 2025-01-22\n---\n引进人才。\n\n见[技能](skills.md)。\n")
    #expect(
      found == [
        "Content/2024/talent.md:7:2: error: link to a missing article \"skills.md\" (no file Content/2024/skills.md)"
      ])
  }

  @Test func aLinkToAMissingHeadingNamesTheHeadingsThereAre() async throws {
    let found = try await diagnostics(
      replacing: "Content/2024/talent.md",
      with: "---\ntitle: 人才\ndate: 2025-01-22\n---\n引进人才。\n\n## 人才引育\n\n见[平台](platforms.md#主要成绩)和[本文](#人才)。\n")
    #expect(
      found == [
        "Content/2024/talent.md:9:2: error: link to #主要成绩 in Content/2024/platforms.md, which has no heading or chart with that id (its headings are 主要成效)",
        "Content/2024/talent.md:9:26: error: link to #人才 in Content/2024/talent.md, which has no heading or chart with that id (its headings are 人才引育)",
      ])
  }

  @Test func linksToHeadingsThatExistPass() async throws {
    var files = FixtureSite.minimal
    files["Content/2024/talent.md"] =
      "---\ntitle: 人才\ndate: 2025-01-22\n---\n见[平台](platforms.md#主要成效)、[目录](#人才引育)、[正文](/2024/#main)。\n\n## 人才引育\n"
    let site = try FixtureSite(files)
    defer { site.remove() }
    let summary = try await site.build()
    #expect(summary.diagnostics.isEmpty)
    #expect(
      try site.read("2024/talent/index.html").contains(
        "<a href=\"/2024/platforms/#%E4%B8%BB%E8%A6%81%E6%88%90%E6%95%88\">平台</a>"))
  }

  @Test func aRootLinkToNothingInTheSiteIsAnError() async throws {
    let found = try await diagnostics(
      replacing: "Content/2024/talent.md",
      with: "---\ntitle: 人才\ndate: 2025-01-22\n---\n见[数据](/data/)和[旧页](/old/page/)。\n")
    #expect(
      found == [
        "Content/2024/talent.md:5:15: error: link \"/old/page/\" is not a page or file of this site; if it is a page of the host portal, add its prefix to portal_paths in site.yml (portal_paths: [/old/]), or write the full URL (https://…)"
      ])
  }

  @Test func linksUnderPortalPathsAreLeftAsWrittenAndUnchecked() async throws {
    var files = FixtureSite.minimal
    files["Content/site.yml"]! += "\nportal_paths: [/col/, /art]\n"
    files["Content/2024/talent.md"] =
      "---\ntitle: 人才\ndate: 2025-01-22\n---\n见[栏目](/col/col1229/index.html)、[文章](/art/2025/1/1/art_1229_1.html)和[数据](/data/)；[颜色](/colors/)不是。\n"
    let site = try FixtureSite(files)
    defer { site.remove() }
    let found = await site.failingBuild().map(\.description)
    #expect(
      found == [
        "Content/2024/talent.md:5:81: error: link \"/colors/\" is not a page or file of this site; if it is a page of the host portal, add its prefix to portal_paths in site.yml (portal_paths: [/colors/]), or write the full URL (https://…)"
      ])
    try site.write(
      "Content/2024/talent.md", files["Content/2024/talent.md"]!.replacingOccurrences(of: "；[颜色](/colors/)不是", with: "")
    )
    _ = try await site.build(baseURL: "/kjj/ndbg/")
    let page = try site.read("2024/talent/index.html")
    #expect(page.contains("<a href=\"/col/col1229/index.html\">栏目</a>"))
    #expect(page.contains("<a href=\"/art/2025/1/1/art_1229_1.html\">文章</a>"))
    #expect(page.contains("<a href=\"/kjj/ndbg/data/\">数据</a>"))
  }

  @Test func portalPathsMustBeRootPaths() async throws {
    let found = try await diagnostics(replacing: "Content/site.yml", with: "title: 测试\nportal_paths: [col/]\n")
    #expect(
      found.contains {
        $0.hasPrefix(
          "Content/site.yml:2:15: error: each entry of portal_paths must be a path of the host portal starting with '/'"
        )
      }, "\(found)")
  }

  @Test func contentImageWithoutDescriptionIsALocatedError() async throws {
    var files = FixtureSite.minimal
    files["Content/assets/chart.png"] = "png"
    files["Content/2024/talent.md"] = "---\ntitle: 人才\ndate: 2025-01-22\n---\n正文\n\n![](../assets/chart.png)\n"
    let site = try FixtureSite(files)
    defer { site.remove() }
    let diagnostics = await site.failingBuild()
    #expect(
      diagnostics.map(\.description) == [
        "Content/2024/talent.md:7:1: error: image has no description; write ![what it shows](path) so screen readers can say what it shows"
      ])
  }

  @Test func aBrokenLinkInATemplateIsReportedOnceAtItsLine() async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let path = "Templates/partials/site-footer.mustache"
    let footer = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
    try site.write(
      path, footer + "<p><a href=\"{{site.home_url}}about/\">关于</a> <img src=\"{{site.favicon_url}}\"></p>\n")
    let line = footer.split(separator: "\n", omittingEmptySubsequences: false).count
    let diagnostics = await site.failingBuild().map(\.description)
    #expect(
      diagnostics == [
        "\(path):\(line):7: error: link /about/ has no target in the output",
        "\(path):\(line):45: error: an image in the template has no alt text",
      ])
  }

  @Test func theDefaultSiteHasNoBrokenLinksByTheIndexOrByReadingTheOutput() async throws {
    let summary = try await SiteBuilder.check(SiteBuilder.Options(root: FixtureSite.repository))
    #expect(summary.diagnostics.isEmpty)
    #expect(summary.linkCount > 30)
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("yearbook-links-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    _ = try await SiteBuilder.build(SiteBuilder.Options(root: FixtureSite.repository, output: output))
    let fixture = try FixtureSite([:], copyTheme: false)
    defer { fixture.remove() }
    #expect(OutputLinkScan.problems(in: try fixture.snapshot(of: output)) == [])
  }
}
