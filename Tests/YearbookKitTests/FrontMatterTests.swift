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

@Suite struct FrontMatterTests {
  @Test func splitsYamlFromBodyAndCountsTheLinesBeforeTheBody() throws {
    let parts = try FrontMatter.split("---\ntitle: 标题\ndate: 2025-01-20\n---\n正文\n")
    #expect(parts.yaml == "title: 标题\ndate: 2025-01-20")
    #expect(parts.body == "正文\n")
    #expect(parts.bodyLineOffset == 4)
  }

  @Test func acceptsByteOrderMarkAndCRLF() throws {
    let parts = try FrontMatter.split("\u{FEFF}---\r\ntitle: 标题\r\n---\r\n正文")
    #expect(parts.yaml.contains("title: 标题"))
    #expect(parts.body == "正文")
  }

  @Test func reportsMissingAndUnterminatedFences() {
    #expect(throws: FrontMatter.SplitError.missingOpeningFence) { try FrontMatter.split("title: x\n") }
    #expect(throws: FrontMatter.SplitError.unterminated) { try FrontMatter.split("---\ntitle: x\n正文") }
  }

  @Test func wrongDateIsLocatedAtItsValueInTheFile() async throws {
    var files = FixtureSite.minimal
    files["Content/2024/platforms.md"] = "---\ntitle: 平台\ndate: 2025/1/20\n---\n正文\n"
    let site = try FixtureSite(files)
    defer { site.remove() }
    let diagnostics = await site.failingBuild()
    #expect(
      diagnostics.map(\.description) == [
        "Content/2024/platforms.md:3:7: error: date must be YYYY-MM-DD, got \"2025/1/20\"; write 2025-01-20"
      ])
  }

  @Test func everyProblemIsReportedTogetherInFileOrder() async throws {
    var files = FixtureSite.minimal
    files["Content/2024/talent.md"] = "---\ndate: 2025-13-01\nweight: 第一\ntittle: 人才\n---\n正文\n"
    files["Content/2024/platforms.md"] = "---\ntitle: [a, b]\ndate: 2025-01-20\n---\n正文\n"
    let site = try FixtureSite(files)
    defer { site.remove() }
    let diagnostics = await site.failingBuild()
    #expect(
      diagnostics.map(\.description) == [
        "Content/2024/platforms.md:2:8: error: title must be text, found a list",
        "Content/2024/talent.md:1:1: error: missing required key 'title'",
        "Content/2024/talent.md:2:7: error: date must be YYYY-MM-DD, got \"2025-13-01\"",
        "Content/2024/talent.md:3:9: error: weight must be a whole number, got \"第一\"",
        "Content/2024/talent.md:4:1: error: unknown key 'tittle' in front matter; did you mean title? (known keys: title, date, summary, byline, source, tags, weight, slug, draft)",
      ])
  }

  /// An ignored key could publish what the editor meant to hold back (`darft: true`), so
  /// front matter refuses unknown keys, with the key the editor's habit meant.
  @Test(arguments: [
    ("author: 张三", "author", "byline"),
    ("作者: 张三", "作者", "byline"),
    ("来源: 平湖市科技局", "来源", "source"),
    ("darft: true", "darft", "draft"),
    ("标签: [人才]", "标签", "tags"),
  ])
  func unknownKeyIsAnErrorWithTheKeyMeant(line: String, key: String, meant: String) async throws {
    var files = FixtureSite.minimal
    files["Content/2024/talent.md"] = "---\ntitle: 人才\ndate: 2025-01-22\n\(line)\n---\n正文\n"
    let site = try FixtureSite(files)
    defer { site.remove() }
    let diagnostics = await site.failingBuild()
    #expect(
      diagnostics.map(\.description) == [
        "Content/2024/talent.md:4:1: error: unknown key '\(key)' in front matter; did you mean \(meant)? (known keys: title, date, summary, byline, source, tags, weight, slug, draft)"
      ])
    #expect(
      diagnostics.map { $0.text(.chinese) } == [
        "Content/2024/talent.md:4:1: 错误：文章开头的设置（--- 之间）中的“\(key)”不是可用的设置项；是否想写 \(meant)？（可用的设置项：title、date、summary、byline、source、tags、weight、slug、draft）"
      ])
  }

  @Test func yamlSyntaxErrorsAreLocatedInTheFile() async throws {
    var files = FixtureSite.minimal
    files["Content/2024/talent.md"] = "---\ntitle: 人才\ndate: 2025-01-22\ntags:\n\t- 人才\n---\n正文\n"
    let site = try FixtureSite(files)
    defer { site.remove() }
    let diagnostics = await site.failingBuild()
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.location.file == "Content/2024/talent.md")
    #expect(diagnostics.first?.location.line == 5)
    #expect(diagnostics.first?.message.english.contains("tabs") == true)
  }

  @Test func missingFrontMatterIsAnError() async throws {
    var files = FixtureSite.minimal
    files["Content/2024/talent.md"] = "人才工作\n"
    files["Content/2024/platforms.md"] = "---\ntitle: 平台\ndate: 2025-01-20\n正文\n"
    let site = try FixtureSite(files)
    defer { site.remove() }
    let diagnostics = await site.failingBuild()
    #expect(
      diagnostics.map(\.description) == [
        "Content/2024/platforms.md:1:1: error: front matter is not closed: add a line '---' after the last key",
        "Content/2024/talent.md:1:1: error: missing front matter: the file must start with a line '---', then title: and date:, then another '---'",
      ])
  }

  @Test(arguments: ["2025-02-29", "2025-1-20", "20250120", "2025-00-10", "２０２５-01-20"])
  func rejectsDatesThatAreNotRealYYYYMMDD(text: String) {
    #expect(ContentDate(text) == nil)
  }

  @Test func acceptsLeapDay() {
    #expect(ContentDate("2024-02-29")?.chinese == "2024年2月29日")
  }

  @Test func gb18030IsConvertedWithAWarningNamingTheEncoding() throws {
    let text = "---\ntitle: 平湖科技\n---\n正文"
    let data = try #require(text.data(using: String.Encoding(rawValue: 0x8000_0632)))
    let (decoded, diagnostic) = TextDecoding.decode(data, file: "Content/2024/a.md")
    #expect(decoded == text)
    #expect(diagnostic?.severity == .warning)
    #expect(diagnostic?.message.english.contains("GB18030/GBK") == true)
  }

  @Test func otherBytesAreAnErrorAtTheFirstBadByte() {
    let data = Data("第一行\n第二行".utf8) + Data([0x01, 0xFF, 0xFE])
    let (decoded, diagnostic) = TextDecoding.decode(data, file: "Content/2024/a.md")
    #expect(decoded == nil)
    #expect(
      diagnostic?.description
        == "Content/2024/a.md:2:5: error: the file is not UTF-8 text (invalid byte 0xFF); save it as UTF-8")
  }
}
