import Foundation
import Testing

@testable import YearbookKit

@Suite struct ThemeTests {
  @Test func missingPartialFailsTheBuildNamingTheTemplate() async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    try site.write(
      "Templates/tag.mustache", "{{<layout}}{{$main}}\n<h1>{{tag.name}}</h1>\n  {{> tag-list }}\n{{/main}}{{/layout}}\n"
    )
    let diagnostics = await site.failingBuild()
    #expect(
      diagnostics.map(\.description) == [
        "Templates/tag.mustache:3:3: error: template refers to a missing partial 'tag-list' (no file Templates/tag-list.mustache or Templates/partials/tag-list.mustache)"
      ])
  }

  @Test func missingLayoutNamedInInheritanceIsAnError() async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    try site.write("Templates/tags.mustache", "{{<page-layout}}{{/page-layout}}")
    let diagnostics = await site.failingBuild()
    #expect(
      diagnostics.map(\.message) == [
        "template refers to a missing partial 'page-layout' (no file Templates/page-layout.mustache or Templates/partials/page-layout.mustache)"
      ])
  }

  @Test func missingPageTemplateIsAnError() async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    try FileManager.default.removeItem(at: site.root.appendingPathComponent("Templates/tags.mustache"))
    let diagnostics = await site.failingBuild()
    #expect(diagnostics.map(\.description) == ["Templates: error: missing page template tags.mustache"])
  }

  @Test func templateSyntaxErrorIsLocated() async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    try site.write("Templates/tags.mustache", "<ul>\n{{#tags}}\n<li>{{name}}</li>\n{{/tag}}\n</ul>\n")
    let diagnostics = await site.failingBuild()
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.location.file == "Templates/tags.mustache")
    #expect(diagnostics.first?.location.line == 4)
    #expect(diagnostics.first?.message.hasPrefix("template syntax: ") == true)
  }

  @Test func findsPartialReferencesWithTheirPositions() {
    #expect(
      PartialReferences.find(in: "a {{>one}}\n{{< two }} {{! >no }} {{name}} {{{>x}}}") == [
        .init(name: "one", line: 1, column: 3), .init(name: "two", line: 2, column: 1),
      ])
  }

  @Test func everyValueFromContentIsEscapedInPages() async throws {
    var files = FixtureSite.minimal
    files["Content/site.yml"] = "title: '<script>alert(1)</script>'\ndescription: '\" onmouseover=\"x'\n"
    files["Content/2024/talent.md"] = """
      ---
      title: '<img src=x onerror=alert(1)>'
      date: 2025-01-22
      byline: '<b>记者</b>'
      tags: ['<i>标签</i>', '" onclick="y']
      ---
      正文
      """
    let site = try FixtureSite(files)
    defer { site.remove() }
    _ = try await site.build()
    for (path, data) in try site.snapshot() where path.hasSuffix(".html") || path.hasSuffix(".xml") {
      let text = String(decoding: data, as: UTF8.self)
      #expect(!text.contains("<script>alert"), "\(path)")
      #expect(!text.contains("<img src=x"), "\(path)")
      #expect(!text.contains("<b>记者"), "\(path)")
      #expect(!text.contains("<i>标签"), "\(path)")
      #expect(!text.contains("\" onmouseover=\"x"), "\(path)")
      #expect(!text.contains("\" onclick=\"y"), "\(path)")
    }
    #expect(try site.read("2024/talent/index.html").contains("<h1>&lt;img src=x onerror=alert(1)&gt;</h1>"))
  }
}
