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

/// Tag pages paginate and the feed keeps the newest entries, so no page grows with the site.
@Suite struct BoundedPagesTests {
  static func site(articles: Int, settings: String) throws -> FixtureSite {
    var files = FixtureSite.minimal
    files["Content/site.yml"]! += "\n" + settings
    for number in 1...articles {
      let day = String(format: "%02d", number % 28 + 1)
      files["Content/2024/n\(number).md"] =
        "---\ntitle: 第\(number)篇\ndate: 2024-03-\(day)\ntags: [人才]\n---\n第\(number)篇的正文。\n"
    }
    return try FixtureSite(files)
  }

  @Test func tagPagesHoldPaginateArticlesEachAndLinkToTheirNeighbours() async throws {
    let site = try Self.site(articles: 11, settings: "paginate: 5")
    defer { site.remove() }
    let summary = try await site.build()
    #expect(summary.diagnostics.isEmpty)
    // 12 articles carry 人才: pages of 5, 5 and 2.
    let pages = try ["tags/人才/index.html", "tags/人才/page/2/index.html", "tags/人才/page/3/index.html"].map(site.read)
    #expect(pages.map { $0.components(separatedBy: "class=\"article-card\"").count - 1 } == [5, 5, 2])
    #expect(pages[0].contains("<a href=\"/tags/%E4%BA%BA%E6%89%8D/page/2/\" rel=\"next\">下一页</a>"))
    #expect(!pages[0].contains("rel=\"prev\""))
    #expect(pages[1].contains("<a href=\"/tags/%E4%BA%BA%E6%89%8D/\" rel=\"prev\">上一页</a>"))
    #expect(pages[2].contains("第 3 页，共 3 页"))
    #expect(!pages[2].contains("rel=\"next\""))
    #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("tags/人才/page/4").path))
  }

  @Test func theFeedHoldsTheNewestEntriesWithSummariesOnly() async throws {
    let site = try Self.site(articles: 30, settings: "feed_limit: 4")
    defer { site.remove() }
    _ = try await site.build()
    let feed = try site.read("feed.xml")
    #expect(feed.components(separatedBy: "<entry>").count - 1 == 4)
    #expect(!feed.contains("<content"))
    #expect(feed.contains("<summary>第"))
    #expect(feed.contains("<updated>2025-01-22T00:00:00Z</updated>"))
  }

  @Test func paginateMustBeAPositiveNumber() async throws {
    let site = try Self.site(articles: 1, settings: "paginate: 0")
    defer { site.remove() }
    #expect(
      await site.failingBuild().map(\.description) == [
        "Content/site.yml:11:11: error: paginate must be a whole number of at least 1, got 0"
      ])
  }
}
