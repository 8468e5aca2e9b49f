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

/// A site too big for its readers says so: a dataset with too many rows, an article or a
/// page too large is a warning naming the size and the limit; a chart with more points
/// than anyone can see is an error suggesting aggregation. All set under `limits:`.
@Suite struct BudgetTests {
  static func site(limits: String, rows: Int, chartRows: [String] = []) throws -> FixtureSite {
    var files = FixtureSite.minimal
    files["Content/site.yml"]! += "\nlimits:\n" + limits
    files["Content/data/many.csv"] = "地区,数值（家）\n" + (1...rows).map { "地区\($0),\($0)" }.joined(separator: "\n") + "\n"
    files["Content/data/many.meta.yml"] = "title: 很多行\n"
    files["Content/2024/big.md"] =
      "---\ntitle: 长文\ndate: 2025-01-22\n---\n" + String(repeating: "平湖市科技创新工作稳步推进。\n\n", count: 60)
      + "```chart\ntype: bar\ndata: many\ny: 数值\ntitle: 各地区数量\n```\n"
    return try FixtureSite(files)
  }

  @Test func sizesPastTheirLimitsAreWarningsNamingBoth() async throws {
    let site = try Self.site(limits: "  dataset_rows: 3\n  article_kb: 1\n  page_kb: 4\n", rows: 5)
    defer { site.remove() }
    let messages = try await site.build().diagnostics.map(\.description)
    #expect(
      messages.contains(
        "Content/data/many.csv: warning: the dataset has 5 rows, over the limit of 3 (limits: dataset_rows in site.yml): its table makes the data page slow to load; aggregate it (by year, by region) or raise the limit"
      ))
    #expect(
      messages.contains(
        "Content/2024/big.md: warning: the article is 3 KiB, over the limit of 1 KiB (limits: article_kb in site.yml); split it into several articles"
      ), "\(messages)")
    #expect(
      messages.contains {
        $0.hasPrefix("Content/2024/big.md: warning: 2024/big/index.html is ")
          && $0.hasSuffix(
            " KiB, over the limit of 4 KiB for one page (limits: page_kb in site.yml); split the article or its data")
      }, "\(messages)")
    #expect(!messages.contains { $0.contains("error") })
  }

  @Test func aChartOverItsPointLimitIsAnErrorSuggestingAggregation() async throws {
    let site = try Self.site(limits: "  chart_points: 4\n", rows: 5)
    defer { site.remove() }
    #expect(
      await site.failingBuild().map(\.description) == [
        "Content/2024/big.md:126:1: error: this chart would draw 5 points (5 rows × 1 columns of dataset 'many'), over the limit of 4 (limits: chart_points in site.yml): no reader can tell them apart; aggregate the data (by year, by region), choose rows with rows:, or raise the limit"
      ])
  }

  @Test func theDefaultsAllowAYearbookAndStopAMillionPoints() async throws {
    #expect(Budgets().datasetRows == 50_000 && Budgets().chartPoints == 5_000)
    #expect(Budgets().articleKiB == 2_048 && Budgets().pageKiB == 5_120)
    let site = try Self.site(limits: "  page_kb: 5120\n", rows: 5_001)
    defer { site.remove() }
    let messages = await site.failingBuild().map(\.description)
    #expect(messages.count == 1 && messages[0].contains("would draw 5001 points"), "\(messages)")
  }

  @Test func aLimitMustBeAPositiveWholeNumberAndAnUnknownOneIsSaid() async throws {
    let site = try Self.site(limits: "  chart_points: 0\n  page_size: 10\n", rows: 2)
    defer { site.remove() }
    let messages = await site.failingBuild().map(\.description)
    #expect(messages.contains { $0.contains("error: chart_points must be a whole number of at least 1, got 0") })
    #expect(messages.contains { $0.contains("warning: unknown key 'page_size' in limits") }, "\(messages)")
  }
}
