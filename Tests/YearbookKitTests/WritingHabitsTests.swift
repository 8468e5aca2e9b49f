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

/// Inputs as editors really produce them: a unit on every row, footer fields from the
/// portal rules, tag spellings, file names with spaces, and the mistakes that used to
/// vanish without a word.
@Suite struct WritingHabitsTests {
  static func site(_ extra: [String: String]) throws -> FixtureSite {
    try FixtureSite(FixtureSite.minimal.merging(extra) { _, new in new })
  }

  static func article(_ frontMatter: String, _ body: String) -> String {
    "---\n\(frontMatter)\n---\n\(body)"
  }

  static let indicators = "指标,数值,说明\n研发经费支出,12.6亿元,同比增长9.6%\n研发投入强度,2.85%,全市第二\n高新技术企业,150家,新增46家\n"
  static let targets = "任务,目标,完成\n新增高新技术企业,40家,46家\n创新券兑现,2500万元,2380万元\n"

  // MARK: Units per cell

  @Test func eachCellKeepsItsOwnUnit() throws {
    let raw = RawTable.fromCSVText(Self.indicators, id: "indicators")
    let (dataset, diagnostics) = raw.build()
    #expect(diagnostics.isEmpty)
    #expect(dataset.columns[1].unit == nil)
    #expect(dataset.rows.map { $0[1].quantity?.unit.symbol } == ["亿元", "%", "家"])
    #expect(dataset.rows.map { $0[1].quantity?.value } == [12.6, 2.85, 150])
    #expect(dataset.columns[2].isNumeric == false)
  }

