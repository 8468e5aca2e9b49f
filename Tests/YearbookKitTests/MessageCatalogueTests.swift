import Foundation
import Testing
import YearbookCore
import YearbookLoad
import YearbookModel

/// Every message the tool prints comes from the catalogue in both languages; the editor's
/// habits (full-width punctuation, dates as 2025/1/5) are named with the fix.
@Suite struct MessageCatalogueTests {
  static let catalogue = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/YearbookCore/Messages/Catalogue")

  /// One catalogue function: its name and its English and Chinese text as written.
  struct Entry {
    var file: String
    var name: String
    var english: String
    var chinese: String
  }

  /// Reads the catalogue's source: each `static func` with what follows `en:` and `zh:`.
  static func entries() throws -> [Entry] {
    var entries: [Entry] = []
    let files = try FileManager.default.contentsOfDirectory(atPath: catalogue.path).filter { $0.hasSuffix(".swift") }
    for file in files.sorted() {
      let text = try String(contentsOf: catalogue.appendingPathComponent(file), encoding: .utf8)
      let starts = text.ranges(of: "public static func ")
      // A function ends where the next declaration of the catalogue begins.
      let declarations = text.ranges(of: "\n  public ").map(\.lowerBound) + text.ranges(of: "\n}").map(\.lowerBound)
      for start in starts {
        let end = declarations.filter { $0 > start.upperBound }.min() ?? text.endIndex
        let body = String(text[start.upperBound..<end])
        let name = String(body.prefix { $0.isLetter || $0.isNumber })
        guard let en = body.range(of: "en:"), let zh = body.range(of: "zh:", range: en.upperBound..<body.endIndex)
        else {
          entries.append(Entry(file: file, name: name, english: "", chinese: ""))
          continue
        }
        entries.append(
          Entry(
            file: file, name: name, english: String(body[en.upperBound..<zh.lowerBound]),
            chinese: String(body[zh.upperBound...])))
      }
    }
    return entries
  }

  /// The values a text interpolates (`\(slug)`, `\(found.chinese)` → `found`), so both
  /// languages can be checked to say the same things.
  static func interpolated(_ text: String) -> Set<String> {
    var names: Set<String> = []
    for range in text.ranges(of: "\\(") {
      let name = String(text[range.upperBound...].prefix { $0.isLetter || $0.isNumber })
      if name.isEmpty { continue }
      // Local phrases made for each language (`english`, `chinese`) stand for one thing.
      names.insert(["english", "chinese", "en", "zh"].contains(name) ? "phrase" : name)
    }
    return names
  }

  static func hasHan(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
  }

  /// Messages that are only a value the editor wrote, the same in any language, or
  /// lines put together from other messages.
  static let languageless: Set<String> = ["named", "yamlValue", "unitInKey", "lines"]

  /// Messages whose two languages are made differently, and why.
  static let madeDifferently: [String: String] = [
    "yamlSyntax": "the Chinese explains libyaml's English problem in the editor's words, quoting it"
  ]

  @Test func everyMessageHasEnglishAndChineseSayingTheSameThings() throws {
    let entries = try Self.entries()
    #expect(entries.count > 200, "the catalogue was not found or not read: \(entries.count) entries")
    for entry in entries {
      let place = "\(entry.file): \(entry.name)"
      #expect(!entry.english.isEmpty && !entry.chinese.isEmpty, "\(place) lacks en: or zh:")
      if !Self.languageless.contains(entry.name) {
        #expect(Self.hasHan(entry.chinese), "\(place): the Chinese text has no Chinese in it")
        #expect(entry.english != entry.chinese, "\(place): the Chinese text is the English one")
      }
      if Self.madeDifferently[entry.name] == nil {
        #expect(
          Self.interpolated(entry.english) == Self.interpolated(entry.chinese),
          "\(place): English and Chinese interpolate different values")
      }
    }
    let names = entries.map(\.name)
    #expect(Set(names).count == names.count, "a message name is used twice: \(names.sorted())")
  }

  /// Messages are made only in the catalogue, where both languages sit side by side.
  @Test func noMessageIsWrittenOutsideTheCatalogue() throws {
    let sources = Self.catalogue.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var found: [String] = []
    let walker = FileManager.default.enumerator(atPath: sources.path)
    while let path = walker?.nextObject() as? String {
      guard path.hasSuffix(".swift"), !path.contains("Messages/") else { continue }
      let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
      if text.contains("Message(en:") { found.append(path) }
    }
    #expect(found.isEmpty, "messages written outside Messages/Catalogue: \(found)")
  }

  @Test func theLanguageFollowsTheFlagThenAnEnglishLocaleThenTheSite() {
    #expect(Language.choose(flag: "en", environment: [:], siteLanguage: "zh-CN") == .english)
    #expect(Language.choose(flag: "zh-CN", environment: ["LANG": "en_US.UTF-8"], siteLanguage: "en") == .chinese)
    #expect(Language.choose(flag: nil, environment: ["LANG": "en_US.UTF-8"], siteLanguage: "zh-CN") == .english)
    #expect(
      Language.choose(flag: nil, environment: ["LC_ALL": "C.UTF-8", "LANG": "en_US.UTF-8"], siteLanguage: "zh-CN")
        == .chinese)
    #expect(Language.choose(flag: nil, environment: ["LANG": "C.UTF-8"], siteLanguage: "zh-CN") == .chinese)
    #expect(Language.choose(flag: nil, environment: [:], siteLanguage: "en") == .english)
    #expect(Language.choose(flag: nil, environment: [:], siteLanguage: nil) == .chinese)
  }

  @Test(arguments: [
    ("2025/1/5", "2025-01-05"), ("2025.1.5", "2025-01-05"), ("2025-1-5", "2025-01-05"),
    ("2025年1月5日", "2025-01-05"), ("20250105", "2025-01-05"), ("２０２５－０１－０５", "2025-01-05"),
    ("2025/2/29", nil), ("2025/13/5", nil), ("1月5日", nil), ("明年", nil),
  ])
  func datesAreProposedInTheFormTheToolReads(written: String, proposed: String?) {
    #expect(ContentDate.proposal(for: written) == proposed)
  }
}

