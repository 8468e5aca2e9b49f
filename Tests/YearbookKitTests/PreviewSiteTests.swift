import Foundation
import Testing

@testable import YearbookKit

/// The in-memory site behind `yearbook serve`, without the server.
@Suite struct PreviewSiteTests {
  @Test func anArticleEditRendersExactlyThePagesTheGraphNames() async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let preview = PreviewSite(options: SiteBuilder.Options(root: site.root))
    #expect(preview.buildAll().succeeded)
    let before = (0..<1).map { _ in preview.outputCount }[0]
    let built = try await site.build()
    let expected = built.dependencies.outputsAffected(byChangeTo: "Content/2024/talent.md")

    try site.write(
      "Content/2024/talent.md",
      try String(contentsOf: site.root.appendingPathComponent("Content/2024/talent.md"), encoding: .utf8)
        .replacingOccurrences(of: "title: 人才工作", with: "title: 人才工作（修订）"))
    let rebuild = try #require(preview.rebuild(changed: ["Content/2024/talent.md"]))
    #expect(rebuild.succeeded && rebuild.incremental)
    #expect(rebuild.outputsRebuilt == expected.count)
    #expect(preview.outputCount == before)
    let page = String(decoding: try #require(preview.file(at: "2024/talent/index.html")), as: UTF8.self)
    #expect(page.contains("人才工作（修订）"))
    // Every page matches a full build of the edited site.
    _ = try await site.build()
    for path in expected {
      let full = try Data(contentsOf: site.output.appendingPathComponent(path))
      #expect(preview.file(at: path) == full, "\(path)")
    }
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
    let files: Set<String> = [
      "index.html", "2024/talent/index.html", "css/yearbook.css", "tags/人才/index.html",
    ]
    #expect(PreviewRequest.resolve(path, basePath: base, exists: { files.contains($0) }) == expected)
  }

  @Test func traversalSpellingsAreRefusedBeforeAnyLookup() {
    for path in ServeTests.traversals {
      var looked: [String] = []
      let result = PreviewRequest.resolve(
        path, basePath: "/",
        exists: {
          looked.append($0); return true
        })
      if result != .notFound {
        // Only plain paths inside the site may be looked up at all.
        #expect(!looked.contains { $0.contains("..") || $0.hasPrefix("/") || $0.contains("\\") }, "\(path)")
      }
    }
  }

  @Test func theOverlayEscapesMessages() {
    let overlay = PreviewInjection.overlay([
      .error("<script>alert(1)</script> & more", at: SourceLocation(file: "Content/2024/a.md", line: 3, column: 1))
    ])
    #expect(overlay.contains("<li>Content/2024/a.md:3:1: error: &lt;script&gt;alert(1)&lt;/script&gt; &amp; more</li>"))
    #expect(PreviewInjection.overlay([]).isEmpty)
  }
}
