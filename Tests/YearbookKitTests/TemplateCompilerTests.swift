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

/// Page templates compiled against the pages' values render what swift-mustache renders,
/// byte for byte, on every page of the default site and the fixture sites; a template that
/// names what its page does not have is an error at its tag.
@Suite struct TemplateCompilerTests {
  @Test func everyPageTemplateOfTheDefaultThemeCompiles() throws {
    let (theme, diagnostics) = ThemeLoader.load(root: FixtureSite.repository)
    #expect(diagnostics.isEmpty)
    let compiled = try CompiledTheme.compile(try #require(theme)).get()
    #expect(Set(compiled.plans.keys) == Set(Theme.pageTemplates))
  }

  /// The site at `content` built twice by the real command: with swift-mustache (the
  /// oracle, `YEARBOOK_RENDERER=swift-mustache`) and with the compiled templates.
  @Test(arguments: ["Content", "Tests/Fixtures/GateSite/Content", "Tests/Fixtures/WritingSite/Content"])
  func compiledPagesAreByteIdenticalToSwiftMustache(content: String) throws {
    let site = try FixtureSite([:])
    defer { site.remove() }
    try FixtureSite.copyContents(
      of: FixtureSite.repository.appendingPathComponent(content), to: site.root.appendingPathComponent("Content"))
    func build(_ output: String, renderer: String) throws -> [String: Data] {
      let run = try CLI.runCommand(
        "/usr/bin/env",
        [
          "YEARBOOK_RENDERER=\(renderer)", CLI.executable.path, "build", "--root", site.root.path, "--output",
          site.root.appendingPathComponent(output).path,
        ],
        in: site.root)
      #expect(run.status == 0, "\(run.stderr)")
      return try site.snapshot(of: site.root.appendingPathComponent(output))
    }
    let oracle = try build("oracle", renderer: "swift-mustache")
    let compiled = try build("compiled", renderer: "compiled")
    #expect(oracle.count > 20)
    #expect(Set(compiled.keys) == Set(oracle.keys))
    let different = oracle.keys.filter { compiled[$0] != oracle[$0] }.sorted()
    #expect(different.isEmpty, "\(different.count) files differ: \(different.prefix(5))")
  }

  static func error(_ templates: [String: String], page: String = "page") -> String? {
    do {
      _ = try TemplateCompiler(sources: templates).compile(page, frames: PageSchemas.frames["article"]!)
      return nil
    } catch {
      return error.description
    }
  }

  @Test func aNameThePageDoesNotHaveIsAnErrorAtItsTag() throws {
    let unknown = try #require(Self.error(["page": "<h1>{{#article}}\n  {{tittle}}{{/article}}</h1>"]))
    #expect(unknown.hasPrefix("page.mustache:2:3: error: no field named tittle here (ArticleContext has "))
    #expect(
      Self.error(["page": "{{article.report.nam}}"])
        == "page.mustache:1:1: error: article.report.nam: no field named nam in article")
    #expect(
      Self.error(["page": "{{article}}"])
        == "page.mustache:1:1: error: {{article}} is a group of fields, not text; use {{#article}}…{{/article}}")
    #expect(
      Self.error(["page": "x\n{{>missing}}"])
        == "page.mustache:2:1: error: no template named missing (Templates/missing.mustache or Templates/partials/missing.mustache)"
    )
    #expect(
      Self.error(["page": "{{>a}}", "a": "{{>b}}", "b": "{{#article}}{{>a}}{{/article}}"])
        == "b.mustache:1:13: error: a includes itself (a → b → a)")
  }

  /// Sections over text, flags, objects and lists, inverted sections, dotted names, a name
  /// that is nil inside passed over for the same name outside, and names the page does not
  /// have, rendered as swift-mustache renders them.
  @Test func sectionsAndNamesRenderAsMustacheDoes() async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    try site.write(
      "Templates/article.mustache",
      """
      {{#article}}<h1>{{title}}</h1>{{tittle}}{{#nothing}}x{{/nothing}}{{^nothing}}y{{/nothing}}{{report.nam}}{{#summary}}<p>{{.}}</p>{{/summary}}{{^has_toc}}<i>no toc</i>{{/has_toc}}\
      {{#tags}}[{{name}}]{{/tags}}{{report.title}}|{{#embed}}{{page_url}}{{/embed}}{{/article}}|{{site.title}}

      """)
    let theme = try #require(ThemeLoader.load(root: site.root).0)
    #expect((try? CompiledTheme.compile(theme).get())?.plans["article"] != nil, "the compiled path renders it")
    let compiled = try await site.build()
    #expect(compiled.diagnostics.filter { $0.severity == .error }.isEmpty)
    let page = try site.read("2024/platforms/index.html")
    let run = try CLI.runCommand(
      "/usr/bin/env",
      [
        "YEARBOOK_RENDERER=swift-mustache", CLI.executable.path, "build", "--root", site.root.path, "--output",
        site.root.appendingPathComponent("oracle").path,
      ],
      in: site.root)
    #expect(run.status == 0, "\(run.stderr)")
    let oracle = try String(
      contentsOf: site.root.appendingPathComponent("oracle/2024/platforms/index.html"), encoding: .utf8)
    #expect(page == oracle)
    // Names the page lacks render empty, as in swift-mustache (and each has a warning).
    #expect(page.hasPrefix("<h1>平台建设</h1>y"))
    #expect(compiled.diagnostics.filter { $0.message.english.contains("tittle") }.count == 1)
    #expect(page.contains("<i>no toc</i>"))
  }
}
