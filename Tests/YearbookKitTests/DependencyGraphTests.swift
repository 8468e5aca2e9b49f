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

/// The dependency graph answers what a preview server must render again after a save.
@Suite struct DependencyGraphTests {
  static let files: [String: String] = {
    var files = FixtureSite.minimal
    files["Content/data/d.yml"] =
      "title: 数据\ncolumns:\n  - {name: year}\n  - {name: v, unit: 家}\nrows:\n  - {year: 2023, v: 1}\n  - {year: 2024, v: 2}\n"
    files["Content/2024/talent.md"] =
      "---\ntitle: 人才工作\ndate: 2025-01-22\ntags: [人才]\nweight: 2\n---\n引进人才。\n\n```chart\ntype: column\ndata: d\ny: v\ntitle: 数量\n```\n"
    return files
  }()

  func graph() async throws -> DependencyGraph {
    let site = try FixtureSite(Self.files)
    defer { site.remove() }
    return try await site.build().dependencies
  }

  @Test func editingAnArticleAffectsItsPageReportNeighboursTagsHomeFeedAndSitemap() async throws {
    let affected = try await graph().outputsAffected(byChangeTo: "Content/2024/talent.md")
    #expect(
      affected == [
        "2024/talent/index.html", "2024/index.html", "2024/platforms/index.html", "tags/人才/index.html",
        "tags/index.html", "index.html", "feed.xml", "sitemap.xml", "data/index.html", "2024/print/index.html",
        "embed/2024/index.html",
      ])
  }

  @Test func editingADatasetAffectsThePagesDrawingFromIt() async throws {
    let affected = try await graph().outputsAffected(byChangeTo: "Content/data/d.yml")
    #expect(affected == ["2024/talent/index.html", "2024/print/index.html", "data/index.html", "data/d.csv"])
  }

  @Test func editingAPartialAffectsEveryPageUsingIt() async throws {
    let graph = try await graph()
    #expect(
      graph.outputsAffected(byChangeTo: "Templates/partials/pager.mustache")
        == ["2024/platforms/index.html", "2024/talent/index.html"])
    #expect(
      graph.outputsAffected(byChangeTo: "Templates/partials/article-card.mustache")
        == [
          "index.html", "2024/index.html", "embed/2024/index.html", "tags/人才/index.html", "tags/科创平台/index.html",
          "tags/长三角/index.html",
          // The embed template lists a report's articles, and article pages render through it.
          "2024/platforms/index.html", "2024/talent/index.html",
        ])
    // Every page but the embed page, which has no site header or footer.
    #expect(graph.outputsAffected(byChangeTo: "Templates/layout.mustache").count == 12)
    // The report's embed page, and the articles' pages, rendered with their embed pages.
    #expect(
      graph.outputsAffected(byChangeTo: "Templates/embed.mustache")
        == ["embed/2024/index.html", "2024/platforms/index.html", "2024/talent/index.html"])
  }

  @Test func staticFilesAssetsAndSiteSettings() async throws {
    let graph = try await graph()
    #expect(graph.outputsAffected(byChangeTo: "Templates/static/css/yearbook.css") == ["css/yearbook.css"])
    let everything = graph.outputsAffected(byChangeTo: "Content/site.yml")
    #expect(everything.count == 22)
    #expect(graph.outputsAffected(byChangeTo: "Content/2024/_index.md") == everything)
    #expect(graph.outputsAffected(byChangeTo: "Content/2024/new-article.md") == everything)
  }
}

extension DependencyGraphTests {
  @Test func linksBetweenArticlesAreRecorded() async throws {
    let graph = try await graph()
    #expect(graph.documents(linkingTo: "2024/talent.md") == ["2024/platforms.md"])
    #expect(graph.documents(linkingTo: "2024/platforms.md") == [])
    #expect(graph.documents(linkingTo: "2024/_index.md") == [])
  }
}