/// The editor's side of the catalogue: what a broken site says, in Chinese by default.
@Suite struct ChineseMessagesTests {
  /// The machine's locale without an English one: the site's language decides.
  static let plainLocale: [String: String] = {
    var environment = ProcessInfo.processInfo.environment
    for key in ["LC_ALL", "LC_MESSAGES"] { environment[key] = nil }
    environment["LANG"] = "C.UTF-8"
    return environment
  }()

  func site(article: String) throws -> FixtureSite {
    var files = FixtureSite.minimal
    files["Content/2024/talent.md"] = article
    return try FixtureSite(files)
  }

  /// A full-width colon after a key is reported at that character, not at the line after
  /// it where the parser notices, and says how to type the ASCII one.
  @Test(arguments: [
    ("---\ntitle: 人才\nsource：平湖市科技局\ndate: 2025-01-22\n---\n正文\n", 3, 7, "："),
    ("---\ntitle：人才\ndate: 2025-01-22\n---\n正文\n", 2, 6, "："),
  ])
  func fullWidthPunctuationIsNamedWhereItIs(article: String, line: Int, column: Int, character: String) async throws {
    let site = try site(article: article)
    defer { site.remove() }
    let diagnostics = await site.failingBuild()
    #expect(
      diagnostics.map { $0.text(.chinese) } == [
        "Content/2024/talent.md:\(line):\(column): 错误：此处的全角“\(character)”应为半角“:”（请把输入法切换到英文标点后重新输入）"
      ])
  }

  @Test func parserProblemsAreExplainedInChinese() async throws {
    let site = try site(article: "---\ntitle: 人才\ndate: 2025-01-22\ntags: [人才, 投入\n---\n正文\n")
    defer { site.remove() }
    let diagnostics = await site.failingBuild()
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.text(.chinese).contains("方括号列表 [ ] 没有正确写完") == true)
  }

  @Test func buildSpeaksChineseForAChineseSite() throws {
    let site = try site(article: "---\ntitle: 人才\ndate: 2025/1/20\n---\n正文\n")
    defer { site.remove() }
    let result = try CLI.run(["build", "--root", site.root.path], in: site.root, environment: Self.plainLocale)
    #expect(result.status == 1)
    #expect(
      result.stderr.hasPrefix(
        "Content/2024/talent.md:3:7: 错误：date 应写成“年-月-日”（YYYY-MM-DD），实际是“2025/1/20”；请改为 2025-01-20\n生成失败（步骤 load）：1 个错误，0 个警告；"
      ), "\(result.stderr)")
    let english = try CLI.run(
      ["build", "--root", site.root.path, "--lang", "en"], in: site.root, environment: Self.plainLocale)
    #expect(english.stderr.hasPrefix("Content/2024/talent.md:3:7: error: date must be YYYY-MM-DD"))
    var locale = Self.plainLocale
    locale["LANG"] = "en_GB.UTF-8"
    let englishLocale = try CLI.run(["build", "--root", site.root.path], in: site.root, environment: locale)
    #expect(englishLocale.stderr.hasPrefix("Content/2024/talent.md:3:7: error: date must be YYYY-MM-DD"))
  }

  @Test func checkSpeaksChineseAndItsJSONNamesTheKind() throws {
    let site = try site(article: "---\ntitle: 人才\ndate: 2025-01-22\n---\n[链接](missing.md)\n")
    defer { site.remove() }
    let text = try CLI.run(["check", "--root", site.root.path], in: site.root, environment: Self.plainLocale)
    #expect(text.status == 1)
    #expect(
      text.stderr.contains("Content/2024/talent.md:5:1: 错误：链接的文章“missing.md”不存在（没有 Content/2024/missing.md 这个文件）"))
    #expect(text.stderr.contains("发现 1 个错误，0 个警告"))
    let json = try CLI.run(
      ["check", "--root", site.root.path, "--format", "json"], in: site.root, environment: Self.plainLocale)
    let findings = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: [[String: Any]]])["findings"]
    #expect(findings?.first?["kind"] as? String == "linkToMissingArticle")
    #expect((findings?.first?["message"] as? String)?.hasPrefix("链接的文章") == true)
  }

  /// ArgumentParser's own words (OVERVIEW, USAGE) stay English; what each command and
  /// option is for follows the reader's language.
  @Test func helpFollowsTheSitesLanguage() throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let chinese = try CLI.run(["build", "--help"], in: site.root, environment: Self.plainLocale)
    #expect(chinese.stdout.contains("OVERVIEW: 生成网站，写入输出文件夹"), "\(chinese.stdout)")
    #expect(chinese.stdout.contains("网站项目文件夹（其中有 Content/ 和 Templates/）"))
    let english = try CLI.run(["build", "--help", "--lang", "en"], in: site.root, environment: Self.plainLocale)
    #expect(english.stdout.contains("The project folder, holding Content/ and Templates/."))
  }

  @Test func aBadLanguageIsAUsageError() throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let result = try CLI.run(["check", "--root", site.root.path, "--lang", "fr"], in: site.root)
    #expect(result.status == 64)
    #expect(result.stderr.contains("--lang 应是 zh-CN 或 en"))
  }
}
