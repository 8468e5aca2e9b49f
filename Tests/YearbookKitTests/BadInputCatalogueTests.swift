import Foundation
import Testing

/// The bad-input catalogue. Each malformed input must end with exit status 1, a message
/// naming the file (with line and column where there is one), no crash, no hang, and the
/// previous output byte for byte as it was. Each unusual but valid input must build, in
/// bounded time, into something sensible.
@Suite struct BadInputCatalogueTests {
  struct Case: Sendable {
    var prepare: @Sendable (FixtureSite) throws -> Void
    var arguments: [String] = []
    /// Every one of these must appear in standard error.
    var expected: [String]
  }

  static let chart = "```chart\ntype: column\ndata: d\nx: year\ny: value\ntitle: 数值\n```\n"

  static func article(_ frontMatter: String, body: String = "正文\n") -> String {
    "---\n\(frontMatter)\n---\n\(body)"
  }

  static func withChart(_ spec: String) -> String {
    article("title: 人才\ndate: 2025-01-22", body: "正文\n\n```chart\n\(spec)\n```\n")
  }

  static let malformed: [String: Case] = [
    "invalid UTF-8": Case(
      prepare: {
        try $0.writeBytes(
          "Content/2024/talent.md", Array("---\ntitle: 人才\ndate: 2025-01-22\n---\n正文".utf8) + [0xFF, 0x41])
      },
      expected: ["Content/2024/talent.md:5:3: error: the file is not UTF-8 text (invalid byte 0xFF)"]),
    "tabs in YAML": Case(
      prepare: { try $0.write("Content/2024/talent.md", article("title: 人才\ndate: 2025-01-22\ntags:\n\t- 人才")) },
      expected: ["Content/2024/talent.md:5:1: error: invalid YAML", "use spaces"]),
    "missing front matter": Case(
      prepare: { try $0.write("Content/2024/talent.md", "人才工作\n") },
      expected: ["Content/2024/talent.md:1:1: error: missing front matter"]),
    "unterminated front matter": Case(
      prepare: { try $0.write("Content/2024/talent.md", "---\ntitle: 人才\ndate: 2025-01-22\n正文\n") },
      expected: ["Content/2024/talent.md:1:1: error: front matter is not closed"]),
    "empty file": Case(
      prepare: { try $0.write("Content/2024/talent.md", "") },
      expected: ["Content/2024/talent.md:1:1: error: missing front matter"]),
    "title is a list": Case(
      prepare: { try $0.write("Content/2024/talent.md", article("title: [人, 才]\ndate: 2025-01-22")) },
      expected: ["Content/2024/talent.md:2:8: error: title must be text, found a list"]),
    "weight is not a number": Case(
      prepare: { try $0.write("Content/2024/talent.md", article("title: 人才\ndate: 2025-01-22\nweight: 第二")) },
      expected: ["Content/2024/talent.md:4:9: error: weight must be a whole number, got \"第二\""]),
    "draft is not true or false": Case(
      prepare: { try $0.write("Content/2024/talent.md", article("title: 人才\ndate: 2025-01-22\ndraft: 也许")) },
      expected: ["Content/2024/talent.md:4:8: error: draft must be true or false, got \"也许\""]),
    "unparseable date": Case(
      prepare: { try $0.write("Content/2024/talent.md", article("title: 人才\ndate: 2025年1月22日")) },
      expected: ["Content/2024/talent.md:3:7: error: date must be YYYY-MM-DD, got \"2025年1月22日\""]),
    "impossible date": Case(
      prepare: { try $0.write("Content/2024/talent.md", article("title: 人才\ndate: 2025-02-30")) },
      expected: ["Content/2024/talent.md:3:7: error: date must be YYYY-MM-DD, got \"2025-02-30\""]),
    "missing title": Case(
      prepare: { try $0.write("Content/2024/talent.md", article("date: 2025-01-22")) },
      expected: ["Content/2024/talent.md:1:1: error: missing required key 'title'"]),
    "front matter is a list": Case(
      prepare: { try $0.write("Content/2024/talent.md", article("- title\n- date")) },
      expected: ["Content/2024/talent.md:2:1: error: expected key: value pairs, found a list"]),
    "duplicate keys": Case(
      prepare: { try $0.write("Content/2024/talent.md", article("title: 人才\ndate: 2025-01-22\ntitle: 又一个")) },
      expected: ["Content/2024/talent.md:", "error: duplicate key 'title'"]),
    "duplicate slug": Case(
      prepare: { try $0.write("Content/2024/talent.md", article("title: 人才\ndate: 2025-01-22\nslug: platforms")) },
      expected: [
        "Content/2024/talent.md:4:1: error: slug 'platforms' is already used by Content/2024/platforms.md",
        "Content/2024/platforms.md: error: slug 'platforms' is also used by Content/2024/talent.md:4:1",
      ]),
    "two pages claim one URL": Case(
      prepare: { try $0.write("Content/tags/_index.md", article("title: 标签报告\ndate: 2025-01-01")) },
      expected: ["error: two sources claim the output file tags/index.html"]),
    "unknown chart type": Case(
      prepare: { try $0.write("Content/2024/talent.md", withChart("type: pie\ndata: d\ny: value\ntitle: t")) },
      expected: ["Content/2024/talent.md:8:7: error: unknown chart type \"pie\""]),
    "unknown chart field": Case(
      prepare: {
        try $0.write("Content/2024/talent.md", withChart("type: column\ndata: d\ny: value\ntitle: t\ncolour: red"))
      },
      expected: ["Content/2024/talent.md:12:1: error: unknown key 'colour' in a chart"]),
    "invalid chart YAML": Case(
      prepare: { try $0.write("Content/2024/talent.md", withChart("type: column\ndata: [d\ntitle: t")) },
      expected: ["Content/2024/talent.md:", "error: invalid YAML"]),
    "missing dataset": Case(
      prepare: { try $0.write("Content/2024/talent.md", withChart("type: column\ndata: nothing\ny: value\ntitle: t")) },
      expected: ["Content/2024/talent.md:8:1: error: no dataset 'nothing' in Content/data/ (there are: d)"]),
    "missing column": Case(
      prepare: { try $0.write("Content/2024/talent.md", withChart("type: column\ndata: d\ny: amount\ntitle: t")) },
      expected: ["Content/2024/talent.md:8:1: error: dataset 'd' has no column 'amount' (columns: year, value)"]),
    "mixed units in one chart": Case(
      prepare: {
        try $0.write("Content/data/m.csv", "k,v\n甲,3家\n乙,4人\n")
        try $0.write("Content/2024/talent.md", withChart("type: column\ndata: m\ny: v\ntitle: t"))
      },
      expected: [
        "Content/2024/talent.md:8:1: error: a column chart draws one unit, but the rows of dataset 'm' mix units: 甲 (家), 乙 (人)"
      ]),
    "chart over an empty dataset": Case(
      prepare: {
        try $0.write("Content/data/e.csv", "year,value\n")
        try $0.write("Content/2024/talent.md", withChart("type: line\ndata: e\ny: value\ntitle: 空"))
      },
      expected: [
        "Content/data/e.csv: warning: the dataset has no rows, only a header",
        "Content/2024/talent.md:8:1: error: dataset 'e' (Content/data/e.csv) has no rows; there is nothing to draw",
      ]),
    "NUL byte in an article": Case(
      prepare: { try $0.write("Content/2024/talent.md", "---\ntitle: 人才\ndate: 2025-01-22\n---\n第一段\n第二\u{0}段\n") },
      expected: ["Content/2024/talent.md:6:3: error: the file contains a NUL byte (U+0000)"]),
    "symbolic link loop under Templates": Case(
      prepare: { try $0.symlink("Templates/partials/loop", to: ".") },
      expected: ["Templates/partials/loop: error: a symbolic link loop"]),
    "negative values in a donut": Case(
      prepare: {
        try $0.write("Content/data/n.csv", "k,v\n甲,3\n乙,-4\n")
        try $0.write("Content/2024/talent.md", withChart("type: donut\ndata: n\ny: v\ntitle: t"))
      },
      expected: ["Content/2024/talent.md:8:1: error: a donut chart cannot show negative values"]),
    "ragged CSV row": Case(
      prepare: { try $0.write("Content/data/d.csv", "year,value\n2015,1\n2016,2,3\n") },
      expected: ["Content/data/d.csv:3:1: error: this row has 3 fields but the header has 2"]),
    "unclosed CSV quote": Case(
      prepare: { try $0.write("Content/data/d.csv", "year,value\n2015,\"1\n2016,2\n") },
      expected: ["Content/data/d.csv:2:6: error: quoted field is never closed"]),
    "text after a CSV quote": Case(
      prepare: { try $0.write("Content/data/d.csv", "year,value\n2015,\"1\"x\n") },
      expected: ["Content/data/d.csv:2:9: error: unexpected text after a closing quote"]),
    "non-numeric cell": Case(
      prepare: {
        try $0.write(
          "Content/data/d.yml",
          "columns:\n  - {name: year}\n  - {name: value, unit: 家}\nrows:\n  - {year: 2015, value: 十二}\n")
        try FileManager.default.removeItem(at: $0.root.appendingPathComponent("Content/data/d.csv"))
      },
      expected: ["Content/data/d.yml:5:25: error: \"十二\" is not a number, but column 'value' holds numbers"]),
    "duplicate dataset id": Case(
      prepare: { try $0.write("Content/data/d.yml", "- {year: 2015, value: 1}\n") },
      expected: ["Content/data/d.yml: error: dataset 'd' is also defined by Content/data/d.csv"]),
    "symbolic link loop": Case(
      prepare: {
        try FileManager.default.createSymbolicLink(
          atPath: $0.root.appendingPathComponent("Content/2024/loop").path, withDestinationPath: ".")
      },
      expected: ["Content/2024/loop: error: a symbolic link loop: it points back to its own folder"]),
    "symbolic links pointing at each other": Case(
      prepare: {
        let folder = $0.root.appendingPathComponent("Content/assets")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
          atPath: folder.appendingPathComponent("a").path, withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(
          atPath: folder.appendingPathComponent("b").path, withDestinationPath: "a")
      },
      expected: [
        "Content/assets/a: error: a symbolic link loop (points to b)",
        "Content/assets/b: error: a symbolic link loop (points to a)",
      ]),
    "symbolic link out of Content": Case(
      prepare: {
        try $0.symlink("Content/assets/passwd", to: "/etc/passwd")
        try $0.symlink("Content/2024/notes.md", to: "../../notes.md")
        try $0.write("notes.md", "---\ntitle: 外部\ndate: 2025-01-22\n---\n正文。\n")
      },
      expected: [
        "Content/assets/passwd: error: a symbolic link to /etc/passwd, outside Content/",
        "Content/2024/notes.md: error: a symbolic link to ", "notes.md, outside Content/",
      ]),
    "broken symbolic link": Case(
      prepare: {
        try FileManager.default.createSymbolicLink(
          atPath: $0.root.appendingPathComponent("Content/2024/old.md").path, withDestinationPath: "/nonexistent/old.md"
        )
      },
      expected: ["Content/2024/old.md: error: a broken symbolic link (points to /nonexistent/old.md)"]),
    "unreadable article (a folder named .md)": Case(
      prepare: {
        try FileManager.default.createDirectory(
          at: $0.root.appendingPathComponent("Content/2024/notes.md"), withIntermediateDirectories: true)
      },
      expected: ["Content/2024/notes.md: error: this is a folder, not a file"]),
    "missing site.yml": Case(
      prepare: { try FileManager.default.removeItem(at: $0.root.appendingPathComponent("Content/site.yml")) },
      expected: ["Content/site.yml: error: file not found"]),
    "bad base_url": Case(
      prepare: { try $0.write("Content/site.yml", "title: 测试\nbase_url: kjj/ndbg\n") },
      expected: [
        "Content/site.yml:2:11: error: base_url must be an http(s) URL or a path starting with '/', got \"kjj/ndbg\""
      ]),
    "report without _index.md": Case(
      prepare: { try $0.write("Content/2023/a.md", article("title: a\ndate: 2024-01-01")) },
      expected: ["Content/2023: error: report folder has no _index.md"]),
    "template refers to a missing partial": Case(
      prepare: { try $0.write("Templates/tags.mustache", "{{<layout}}{{$main}}{{>tag-cloud}}{{/main}}{{/layout}}") },
      expected: ["Templates/tags.mustache:1:21: error: template refers to a missing partial 'tag-cloud'"]),
    "template syntax error": Case(
      prepare: { try $0.write("Templates/tags.mustache", "{{#tags}}\n{{name}}\n{{/tag}}\n") },
      expected: ["Templates/tags.mustache:3:", "error: template syntax"]),
    "link to a missing article": Case(
      prepare: {
        try $0.write("Content/2024/talent.md", article("title: 人才\ndate: 2025-01-22", body: "见[技能](skills.md)。\n"))
      },
      expected: ["Content/2024/talent.md:5:2: error: link to a missing article \"skills.md\""]),
    "broken figure binding": Case(
      prepare: {
        try $0.write("Content/2024/talent.md", article("title: 人才\ndate: 2025-01-22", body: "共{{d:value:2030}}。\n"))
      },
      expected: ["Content/2024/talent.md:5:2: error: dataset 'd' has no row '2030' in column 'year'"]),
    "image without a description": Case(
      prepare: {
        try $0.write("Content/assets/p.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        try $0.write("Content/2024/talent.md", article("title: 人才\ndate: 2025-01-22", body: "![](../assets/p.svg)\n"))
      },
      expected: ["Content/2024/talent.md:5:1: error: image has no description"]),
    "output is Content/": Case(
      prepare: { _ in }, arguments: ["--output", "Content"], expected: ["it is inside Content/"]),
    "output is the project": Case(
      prepare: { _ in }, arguments: ["--output", "."], expected: ["it holds the project itself"]),
    "output is /": Case(
      prepare: { _ in }, arguments: ["--output", "/"], expected: ["refusing to use / as the output folder"]),
    "output is a file": Case(
      prepare: { try $0.write("notes.txt", "备忘") }, arguments: ["--output", "notes.txt"],
      expected: ["notes.txt as the output folder: it is a file"]),
    "output cannot be written": Case(
      prepare: { try $0.write("notes.txt", "备忘") }, arguments: ["--output", "notes.txt/Output"],
      expected: ["error: cannot write in", "notes.txt"]),
  ]

  @Test(arguments: malformed.keys.sorted())
  func malformedInputFailsCleanlyAndKeepsTheOutput(name: String) throws {
    let testCase = try #require(Self.malformed[name])
    var files = FixtureSite.minimal
    files["Content/data/d.csv"] = "year,value\n2015,1\n2020,3\n"
    let site = try FixtureSite(files)
    defer { site.remove() }
    #expect(try CLI.run(["build"], in: site.root).status == 0)
    let before = try site.snapshot()
    try testCase.prepare(site)
    let result = try CLI.run(["build"] + testCase.arguments, in: site.root, timeout: 30)
    #expect(!result.timedOut, "hang")
    #expect(result.status == 1, "\(result.stderr)")
    for text in testCase.expected {
      #expect(result.stderr.contains(text), "expected “\(text)” in:\n\(result.stderr)")
    }
    #expect(try site.snapshot() == before)
  }

  /// Permission errors cannot be made for root, who reads and writes everything; these two
  /// run where the tests run as an ordinary user (the catalogue's folder-named-`.md` and
  /// file-as-parent cases cover the same paths for root).
  @Test(.enabled(if: getuid() != 0)) func unreadableFileAndUnwritableOutput() throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    #expect(try CLI.run(["build"], in: site.root).status == 0)
    let before = try site.snapshot()
    let article = site.root.appendingPathComponent("Content/2024/talent.md")
    try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: article.path)
    let unreadable = try CLI.run(["build"], in: site.root)
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: article.path)
    #expect(unreadable.status == 1)
    #expect(unreadable.stderr.contains("Content/2024/talent.md: error: cannot read the file: permission denied"))
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: site.root.path)
    let unwritable = try CLI.run(["build"], in: site.root)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: site.root.path)
    #expect(unwritable.status == 1)
    #expect(unwritable.stderr.contains("Permission denied") || unwritable.stderr.contains("permission denied"))
    #expect(try site.snapshot() == before)
  }

  @Test func catalogueHasAtLeastFortyCases() {
    #expect(Self.malformed.count + Self.unusual.count >= 40)
  }

  // MARK: Unusual but valid

  struct ValidCase: Sendable {
    var prepare: @Sendable (FixtureSite) throws -> Void
    /// Checked on the built site.
    var verify: @Sendable (FixtureSite) throws -> Void
  }

  static func chartPage(_ spec: String) -> String {
    article("title: 图表\ndate: 2025-01-23", body: "正文\n\n```chart\n\(spec)\n```\n")
  }

  static let unusual: [String: ValidCase] = [
    "BOM and CRLF": ValidCase(
      prepare: {
        try $0.write("Content/2024/talent.md", "\u{FEFF}---\r\ntitle: 人才\r\ndate: 2025-01-22\r\n---\r\n第一行\r\n第二行\r\n")
      },
      verify: { site in
        let page = try site.read("2024/talent/index.html")
        #expect(page.contains("<p>第一行第二行</p>"))
      }),
    "GB18030 article": ValidCase(
      prepare: {
        let text = "---\ntitle: 人才工作\ndate: 2025-01-22\n---\n平湖科技人才。\n"
        try $0.writeBytes("Content/2024/talent.md", [UInt8](text.data(using: String.Encoding(rawValue: 0x8000_0632))!))
      },
      verify: { site in
        let page = try site.read("2024/talent/index.html")
        #expect(page.contains("平湖科技人才。"))
      }),
    "one value": ValidCase(
      prepare: {
        try $0.write("Content/data/o.csv", "year,value\n2024,7\n")
        try $0.write("Content/2024/o.md", chartPage("type: line\ndata: o\ny: value\ntitle: 单值"))
      },
      verify: { site in
        let page = try site.read("2024/o/index.html")
        #expect(page.contains("2024年为7。"))
      }),
    "all zeros": ValidCase(
      prepare: {
        try $0.write("Content/data/z.csv", "k,v\n甲,0\n乙,0\n")
        try $0.write("Content/2024/z.md", chartPage("type: column\ndata: z\ny: v\ntitle: 零"))
      },
      verify: { site in
        let page = try site.read("2024/z/index.html")
        #expect(page.contains("甲为0，乙为0。"))
      }),
    "all negative": ValidCase(
      prepare: {
        try $0.write("Content/data/n.csv", "k,v\n甲,-3\n乙,-12.5\n")
        try $0.write("Content/2024/n.md", chartPage("type: bar\ndata: n\ny: v\ntitle: 负"))
      },
      verify: { site in
        let page = try site.read("2024/n/index.html")
        #expect(page.contains(">-12.5</text>"))
      }),
    "ten to the fifteenth": ValidCase(
      prepare: {
        try $0.write("Content/data/h.csv", "k,v\n甲,1000000000000000\n乙,1\n")
        try $0.write("Content/2024/h.md", chartPage("type: column\ndata: h\ny: v\ntitle: 大数"))
      },
      verify: { site in
        let page = try site.read("2024/h/index.html")
        // A bare number is no amount of money: it keeps every digit and is never put in 亿.
        #expect(page.contains("甲为1000000000000000") && !page.contains("单位：亿") && !page.contains("e+"))
      }),
    "500 categories": ValidCase(
      prepare: {
        try $0.write(
          "Content/data/many.csv", "k,v\n" + (1...500).map { "类别\($0),\($0 % 37)" }.joined(separator: "\n") + "\n")
        try $0.write("Content/2024/many.md", chartPage("type: bar\ndata: many\ny: v\ntitle: 五百项"))
      },
      verify: { site in
        let page = try site.read("2024/many/index.html")
        #expect(page.contains("共500项"))
      }),
    "2,000-character label": ValidCase(
      prepare: {
        try $0.write("Content/data/long.csv", "k,v\n\(String(repeating: "很长的标签", count: 400)),3\n短,4\n")
        try $0.write("Content/2024/long.md", chartPage("type: bar\ndata: long\ny: v\ntitle: 长标签"))
      },
      verify: { site in
        let page = try site.read("2024/long/index.html")
        #expect(page.contains("…</tspan>"))
      }),
    "deeply nested lists": ValidCase(
      prepare: {
        let nested = (0..<200).map { String(repeating: "  ", count: $0) + "- 第\($0)层" }.joined(separator: "\n")
        try $0.write("Content/2024/deep.md", article("title: 嵌套\ndate: 2025-01-23", body: nested + "\n"))
      },
      verify: { site in
        let page = try site.read("2024/deep/index.html")
        #expect(page.contains("第199层"))
      }),
    "50,000 nested brackets": ValidCase(
      prepare: {
        let text = String(repeating: "[", count: 50_000) + "文字" + String(repeating: "]", count: 50_000)
        try $0.write("Content/2024/brackets.md", article("title: 括号\ndate: 2025-01-23", body: text + "\n"))
      },
      verify: { site in
        let page = try site.read("2024/brackets/index.html")
        #expect(page.contains("[[[[文字]]]]"))
      }),
    "10 MB article": ValidCase(
      prepare: {
        let paragraph = String(repeating: "平湖市科技局推进科技创新工作，取得明显成效。", count: 20) + "\n\n"
        let text = String(repeating: paragraph, count: 10_000_000 / paragraph.utf8.count + 1)
        try $0.write("Content/2024/big.md", article("title: 长文\ndate: 2025-01-23", body: text))
      },
      verify: { site in
        let page = try site.read("2024/big/index.html")
        #expect(page.utf8.count > 10_000_000)
      }),
    "symbolic link to a file": ValidCase(
      prepare: {
        try $0.write("Content/_shared/talent.md", article("title: 共享的人才文章\ndate: 2025-01-22"))
        try FileManager.default.removeItem(at: $0.root.appendingPathComponent("Content/2024/talent.md"))
        try FileManager.default.createSymbolicLink(
          atPath: $0.root.appendingPathComponent("Content/2024/talent.md").path,
          withDestinationPath: "../_shared/talent.md")
      },
      verify: { site in
        let page = try site.read("2024/talent/index.html")
        #expect(page.contains("共享的人才文章"))
      }),
  ]

  @Test(arguments: unusual.keys.sorted())
  func unusualInputBuildsInBoundedTime(name: String) throws {
    let testCase = try #require(Self.unusual[name])
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    try testCase.prepare(site)
    let started = ContinuousClock.now
    let result = try CLI.run(["build"], in: site.root, timeout: 120)
    #expect(!result.timedOut, "took longer than 120 s")
    #expect(result.status == 0, "\(result.stderr)")
    _ = ContinuousClock.now - started
    try testCase.verify(site)
  }

  @Test func twoBuildsAtOnceTakeTurns() throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let first = try CLI.start(["build"], in: site.root)
    let second = try CLI.start(["build"], in: site.root)
    #expect(first.wait().status == 0)
    #expect(second.wait().status == 0)
    let built = try site.snapshot()
    #expect(try CLI.run(["build"], in: site.root).status == 0)
    #expect(try site.snapshot() == built)
    let staging = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter {
      $0.hasPrefix(".Output.new") || $0.hasPrefix(".Output.old")
    }
    #expect(staging.isEmpty)
  }

  @Test func aBuildWaitsForTheLockHolder() throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let lock = open(site.root.appendingPathComponent(".Output.lock").path, O_CREAT | O_RDWR, 0o644)
    #expect(flock(lock, LOCK_EX) == 0)
    let build = try CLI.start(["build"], in: site.root)
    Thread.sleep(forTimeInterval: 1)
    #expect(build.process.isRunning)
    #expect(!FileManager.default.fileExists(atPath: site.output.path))
    flock(lock, LOCK_UN)
    close(lock)
    #expect(build.wait().status == 0)
    #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path))
  }
}
