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

/// The in-memory site behind `yearbook serve`, without the server.
@Suite struct PreviewSiteTests {
  /// After each kind of edit, every file the preview holds equals what a full build of the
  /// edited site writes: rendering fewer pages never leaves one stale. A text edit renders
  /// the article's page, embed page, two fragments and its report's print page.
  @Test(arguments: [
    ("text", "详见", "另见", 5),
    ("title", "title: 人才工作", "title: 人才工作（修订）", 0),
    ("date", "date: 2025-01-22", "date: 2025-01-25", 0),
    ("tags", "tags: [人才]", "tags: [人才, 新标签]", 0),
    ("untag", "tags: [人才]", "tags: []", 0),
  ])
  func anArticleEditMatchesAFullBuild(kind: String, from: String, to: String, pages: Int) async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let file = kind == "text" ? "Content/2024/platforms.md" : "Content/2024/talent.md"
    let preview = PreviewSite(options: SiteBuilder.Options(root: site.root))
    #expect(preview.buildAll().succeeded)
    let url = site.root.appendingPathComponent(file)
    let text = try String(contentsOf: url, encoding: .utf8)
    #expect(text.contains(from))
    try site.write(file, text.replacingOccurrences(of: from, with: to))
    let rebuild = try #require(preview.rebuild(changed: [SourcePath(file)]))
    #expect(rebuild.succeeded && rebuild.incremental, "\(rebuild.diagnostics)")
    if pages > 0 { #expect(rebuild.outputsRebuilt == pages) }
    _ = try await site.build()
    let full = try site.snapshot()
    for (path, data) in full { #expect(preview.file(at: OutputPath(path)) == data, "\(kind): \(path)") }
    #expect(full.count == preview.outputCount)
  }

  /// A failure is remembered: an article saved after `site.yml` broke still shows the
  /// site.yml error (the build fails), and mending site.yml rebuilds both.
  @Test func aSaveAfterAFailedRebuildKeepsItsErrorsUntilMended() async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let preview = PreviewSite(options: SiteBuilder.Options(root: site.root))
    #expect(preview.buildAll().succeeded)
    let config = try String(contentsOf: site.root.appendingPathComponent("Content/site.yml"), encoding: .utf8)
    try site.write("Content/site.yml", config.replacingOccurrences(of: "title: 测试年报", with: "title: [测试年报"))
    #expect(preview.rebuild(changed: ["Content/site.yml"])?.succeeded == false)
    let article = try String(contentsOf: site.root.appendingPathComponent("Content/2024/talent.md"), encoding: .utf8)
    try site.write("Content/2024/talent.md", article.replacingOccurrences(of: "引进人才100人。", with: "引进人才120人。"))
    let afterArticle = try #require(preview.rebuild(changed: ["Content/2024/talent.md"]))
    #expect(!afterArticle.succeeded && !afterArticle.incremental)
    #expect(preview.errors.map(\.location.file) == ["Content/site.yml"])
    try site.write("Content/site.yml", config)
    #expect(preview.rebuild(changed: ["Content/site.yml"])?.succeeded == true)
    #expect(preview.errors.isEmpty)
    _ = try await site.build()
    let full = try site.snapshot()
    #expect(preview.outputPaths == Set(full.keys.map(OutputPath.init)))
    #expect(full.keys.allSatisfy { preview.file(at: OutputPath($0)) == full[$0] })
    #expect(String(decoding: try #require(preview.file(at: "2024/talent/index.html")), as: UTF8.self).contains("120人"))
  }

  @Test(arguments: [
    ("127.0.0.1", true), ("127.0.0.1:8000", true), ("localhost:8000", true), ("LocalHost", true), ("[::1]:8000", true),
    ("[::1]", true), ("evil.example", false), ("evil.example:8000", false), ("127.0.0.1.evil.example", false),
    ("localhost:http", false), ("[::1]x", false), ("", false), ("127.0.0.2:8000", false),
  ])
  func onlyThisComputersNamesReachThePreview(host: String, allowed: Bool) {
    #expect(PreviewRequest.allowsHost(host, listeningOn: "127.0.0.1") == allowed)
  }

  @Test func theHostServeWasToldToListenOnIsAllowedToo() {
    #expect(PreviewRequest.allowsHost("192.0.2.7:8000", listeningOn: "192.0.2.7"))
    #expect(PreviewRequest.allowsHost("[fe80::1]:8000", listeningOn: "fe80::1"))
    #expect(!PreviewRequest.allowsHost(nil, listeningOn: "127.0.0.1"))
  }

