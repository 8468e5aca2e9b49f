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

/// Page contexts are typed, so a template naming a field that does not exist is found
/// before a page renders with a hole in it.
@Suite struct TemplateCheckTests {
  @Test func everyShippedTemplateNamesOnlyFieldsItsPagesHave() throws {
    let (theme, diagnostics) = ThemeLoader.load(root: FixtureSite.repository)
    #expect(diagnostics.isEmpty)
    let result = TemplateCheck.run(templates: try #require(theme).templates, pageSchemas: PageSchemas.byTemplate)
    #expect(result.diagnostics.map(\.description) == [])
    #expect(Set(result.uses.keys) == Set(Theme.pageTemplates))
    #expect(
      result.uses["article"]?.isSuperset(of: ["article", "layout", "pager", "article-meta", "breadcrumbs"]) == true)
    #expect(result.uses["home"]?.contains("pager") == false)
    #expect(result.ids["article"]?.isSuperset(of: ["main", "yb-toc"]) == true)
  }

  @Test func aMisspeltFieldIsAWarningAtItsTemplateLine() async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let path = "Templates/article.mustache"
    let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
    try site.write(path, text.replacingOccurrences(of: "<h1>{{title}}</h1>", with: "<h1>{{tittle}}</h1>"))
    let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("<h1>") }! + 1
    let summary = try await site.build()
    let warning = try #require(summary.diagnostics.first)
    #expect(summary.diagnostics.count == 1)
    #expect(
      warning.description.hasPrefix("\(path):\(line):5: warning: {{tittle}} names nothing the page gives this template")
    )
    #expect(warning.message.english.contains("title"))
  }

  @Test func aPartialIsCheckedInTheContextOfEachPageThatIncludesIt() async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    // `article` exists on article pages only; the card is also used on the home page.
    try site.write(
      "Templates/partials/article-card.mustache",
      "<li><a href=\"{{url}}\">{{title}}</a> {{article.title}} {{sumary}}</li>\n")
    let summary = try await site.build()
    #expect(
      summary.diagnostics.map(\.description).map { $0.prefix(while: { $0 != "{" }) } == [
        "Templates/partials/article-card.mustache:1:37: warning: ",
        "Templates/partials/article-card.mustache:1:55: warning: ",
      ])
  }

  @Test func sectionsEnterTheirValuesAndDottedNamesResolve() throws {
    let templates = [
      "article": try TemplateSource(
        file: "Templates/article.mustache",
        text: "{{#article}}{{#tags}}{{name}}{{/tags}}{{report.title}}{{report.nope}}{{/article}}{{site.footer.icp}}")
    ]
    let result = TemplateCheck.run(templates: templates, pageSchemas: PageSchemas.byTemplate)
    #expect(result.diagnostics.map(\.location.column) == [55])
  }
}
