import Foundation
import Testing

@testable import YearbookBuild
@testable import YearbookCore
@testable import YearbookLoad
@testable import YearbookModel
@testable import YearbookPreview

/// Personal numbers and listed words are caught where they are written, before anything
/// is published; masked numbers and ordinary figures are not.
@Suite struct ContentInspectionTests {
  /// A number with its Luhn check digit appended, as a real card number has.
  static func withLuhnDigit(_ prefix: String) -> String {
    (0...9).map { prefix + String($0) }.first { PersonalNumbers.passesLuhn(Array($0.utf8)) }!
  }

  static let card = withLuhnDigit("622202123456789012")
  /// The sample number of GB 11643's own text, whose check digit is X.
  static let residentID = "11010519491231002X"

  @Test func findsEachKindAndProposesTheMaskedForm() {
    let line = "联系人身份证\(Self.residentID)，手机138 1234 5678，卡号\(Self.card)。"
    let hits = PersonalNumbers.find(in: Substring(line))
    #expect(hits.map(\.kind) == [.residentID, .mobile, .bankCard])
    #expect(
      hits.map(\.masked) == ["1101**********002X", "138****5678", "6222***********" + String(Self.card.suffix(4))])
  }

  @Test(arguments: [
    "3304**********1234", "138****5678", "6222 **** **** 1234", "地区生产总值达13800000000元", "电话0573-85123456",
    "统计代码110105194912310021", "2024-2025年", "编号A13812345678", "13812345678901", "110105194912310023",
    "专利号 ZL202410123456.7",
  ])
  func leavesMaskedNumbersAndOrdinaryFiguresAlone(text: String) {
    #expect(PersonalNumbers.find(in: Substring(text)).isEmpty, "\(text)")
  }

  @Test func theWordMatcherFindsEveryListedWordWhereItStartsIncludingOneByteWordsAndOverlaps() {
    let matcher = WordMatcher([
      WordRule(word: "科技", severity: .warning), WordRule(word: "科技局", severity: .error),
      WordRule(word: "技局", suggestion: "x"), WordRule(word: "#"),
      WordRule(word: "截止", severity: .warning, before: ["目前"]),
    ])
    let hits = matcher.find(in: Substring("市科技局#截止目前，截止日期#"))
    #expect(hits.map(\.rule.word) == ["科技", "科技局", "技局", "#", "截止", "#"])
    #expect(hits.map(\.offset) == [3, 3, 6, 12, 13, 40])
    #expect(matcher.find(in: Substring("")).isEmpty)
    #expect(matcher.find(in: Substring("科")).isEmpty, "a word cut at the end of the line is no hit")
  }

  @Test func aBuildFailsAtEachNumbersLineAndColumnInArticlesFrontMatterAndData() async throws {
    var files = FixtureSite.minimal
    files["Content/2024/talent.md"] = """
      ---
      title: 人才
      date: 2025-01-22
      byline: 记者 张三 13812345678
      ---
      引进人才100人。

      申请人身份证号\(Self.residentID)，已审核。
      """
    files["Content/data/people.csv"] =
      "name,card,电话,投入\n张三,\(Self.card),13812345678,15000000000\n李四,6222 **** **** 1234,138****5678,100\n"
    let site = try FixtureSite(files)
    defer { site.remove() }
    let errors = await site.failingBuild().filter { $0.severity == .error }
    #expect(
      errors.map { "\($0.location): \($0.message.id)" } == [
        "Content/2024/talent.md:4:15: mobileNumber", "Content/2024/talent.md:8:8: residentIDNumber",
        "Content/data/people.csv:2:4: bankCardNumber", "Content/data/people.csv:2:24: mobileNumber",
      ])
    #expect(errors[1].message.chinese.contains("1101**********002X"))
    // The message never repeats the whole number.
    #expect(!errors.contains { $0.message.chinese.contains(Self.residentID) || $0.message.english.contains(Self.card) })
  }

  @Test func theBureausWordListAndTheBuiltInUsagesAreReportedWithTheirSuggestion() async throws {
    var files = FixtureSite.minimal
    files["Content/site.yml"]! += "\nchecks:\n  words: checks/words.txt\n"
    files["checks/words.txt"] = "# 本局词表\n某某公司 => 有关企业\n老大难 [提示]\n"
    files["Content/2024/talent.md"] = """
      ---
      title: 人才
      date: 2025-01-22
      ---
      截止2024年底，某某公司等其它企业的老大难问题得到解决。报名截止日期另行通知。
      """
    let site = try FixtureSite(files)
    defer { site.remove() }
    let errors = await site.failingBuild()
    #expect(
      errors.map { "\($0.location): \($0.severity) \($0.message.english)" } == [
        "Content/2024/talent.md:5:1: warning official writing uses \"截至\" here, not \"截止\" (built-in list; checks: {builtin_words: false} turns it off)",
        "Content/2024/talent.md:5:10: error \"某某公司\" is on the word list (checks/words.txt:2:1): write \"有关企业\"",
        "Content/2024/talent.md:5:15: warning official writing uses \"其他\" here, not \"其它\" (built-in list; checks: {builtin_words: false} turns it off)",
        "Content/2024/talent.md:5:20: warning \"老大难\" is on the word list (checks/words.txt:3:1): it may not be published",
      ])
    files["Content/site.yml"]! += "  builtin_words: false\n"
    files["checks/words.txt"] = "老大难 [提示]\n"
    let quiet = try FixtureSite(files)
    defer { quiet.remove() }
    let summary = try await quiet.build()
    #expect(
      summary.diagnostics.map { "\($0.location): \($0.message.id)" } == ["Content/2024/talent.md:5:20: listedWord"])
    files["checks/words.txt"] = "老大难\n => 空词\n"
    let wrong = try FixtureSite(files)
    defer { wrong.remove() }
    let problems = await wrong.failingBuild()
    #expect(problems.map { "\($0.location): \($0.message.id)" } == ["checks/words.txt:2:1: badWordListEntry"])
  }

  @Test func plainHTTPToSecureSitesAndBareAddressesAreWarnedAndCheckListsEveryHost() throws {
    var files = FixtureSite.minimal
    files["Content/2024/talent.md"] = """
      ---
      title: 人才
      date: 2025-01-22
      ---
      见[浙江省政府](http://www.zj.gov.cn/art/1.html)、[示例](https://example.com/a)
      和[示例旧址](http://example.com/b)，以及[http://www.other.org/](http://www.other.org/)。
      本站[旧链接](http://www.example.gov.cn/2024/)。
      """
    let site = try FixtureSite(files)
    defer { site.remove() }
    let result = try CLI.run(["check", "--json", "--external"], in: site.root)
    #expect(result.status == 0)
    struct Report: Decodable {
      struct Finding: Decodable {
        var line: Int?
        var column: Int?
        var kind: String
      }
      struct Host: Decodable {
        var host: String
        var links: Int
      }
      var findings: [Finding]
      var outsideHosts: [Host]

      enum CodingKeys: String, CodingKey {
        case findings
        case outsideHosts = "outside_hosts"
      }
    }
    let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
    #expect(
      report.findings.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.kind)" } == [
        "5:2 plainHTTPLink", "6:2 plainHTTPLink", "6:33 bareURLLinkText", "7:3 plainHTTPLink",
      ])
    #expect(
      report.outsideHosts.map { "\($0.host) \($0.links)" } == [
        "example.com 2", "www.example.gov.cn 1", "www.other.org 1", "www.zj.gov.cn 1",
      ])
    let text = try CLI.run(["check", "--external", "--lang", "zh"], in: site.root)
    #expect(text.stdout.hasPrefix("链接到其他网站：共 4 个网站（发布前请逐个确认）\n  example.com  2 个链接\n"))
  }

  @Test func thePreviewChecksAnEditedArticleToo() throws {
    var files = FixtureSite.minimal
    files["Content/site.yml"]! += "\nrequire: [source]\n"
    files["Content/2024/talent.md"] = "---\ntitle: 人才\ndate: 2025-01-22\nsource: 测试科技局\n---\n正文。\n"
    let site = try FixtureSite(files)
    defer { site.remove() }
    let preview = PreviewSite(options: SiteBuilder.Options(root: site.root))
    #expect(preview.buildAll().succeeded)
    try site.write(
      "Content/2024/talent.md", "---\ntitle: 人才 13812345678\ndate: 2025-01-22\n---\n其它内容，电话13912345678。\n")
    let rebuild = try #require(preview.rebuild(changed: ["Content/2024/talent.md"]))
    #expect(
      rebuild.diagnostics.map { "\($0.location): \($0.message.id)" } == [
        "Content/2024/talent.md:1:1: missingRequiredField", "Content/2024/talent.md:2:11: mobileNumber",
        "Content/2024/talent.md:5:1: officialUsage", "Content/2024/talent.md:5:8: mobileNumber",
      ])
    #expect(!rebuild.succeeded)
  }
}
