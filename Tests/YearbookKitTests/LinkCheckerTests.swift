import Foundation
import Testing

@testable import YearbookKit

@Suite struct LinkCheckerTests {
  let checker = LinkChecker(baseURL: BaseURL("/kjj/")!, sources: ["a/index.html": "Content/2024/a.md"])

  func check(_ pages: [String: String], files: [String] = []) -> [String] {
    let output =
      pages.map { OutputFile(path: $0.key, content: .text($0.value)) }
      + files.map { OutputFile(path: $0, content: .copy(from: "/dev/null")) }
    return checker.check(output).diagnostics.map(\.description)
  }

  @Test func resolvesPrettyURLsFilesAndFragments() {
    let pages = [
      "index.html":
        "<a href=\"/kjj/a/\">a</a><a href=\"/kjj/a/#%E4%B8%BB%E8%A6%81\">b</a><img src=\"/kjj/x.svg\" alt=\"图\"><a href=\"https://example.gov.cn/\">c</a><a href=\"#top\">d</a><p id=\"top\">",
      "a/index.html":
        "<h2 id=\"主要\">主要</h2><a href=\"../\">up</a><a href=\"/kjj/feed.xml\">feed</a><a href=\"mailto:a@b.cn\">m</a>",
    ]
    #expect(check(pages, files: ["x.svg", "feed.xml"]).isEmpty)
  }

  @Test func reportsMissingTargetsFragmentsAndAlt() {
    let pages = [
      "index.html":
        "<a href=\"/kjj/b/\">b</a>\n<a href=\"/kjj/a/#nope\">x</a>\n<img src=\"/kjj/x.svg\">\n<a href=\"/other/\">o</a>",
      "a/index.html": "<p>正文</p>\n<a href=\"javascript:alert(1)\">j</a>",
    ]
    #expect(
      check(pages, files: ["x.svg"]) == [
        "Content/2024/a.md: error: javascript: link (a href on a/index.html, line 2)",
        "Templates: error: link /kjj/b/ has no target in the output (a href on index.html, line 1)",
        "Templates: error: link /kjj/a/#nope names #nope, which is not on a/index.html (a href on index.html, line 2)",
        "Templates: error: an image on index.html (line 3) has no alt text",
        "Templates: error: link /other/ is outside the site's base path /kjj/ (a href on index.html, line 4)",
      ])
  }

  @Test func ignoresMarkupInsideComments() {
    #expect(check(["index.html": "<!-- <a href=\"/kjj/missing/\">x</a> -->"]).isEmpty)
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

  @Test func brokenLinkInATemplateFailsTheBuild() async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let footer = try String(
      contentsOf: site.root.appendingPathComponent("Templates/partials/site-footer.mustache"), encoding: .utf8)
    try site.write("Templates/partials/site-footer.mustache", footer + "<a href=\"{{site.home_url}}about/\">关于</a>\n")
    let diagnostics = await site.failingBuild()
    #expect(diagnostics.count == 10)
    #expect(diagnostics.allSatisfy { $0.message.hasPrefix("link /about/ has no target in the output") })
  }

  @Test func theDefaultSiteHasNoBrokenLinks() async throws {
    let summary = try await SiteBuilder.render(SiteBuilder.Options(root: FixtureSite.repository))
    #expect(summary.diagnostics.isEmpty)
    #expect(summary.linkCount > 500)
  }
}