  @Test func tablesTilesAndProgressShowEveryValueWithItsUnit() async throws {
    let site = try Self.site([
      "Content/data/indicators.csv": Self.indicators,
      "Content/data/targets.csv": Self.targets,
      "Content/2024/talent.md": Self.article(
        "title: 指标\ndate: 2025-01-22",
        """
        研发经费支出{{indicators:数值:研发经费支出}}。

        ```chart
        type: table
        data: indicators
        title: 主要指标
        ```

        ```chart
        type: kpi
        data: indicators
        y: [数值]
        rows: [研发经费支出, 高新技术企业]
        title: 核心指标
        ```

        ```chart
        type: progress
        data: targets
        y: [完成]
        target: 目标
        title: 任务完成
        ```

        """),
    ])
    defer { site.remove() }
    _ = try await site.build()
    let page = try site.read("2024/talent/index.html")
    #expect(page.contains("<data class=\"yb-figure\" value=\"12.6\">12.6亿元</data>"))
    #expect(
      page.contains(
        "<tr><th scope=\"row\">研发投入强度</th><td class=\"yb-num\">2.85%</td><td>全市第二</td></tr>"))
    #expect(page.contains("<desc id=\"yb-chart-"))
    #expect(page.contains("高新技术企业为150家。新增46家。"))
    #expect(
      page.contains(
        "<tr><th scope=\"row\">创新券兑现</th><td class=\"yb-num\">2380万元</td><td class=\"yb-num\">2500万元</td><td class=\"yb-num\">95.2%</td></tr>"
      ))
    #expect(page.contains("完成2380万元 / 目标2500万元（95.2%）"))
    #expect(page.contains("完成46家 / 目标40家（115.0%）"))
  }

  @Test func aProgressRowWhoseTargetIsInAnotherUnitIsALocatedError() async throws {
    let site = try Self.site([
      "Content/data/targets.csv": "任务,目标,完成\n新增企业,40家,46家\n兑现资金,2500万元,23人\n",
      "Content/2024/talent.md": Self.article(
        "title: 指标\ndate: 2025-01-22",
        "正文\n\n```chart\ntype: progress\ndata: targets\ny: [完成]\ntarget: 目标\ntitle: 完成\n```\n"),
    ])
    defer { site.remove() }
    let messages = await site.failingBuild().map(\.description)
    #expect(
      messages == [
        "Content/2024/talent.md:8:1: error: row '兑现资金' of dataset 'targets' compares 23人 with a target of 2500万元; a row's value and target must be in one unit (target at Content/data/targets.csv:3:6)"
      ])
  }

  @Test(arguments: ["column", "bar", "line", "grouped", "stacked", "donut"])
  func anAxisChartOverMixedUnitsNamesTheRows(type: String) async throws {
    let site = try Self.site([
      "Content/data/indicators.csv": Self.indicators,
      "Content/2024/talent.md": Self.article(
        "title: 指标\ndate: 2025-01-22", "正文\n\n```chart\ntype: \(type)\ndata: indicators\ny: [数值]\ntitle: 混合\n```\n"),
    ])
    defer { site.remove() }
    let messages = await site.failingBuild().map(\.description)
    #expect(
      messages == [
        "Content/2024/talent.md:8:1: error: a \(type) chart draws one unit, but the rows of dataset 'indicators' mix units: 研发经费支出 (亿元), 研发投入强度 (%), 高新技术企业 (家); choose rows in one unit with rows:, or show them with type: table or kpi"
      ])
  }

  // MARK: Footer

  @Test func footerCarriesThePortalFields() async throws {
    var files = FixtureSite.minimal
    files["Content/site.yml"] = """
      title: 测试年报
      footer:
        organizer: 测试科技局
        address: 浙江省平湖市当湖街道新华中路1号
        postcode: "314200"
        phone: 0573-85000000
        email: kjj@example.gov.cn
        copyright: 测试科技局 版权所有
        public_security: 浙公网安备 33048202000000号
      """
    let site = try FixtureSite(files)
    defer { site.remove() }
    let summary = try await site.build()
    let page = try site.read("index.html")
    #expect(page.contains("<p>地址：浙江省平湖市当湖街道新华中路1号　邮编：314200</p>"))
    #expect(
      page.contains(
        "<p>联系电话：0573-85000000　电子邮箱：<a href=\"mailto:kjj@example.gov.cn\">kjj@example.gov.cn</a></p>"))
    #expect(page.contains("<p>测试科技局 版权所有</p>"))
    #expect(
      summary.diagnostics.map(\.description).contains {
        $0.hasPrefix(
          "Content/site.yml:9:3: warning: unknown key 'public_security' in footer is ignored; did you mean police_record?"
        )
      })
  }

  @Test func keySuggestionsCoverTyposAndOtherToolsWords() {
    let footer = [
      "organizer", "site_code", "icp", "police_record", "contact", "address", "postcode", "phone", "email", "copyright",
    ]
    #expect(KeySuggestion.suggestion(for: "public_security", known: footer) == "police_record")
    #expect(KeySuggestion.suggestion(for: "tel", known: footer) == "phone")
    #expect(KeySuggestion.suggestion(for: "zipcode", known: footer) == "postcode")
    #expect(KeySuggestion.suggestion(for: "adress", known: footer) == "address")
    #expect(KeySuggestion.suggestion(for: "Email", known: footer) == "email")
    #expect(KeySuggestion.suggestion(for: "weather", known: footer) == nil)
  }

  // MARK: Tags

  @Test func tagsDifferingOnlyInCaseOrWidthMergeWithAWarning() async throws {
    let site = try Self.site([
      "Content/2024/platforms.md": Self.article("title: 平台\ndate: 2025-01-21\ntags: [AI, 科创 平台, \"!!!\"]", "正文。\n"),
      "Content/2024/talent.md": Self.article("title: 人才\ndate: 2025-01-22\ntags: [ai, 科创-平台, \"???\"]", "正文。\n"),
    ])
    defer { site.remove() }
    let summary = try await site.build()
    #expect(
      summary.diagnostics.map(\.description).contains(
        "Content/2024/talent.md: warning: tag 'ai' is shown as 'AI' (written so in Content/2024/platforms.md): tags that differ only in case or width are one tag; write it one way"
      ))
    let tagsPage = try site.read("tags/index.html")
    for (slug, name) in [
      ("ai", "AI"), ("科创-平台", "科创 平台"), ("科创-平台-2", "科创-平台"), ("tag-21-21-21", "!!!"), ("tag-3f-3f-3f", "???"),
    ] {
      let page = try site.read("tags/\(slug)/index.html")
      #expect(page.contains("<h1>标签：\(HTML.escape(name))</h1>"), "\(slug)")
      let link = "/tags/\(slug)/".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!
      #expect(tagsPage.contains("href=\"\(link)\""), "\(slug)")
    }
    let merged = try site.read("tags/ai/index.html")
    #expect(merged.contains("2024/platforms/") && merged.contains("2024/talent/"))
  }

  // MARK: Files and folders

  @Test func aFileNameWithSpacesGetsASlugWithDashes() async throws {
    let site = try Self.site([
      "Content/2024/人才 工作.md": Self.article("title: 人才工作\ndate: 2025-01-23", "正文。\n"),
      "Content/2024/platforms.md": Self.article("title: 平台\ndate: 2025-01-21", "见[人才工作](<人才 工作.md>)。\n"),
    ])
    defer { site.remove() }
    let summary = try await site.build()
    #expect(
      summary.diagnostics.map(\.description).contains(
        "Content/2024/人才 工作.md: warning: the file name has spaces, so its page is at 2024/人才-工作/; rename the file or set slug: in the front matter to choose another"
      ))
    #expect(try site.read("2024/人才-工作/index.html").contains("人才工作"))
    #expect(
      try site.read("2024/platforms/index.html").contains("href=\"/2024/%E4%BA%BA%E6%89%8D-%E5%B7%A5%E4%BD%9C/\""))
  }

  /// Runs as an ordinary user: as root, permissions do not stop reading, so the build is
  /// run through `setpriv` as `nobody`.
  @Test func anUnreadableFolderIsAnErrorNamingIt() throws {
    let site = try Self.site([:])
    defer { site.remove() }
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: site.root.path)
    for (folder, name) in [("Content/2024", "Content/2024"), ("Templates/partials", "Templates/partials")] {
      let url = site.root.appendingPathComponent(folder)
      try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: url.path)
      defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path) }
      let arguments = ["build", "--output", "/dev/null/never"]
      let result =
        getuid() == 0
        ? try CLI.runCommand(
          "/usr/bin/setpriv",
          ["--reuid=65534", "--regid=65534", "--clear-groups", CLI.executable.path] + arguments, in: site.root)
        : try CLI.run(arguments, in: site.root)
      #expect(result.status == 1)
      #expect(
        result.stderr.contains("\(name): error: cannot read the folder: permission denied"), "\(result.stderr)")
    }
  }

  @Test func aClashWithAGeneratedPageNamesTheSourceFiles() async throws {
    let site = try Self.site([
      "Content/tags/_index.md": Self.article("title: 标签报告\ndate: 2025-01-01", "正文。\n"),
      "Content/tags/x.md": Self.article("title: 甲\ndate: 2025-01-02\ntags: [x]", "正文。\n"),
    ])
    defer { site.remove() }
    let messages = await site.failingBuild().map(\.description)
    #expect(
      messages.contains(
        "Content/tags/_index.md: error: two sources claim the output file tags/index.html: Content/tags/_index.md and the tags page Yearbook generates"
      ), "\(messages)")
    #expect(
      messages.contains(
        "Content/tags/x.md: error: two sources claim the output file tags/x/index.html: Content/tags/x.md and the page of tag 'x' (used in Content/tags/x.md)"
      ), "\(messages)")
  }

  @Test func everyCheckErrorNamesASourceFileAndLine() async throws {
    // Broken links stop the build at the Markdown step; the other checks run once the
    // Markdown is sound.
    let stages: [[String: String]] = [
      [
        "Content/2024/talent.md": Self.article(
          "title: 人才\ndate: 2025-01-22", "见[不存在](nothing.md)和[旧页](/old/page/)。\n")
      ],
      [
        "Content/2024/talent.md": Self.article("title: 人才\ndate: 2025-01-22", "见[标题](platforms.md#没有)。\n"),
        "Templates/partials/pager.mustache":
          "<nav><a href=\"{{site.home_url}}missing/\">首页</a><img src=\"x.png\"></nav>\n",
      ],
    ]
    var count = 0
    for files in stages {
      let site = try Self.site(files)
      defer { site.remove() }
      let diagnostics = await site.failingBuild()
      #expect(diagnostics.hasErrors)
      for diagnostic in diagnostics where diagnostic.severity == .error {
        count += 1
        #expect(
          diagnostic.location.file.value.hasSuffix(".md") || diagnostic.location.file.value.hasSuffix(".mustache"),
          "\(diagnostic)")
        #expect(diagnostic.location.line != nil, "\(diagnostic)")
      }
    }
    #expect(count >= 4)
  }
}

extension RawTable {
  static func fromCSVText(_ text: String, id: String) -> RawTable {
    var diagnostics: [Diagnostic] = []
    return fromCSV(Array(text.utf8), id: id, file: SourcePath("Content/data/\(id).csv"), diagnostics: &diagnostics)!
  }
}
