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

/// `build` output works under `Content-Security-Policy: default-src 'self'`: no inline
/// script, no inline event handler, no `style` attribute anywhere, and no script at all
/// but the embed pages' own `js/yearbook-embed.js` and the search page's
/// `js/yearbook-search.js`, from the site itself (which `'self'` allows). The one exception is the 党政机关网站标识 badge script, and only when `site.yml`
/// configures it.
@Suite struct StrictCSPTests {
  /// Every tag in every HTML and SVG output file that CSP `default-src 'self'` would block.
  static func violations(in output: URL) throws -> [String] {
    var found: [String] = []
    let enumerator = try #require(FileManager.default.enumerator(atPath: output.path))
    while let path = enumerator.nextObject() as? String {
      guard path.hasSuffix(".html") || path.hasSuffix(".svg") else { continue }
      let text = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
      for tag in HTMLScanner.tags(in: text) {
        if tag.name == "script" && !tag.isOwnScript(onPage: path) { found.append("\(path):\(tag.line): <script>") }
        for name in tag.attributes.keys where name == "style" || name.hasPrefix("on") {
          found.append("\(path):\(tag.line): \(name)= on <\(tag.name)>")
        }
        if tag.name == "style" { found.append("\(path):\(tag.line): <style>") }
      }
    }
    return found
  }

  @Test(arguments: ["Content", "Tests/Fixtures/GateSite/Content", "Tests/Fixtures/WritingSite/Content"])
  func shippedSitesHaveNoScriptNoHandlerAndNoStyleAttribute(content: String) async throws {
    let site = try FixtureSite([:])
    defer { site.remove() }
    try FixtureSite.copyContents(
      of: FixtureSite.repository.appendingPathComponent(content), to: site.root.appendingPathComponent("Content"))
    let summary = try await site.build()
    #expect(summary.pageCount > 5)
    #expect(try Self.violations(in: site.output) == [])
    // Every embed page loads the embed script, a file of the site, and nothing else.
    let embeds = try FileManager.default.subpathsOfDirectory(atPath: site.output.path).filter {
      $0.hasPrefix("embed/") && $0.hasSuffix("index.html")
    }
    for page in embeds {
      let text = try String(contentsOf: site.output.appendingPathComponent(page), encoding: .utf8)
      let hasScript = HTMLScanner.tags(in: text).contains { $0.isEmbedScript }
      #expect(hasScript, "\(page)")
    }
    #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("js/yearbook-embed.js").path))
    // The search page loads the search script, a file of the site, and no other page does.
    let search = try String(contentsOf: site.output.appendingPathComponent("search/index.html"), encoding: .utf8)
    #expect(HTMLScanner.tags(in: search).filter { $0.name == "script" }.map(\.isSearchScript) == [true])
    #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("js/yearbook-search.js").path))
  }

  @Test func theBadgeScriptIsTheOneExceptionAndOnlyWhenConfigured() async throws {
    var files = FixtureSite.minimal
    files["Content/site.yml"]! +=
      "\n  conac_badge: https://dcs.conac.cn/js/33/000/0000/60000000/CA330000000600000000.js\n"
    let site = try FixtureSite(files)
    defer { site.remove() }
    _ = try await site.build()
    let page = try site.read("index.html")
    #expect(
      page.contains(
        "<p class=\"conac-badge\"><span id=\"_ideConac\"></span><script src=\"https://dcs.conac.cn/js/33/000/0000/60000000/CA330000000600000000.js\"></script></p>"
      ))
    let violations = try Self.violations(in: site.output)
    #expect(!violations.isEmpty && violations.allSatisfy { $0.hasSuffix(": <script>") })

    var wrong = FixtureSite.minimal
    wrong["Content/site.yml"]! += "\n  conac_badge: https://example.com/x.js\n"
    let bad = try FixtureSite(wrong)
    defer { bad.remove() }
    #expect(
      await bad.failingBuild().contains {
        $0.message.english.hasPrefix("conac_badge must be the script address the 党政机关网站标识 registration gives")
      })
  }
}
