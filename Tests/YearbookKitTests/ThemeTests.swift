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
      diagnostics.map(\.message.english) == [
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
    #expect(diagnostics.first?.message.english.hasPrefix("template syntax: ") == true)
  }

  /// Forms the compiler does not support stop the build at their place in the theme's own
  /// file, a partial's included; nothing after them goes unchecked or renders empty.
  @Test(arguments: [
    ("Templates/tags.mustache", "<ul>\n  {{=<% %>=}}\n<% name %>\n</ul>\n", 2, 3, "a set-delimiter tag"),
    (
      "Templates/partials/site-footer.mustache", "<footer>\n{{upper(site.title)}}</footer>\n", 2, 1,
      "“upper(site.title)”: functions"
    ),
  ])
  func unsupportedFormsAreLocatedErrors(file: String, text: String, line: Int, column: Int, message: String)
    async throws
  {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    try site.write(file, text)
    let diagnostics = await site.failingBuild()
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.location == SourceLocation(file: SourcePath(file), line: line, column: column))
    #expect(diagnostics.first?.message.english.hasPrefix("template syntax: \(message)") == true)
  }

  @Test func findsPartialReferencesWithTheirPositions() throws {
    let source = try TemplateSource(
      file: "Templates/page.mustache", text: "a {{>one}}\n{{< two }}{{$b}}{{>three}}{{/b}}{{/two}} {{! >no }} {{name}}")
    #expect(source.references.map(\.name) == ["one", "two", "three"])
    #expect(source.references.map(\.at.lineColumn) == ["1:3", "2:1", "2:17"])
    #expect(source.references.allSatisfy { $0.at.template == "Templates/page.mustache" })
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
