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

@Suite struct SiteBuildTests {
  @Test func buildsEveryPageOfASmallSite() async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let summary = try await site.build()
    #expect(summary.diagnostics.isEmpty)
    #expect(summary.pageCount == 13)
    let files = try site.snapshot().keys.sorted()
    #expect(
      files == [
        "2024/index.html", "2024/platforms/index.html", "2024/print/index.html", "2024/talent/index.html", "404.html",
        "css/yearbook.css", "data/index.html", "embed/2024/index.html", "embed/2024/platforms/index.html",
        "embed/2024/talent/index.html", "favicon.svg", "feed.xml", "fragments/2024/platforms.html",
        "fragments/2024/platforms.inline.html", "fragments/2024/talent.html", "fragments/2024/talent.inline.html",
        "fragments/yearbook-fragment.css", "index.html", "js/yearbook-embed-host.js", "js/yearbook-embed.js",
        "js/yearbook-search.js", "search/docs/0.json", "search/docs/1.json", "search/index.html",
      ] + (0..<16).map { "search/index/\($0).bin" }.sorted() + [
        "search/index/manifest.json", "sitemap.xml", "tags/index.html", "tags/人才/index.html",
        "tags/科创平台/index.html", "tags/长三角/index.html",
      ])
  }

  @Test func rendersTheFixtureSiteToTheGoldenFiles() async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    _ = try await site.build()
    for page in [
      "index.html", "2024/index.html", "2024/platforms/index.html", "tags/科创平台/index.html", "feed.xml", "sitemap.xml",
    ] {
      try Golden.assertMatches(try site.read(page), named: page)
    }
  }

  @Test func articleOrderFollowsWeightAndPagerLinksNeighbours() async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    _ = try await site.build()
    let report = try site.read("2024/index.html")
    let platforms = try #require(report.range(of: "平台建设</a>"))
    let talent = try #require(report.range(of: "人才工作</a>"))
    #expect(platforms.lowerBound < talent.lowerBound)
    let page = try site.read("2024/talent/index.html")
    #expect(page.contains("<a href=\"/2024/platforms/\" rel=\"prev\">"))
    #expect(!page.contains("rel=\"next\""))
  }

  @Test func basePathPrefixesEveryInternalLink() async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    _ = try await site.build(baseURL: "https://www.example.gov.cn/kjj/ndbg")
    for (path, data) in try site.snapshot() where path.hasSuffix(".html") {
      let html = String(decoding: data, as: UTF8.self)
      for url in Self.attributes(["href", "src"], in: html) where !url.hasPrefix("#") {
        let external = url.hasPrefix("https://beian.") || url.hasPrefix("https://www.example.gov.cn/kjj/ndbg/")
        #expect(url.hasPrefix("/kjj/ndbg/") || external, "\(path) links to \(url)")
      }
    }
    let sitemap = try site.read("sitemap.xml")
    #expect(sitemap.contains("<loc>https://www.example.gov.cn/kjj/ndbg/2024/platforms/</loc>"))
    let feed = try site.read("feed.xml")
    #expect(feed.contains("<id>tag:www.example.gov.cn,2025-01-22:/kjj/ndbg/2024/talent/</id>"))
    #expect(
      feed.contains(
        "<link rel=\"alternate\" type=\"text/html\" href=\"https://www.example.gov.cn/kjj/ndbg/2024/talent/\"/>"))
  }

  @Test func siteURLMakesTheSitemapAndFeedAbsoluteForAPathBase() async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    _ = try await site.build(baseURL: "/kjj/ndbg/")
    #expect(try site.read("sitemap.xml").contains("<loc>https://www.example.gov.cn/kjj/ndbg/2024/platforms/</loc>"))
    let feed = try site.read("feed.xml")
    #expect(feed.contains("<id>tag:www.example.gov.cn,2025-01-20:/kjj/ndbg/</id>"))
    #expect(feed.contains("href=\"https://www.example.gov.cn/kjj/ndbg/feed.xml\""))
    #expect(
      try site.read("index.html").contains("<link rel=\"canonical\" href=\"https://www.example.gov.cn/kjj/ndbg/\">"))
  }

  @Test func withoutAnOriginThereIsNoSitemapOrFeedAndOneWarning() async throws {
    var files = FixtureSite.minimal
    files["Content/site.yml"] = files["Content/site.yml"]!.replacingOccurrences(
      of: "site_url: https://www.example.gov.cn\n", with: "")
    let site = try FixtureSite(files)
    defer { site.remove() }
    let summary = try await site.build()
    #expect(
      summary.diagnostics.map(\.description) == [
        "Content/site.yml: warning: sitemap.xml and feed.xml are not written: both need absolute URLs; set site_url to the site's origin, such as https://www.pinghu.gov.cn"
      ])
    #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("feed.xml").path))
    #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("sitemap.xml").path))
    let home = try site.read("index.html")
    #expect(!home.contains("feed.xml") && !home.contains("订阅更新"))
  }

  @Test func siteURLMustBeAnOrigin() async throws {
    var files = FixtureSite.minimal
    files["Content/site.yml"] = files["Content/site.yml"]!.replacingOccurrences(
      of: "site_url: https://www.example.gov.cn", with: "site_url: https://www.example.gov.cn/kjj/")
    let site = try FixtureSite(files)
    defer { site.remove() }
    #expect(
      await site.failingBuild().map(\.description).contains(
        "Content/site.yml:2:11: error: site_url must be the site's origin, such as https://www.pinghu.gov.cn (no path: the path goes in base_url), got \"https://www.example.gov.cn/kjj/\""
      ))
  }

  @Test func twoBuildsGiveIdenticalBytes() async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    _ = try await site.build()
    let first = try site.snapshot()
    _ = try await site.build()
    #expect(try site.snapshot() == first)
  }

  @Test func theDefaultSiteBuildsTheSameBytesTwice() async throws {
    let root = FixtureSite.repository
    let a = FileManager.default.temporaryDirectory.appendingPathComponent("yearbook-det-\(UUID().uuidString)")
    let b = FileManager.default.temporaryDirectory.appendingPathComponent("yearbook-det-\(UUID().uuidString)")
    defer {
      try? FileManager.default.removeItem(at: a)
      try? FileManager.default.removeItem(at: b)
    }
    let summary = try await SiteBuilder.build(SiteBuilder.Options(root: root, output: a))
    _ = try await SiteBuilder.build(SiteBuilder.Options(root: root, output: b))
    #expect(summary.diagnostics.isEmpty, "\(summary.diagnostics)")
    #expect(summary.pageCount >= 20)
    let fixture = try FixtureSite([:], copyTheme: false)
    defer { fixture.remove() }
    let first = try fixture.snapshot(of: a)
    #expect(!first.isEmpty)
    #expect(try fixture.snapshot(of: b) == first)
  }

  @Test func failedBuildLeavesThePreviousOutputUntouched() async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    _ = try await site.build()
    let before = try site.snapshot()
    try site.write("Content/2024/talent.md", "---\ntitle: 人才\ndate: 2025/1/22\n---\n正文\n")
    let diagnostics = await site.failingBuild()
    #expect(
      diagnostics.map(\.description) == [
        "Content/2024/talent.md:3:7: error: date must be YYYY-MM-DD, got \"2025/1/22\"; write 2025-01-22"
      ])
    #expect(try site.snapshot() == before)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter {
      $0.hasPrefix(".Output") && $0 != ".Output.lock"
    }
    #expect(leftovers.isEmpty)
  }

  @Test func successfulRebuildRemovesFilesOfDeletedArticles() async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    _ = try await site.build()
    try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/2024/talent.md"))
    try site.write("Content/2024/platforms.md", "---\ntitle: 平台\ndate: 2025-01-21\n---\n正文\n")
    _ = try await site.build()
    #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("2024/talent/index.html").path))
  }

  @Test func draftsAreLeftOutUnlessAskedFor() async throws {
    var files = FixtureSite.minimal
    files["Content/2024/secret.md"] = "---\ntitle: 草稿\ndate: 2025-01-23\ndraft: true\n---\n草稿正文\n"
    let site = try FixtureSite(files)
    defer { site.remove() }
    _ = try await site.build()
    #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("2024/secret/index.html").path))
    _ = try await SiteBuilder.build(SiteBuilder.Options(root: site.root, includeDrafts: true))
    #expect(try site.read("2024/secret/index.html").contains("草稿正文"))
  }

  /// Both files are named, each where its slug comes from: the `slug:` line, or the file.
  @Test func twoArticlesClaimingOneSlugIsAnError() async throws {
    var files = FixtureSite.minimal
    files["Content/2024/talent.md"] = "---\ntitle: 人才\ndate: 2025-01-22\nslug: platforms\n---\n正文\n"
    let site = try FixtureSite(files)
    defer { site.remove() }
    let diagnostics = await site.failingBuild()
    #expect(
      diagnostics.map(\.description) == [
        "Content/2024/platforms.md: error: slug 'platforms' is also used by Content/2024/talent.md:4:1; both would be written to /2024/platforms/",
        "Content/2024/talent.md:4:1: error: slug 'platforms' is already used by Content/2024/platforms.md; both would be written to /2024/platforms/",
      ])
  }

  @Test func assetsAreCopiedAndTheirClashesAreErrors() async throws {
    var files = FixtureSite.minimal
    files["Content/assets/logo.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
    let site = try FixtureSite(files)
    defer { site.remove() }
    _ = try await site.build()
    #expect(try site.read("assets/logo.svg") == "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
  }

  @Test func outputFolderThatWouldDestroyTheProjectIsRefused() async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    for output in [
      site.root, site.root.appendingPathComponent("Content"), URL(fileURLWithPath: "/"),
      site.root.appendingPathComponent("Content/site.yml"),
    ] {
      await #expect(throws: BuildFailure.self) {
        _ = try await SiteBuilder.build(SiteBuilder.Options(root: site.root, output: output))
      }
    }
    #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Content/site.yml").path))
  }

  static func attributes(_ names: [String], in html: String) -> [String] {
    var values: [String] = []
    for name in names {
      var rest = html[...]
      while let range = rest.range(of: " \(name)=\"") {
        let value = rest[range.upperBound...].prefix { $0 != "\"" }
        values.append(String(value))
        rest = rest[range.upperBound...]
      }
    }
    return values
  }
}

extension SiteBuildTests {
  @Test func eachStepOfTheBuildRunsAlone() throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let loaded = try SiteBuilder.load(SiteBuilder.Options(root: site.root))
    #expect(loaded.site.articles.map(\.slug) == ["platforms", "talent"])
    let indexed = try SiteBuilder.makeIndex(loaded)
    #expect(indexed.index.pages.filter { $0.template != nil }.count == 13)
    #expect(indexed.index.page(ofDocument: "2024/talent.md")?.outputPath == "2024/talent/index.html")
    let documents = try SiteBuilder.renderMarkdown(indexed, producesHTML: false)
    #expect(documents.facts["2024/platforms.md"]?.headings.map(\.id) == ["主要成效"])
    #expect(documents.facts["2024/talent.md"]?.summary == "引进人才100人。")
    let summary = try SiteBuilder.check(indexed, theme: loaded.theme, documents: documents)
    #expect(summary.diagnostics.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: site.output.path), "no step before write touches the output")
  }
}