  @Test func twoArticlesSavedTogetherMatchAFullBuild() async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let preview = PreviewSite(options: SiteBuilder.Options(root: site.root))
    #expect(preview.buildAll().succeeded)
    for (file, from, to) in [
      ("Content/2024/platforms.md", "详见", "另见"), ("Content/2024/talent.md", "title: 人才工作", "title: 人才工作（二）"),
    ] {
      let text = try String(contentsOf: site.root.appendingPathComponent(file), encoding: .utf8)
      try site.write(file, text.replacingOccurrences(of: from, with: to))
    }
    let rebuild = try #require(preview.rebuild(changed: ["Content/2024/platforms.md", "Content/2024/talent.md"]))
    #expect(rebuild.succeeded && rebuild.incremental)
    _ = try await site.build()
    for (path, data) in try site.snapshot() { #expect(preview.file(at: OutputPath(path)) == data, "\(path)") }
  }

  @Test func aTemplateEditRebuildsEverythingAndAFailureKeepsTheLastGoodSite() throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let preview = PreviewSite(options: SiteBuilder.Options(root: site.root))
    preview.buildAll()
    let home = preview.file(at: "index.html")
    try site.write("Templates/partials/pager.mustache", "{{#broken}\n")
    let failed = try #require(preview.rebuild(changed: ["Templates/partials/pager.mustache"]))
    #expect(!failed.succeeded)
    #expect(preview.errors.map(\.location.file) == ["Templates/partials/pager.mustache"])
    #expect(preview.file(at: "index.html") == home)
    // A temporary file that came and went changes nothing.
    #expect(preview.rebuild(changed: ["Content/2024/.talent.md.swp", "Content/2024/sed1234"]) == nil)
  }

  @Test(arguments: [
    ("/", "/", PreviewRequest.file("index.html")),
    ("/2024/talent/", "/", .file("2024/talent/index.html")),
    ("/2024/talent", "/", .redirect("/2024/talent/")),
    ("/", "/kjj/ndbg/", .redirect("/kjj/ndbg/")),
    ("/kjj/ndbg", "/kjj/ndbg/", .redirect("/kjj/ndbg/")),
    ("/kjj/ndbg/css/yearbook.css", "/kjj/ndbg/", .file("css/yearbook.css")),
    ("/css/yearbook.css", "/kjj/ndbg/", .notFound),
    ("/tags/%E4%BA%BA%E6%89%8D/", "/", .file("tags/人才/index.html")),
  ])
  func requestPathsNameOutputFiles(path: String, base: String, expected: PreviewRequest) {
    let files: Set<OutputPath> = [
      "index.html", "2024/talent/index.html", "css/yearbook.css", "tags/人才/index.html",
    ]
    #expect(PreviewRequest.resolve(path, basePath: base, exists: { files.contains($0) }) == expected)
  }

  @Test func traversalSpellingsAreRefusedBeforeAnyLookup() {
    for path in ServeTests.traversals {
      var looked: [OutputPath] = []
      let result = PreviewRequest.resolve(
        path, basePath: "/",
        exists: {
          looked.append($0); return true
        })
      if result != .notFound {
        // Only plain paths inside the site may be looked up at all.
        #expect(
          !looked.map(\.value).contains { $0.contains("..") || $0.hasPrefix("/") || $0.contains("\\") }, "\(path)")
      }
    }
  }

  @Test func theOverlayEscapesMessages() {
    let errors: [Diagnostic] = [
      .error(
        .named("<script>alert(1)</script> & more"), at: SourceLocation(file: "Content/2024/a.md", line: 3, column: 1))
    ]
    let overlay = PreviewInjection.overlay(errors, language: .english)
    #expect(overlay.contains("<li>Content/2024/a.md:3:1: error: &lt;script&gt;alert(1)&lt;/script&gt; &amp; more</li>"))
    let chinese = PreviewInjection.overlay(errors, language: .chinese)
    #expect(chinese.contains("<li>Content/2024/a.md:3:1: 错误：&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</li>"))
    #expect(chinese.contains("生成失败：下面是出错的位置"))
    #expect(PreviewInjection.overlay([], language: .chinese).isEmpty)
  }
}
