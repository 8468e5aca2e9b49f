import Foundation
import Testing

@testable import YearbookKit

/// An article's date, source and author, labelled as a Chinese government page labels them.
@Suite struct ArticleMetaTests {
  @Test func metaIsLabelledAndTheAuthorIsNotARepeatOfTheSource() async throws {
    var files = FixtureSite.minimal
    files["Content/2024/talent.md"] = files["Content/2024/talent.md"]!.replacingOccurrences(
      of: "weight: 2", with: "weight: 2\nbyline: 测试科技局\nsource: 测试科技局")
    let site = try FixtureSite(files)
    defer { site.remove() }
    _ = try await site.build()
    let platforms = try site.read("2024/platforms/index.html")
    #expect(
      platforms.contains(
        """
        <p class="meta">
        <span class="published">发布时间：<time datetime="2025-01-21">2025年1月21日</time></span>
        <span class="source">来源：测试科技局</span>
        <span class="byline">作者：本报记者</span>
        </p>
        """))
    let talent = try site.read("2024/talent/index.html")
    #expect(talent.contains("<span class=\"source\">来源：测试科技局</span>\n\n</p>"))
    #expect(!talent.contains("作者："))
  }
}
