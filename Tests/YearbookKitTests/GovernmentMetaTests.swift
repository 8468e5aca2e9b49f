import Foundation
import Testing

@testable import YearbookBuild
@testable import YearbookCore
@testable import YearbookModel
@testable import YearbookRender

/// The page metadata government sites carry for the portal's collection system and the
/// yearly inspection, and the front-matter checks that go with it.
@Suite struct GovernmentMetaTests {
  static func metaTags(_ html: String) -> [(String, String)] {
    HTMLScanner.tags(in: html).filter { $0.name == "meta" }.compactMap { tag in
      guard let name = tag.attributes["name"], name.first?.isUppercase == true else { return nil }
      return (name, tag.attributes["content"] ?? "")
    }
  }

  @Test func articleAndEmbedPagesCarryEveryFieldAndOtherPagesTheSiteAndColumn() async throws {
    var files = FixtureSite.minimal
    files["Content/2024/platforms.md"] = """
      ---
      title: 平台“建设” <新>
      date: 2025-01-21 09:30
      byline: 本报记者
      source: 测试科技局
      tags: [科创平台, 长三角]
      summary: 摘要 & 说明。
      ---
      正文。
      """
    let site = try FixtureSite(files)
    defer { site.remove() }
    let summary = try await site.build()
    #expect(summary.diagnostics.isEmpty, "\(summary.diagnostics)")
    let expected: [(String, String)] = [
      ("SiteName", "测试年报"), ("SiteDomain", "www.example.gov.cn"), ("SiteIDCode", "3304820001"),
      ("ColumnName", "2024年度报告"), ("ColumnType", "年度报告"), ("ArticleTitle", "平台“建设” <新>"),
      ("PubDate", "2025-01-21 09:30"), ("ContentSource", "测试科技局"), ("Author", "本报记者"),
      ("Keywords", "科创平台,长三角"), ("Description", "摘要 & 说明。"),
      ("Url", "https://www.example.gov.cn/2024/platforms/"),
    ]
    for page in ["2024/platforms/index.html", "embed/2024/platforms/index.html"] {
      let html = try site.read(page)
      #expect(Self.metaTags(html).map(\.0) == expected.map(\.0), "\(page)")
      #expect(Self.metaTags(html).map(\.1) == expected.map(\.1), "\(page)")
      // Escaped where they land: the raw `<新>` and `&` never reach the markup.
      #expect(html.contains("content=\"平台“建设” &lt;新&gt;\""))
    }
    #expect(
      Self.metaTags(try site.read("index.html")).map { "\($0)=\($1)" } == [
        "SiteName=测试年报", "SiteDomain=www.example.gov.cn", "SiteIDCode=3304820001", "ColumnName=首页",
        "ColumnType=首页",
      ])
    #expect(Self.metaTags(try site.read("2024/index.html")).map(\.1).suffix(2) == ["2024年度报告", "年度报告"])
    #expect(Self.metaTags(try site.read("tags/index.html")).map(\.1).suffix(2) == ["标签", "标签"])
    #expect(Self.metaTags(try site.read("2024/print/index.html")).map(\.1).suffix(2) == ["2024年度报告", "年度报告"])
    // A fragment is pasted into the portal's own page, which has its metadata.
    #expect(!(try site.read("fragments/2024/platforms.html")).contains("<meta"))
  }

  @Test func aSiteWithoutCodeOrOriginLeavesThoseOutAndIsWarned() async throws {
    var files = FixtureSite.minimal
    files["Content/site.yml"] = "title: 测试年报\nfooter:\n  organizer: 测试科技局\n"
    let site = try FixtureSite(files)
    defer { site.remove() }
    let summary = try await site.build()
    #expect(
      summary.diagnostics.map { "\($0.location): \($0.message.id)" } == [
        "Content/site.yml: noSiteURLForFeeds", "Content/site.yml:2:1: missingSiteCode",
      ])
    let names = Self.metaTags(try site.read("2024/platforms/index.html")).map(\.0)
    #expect(!names.contains("SiteDomain") && !names.contains("SiteIDCode"))
    #expect(Self.metaTags(try site.read("2024/platforms/index.html")).last! == ("Url", "/2024/platforms/"))
  }

  @Test func requiredFieldsAndFutureDatesAreWarnedAtTheArticle() async throws {
    var files = FixtureSite.minimal
    files["Content/site.yml"]! += "\nrequire: [source, byline]\n"
    files["Content/2024/talent.md"] = "---\ntitle: 人才\ndate: 2999-01-05\n---\n正文。\n"
    let site = try FixtureSite(files)
    defer { site.remove() }
    let summary = try await site.build()
    #expect(
      summary.diagnostics.map { "\($0.location): \($0.message.english)" } == [
        "Content/2024/talent.md:1:1: source is missing: site.yml requires it of every article (require: [source])",
        "Content/2024/talent.md:1:1: byline is missing: site.yml requires it of every article (require: [byline])",
        "Content/2024/talent.md:3:7: the date 2999-01-05 has not come yet (today is \(ContentDate.today)): a published article cannot be dated in the future",
      ])
    files["Content/site.yml"]! += "\nrequire: [作者]\n"
    files["Content/site.yml"] = files["Content/site.yml"]!.replacingOccurrences(
      of: "\nrequire: [source, byline]\n", with: "")
    let wrong = try FixtureSite(files)
    defer { wrong.remove() }
    let errors = await wrong.failingBuild()
    #expect(errors.map(\.message.id) == ["unknownRequiredField"])
  }

  @Test func aPublicationTimeIsOptionalAndExact() {
    #expect(ContentDate("2025-01-05 09:30")?.publication == "2025-01-05 09:30")
    #expect(ContentDate("2025-01-05")?.publication == "2025-01-05 00:00")
    #expect(ContentDate("2025-01-05 09:30")?.description == "2025-01-05")
    for wrong in ["2025-01-05 9:30", "2025-01-05 24:00", "2025-01-05 09:60", "2025-01-05  09:30", "2025-01-05 "] {
      #expect(ContentDate(wrong) == nil, "\(wrong)")
    }
  }
}
