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

/// `yearbook import` on a Word report written by python-docx
/// (`Tests/Fixtures/Word/make_documents.py`), read by Debian's pandoc.
@Suite struct WordImportTests {
  static let report = FixtureSite.repository.appendingPathComponent("Tests/Fixtures/Word/report.docx")

  @Test func aNumberedReportBecomesArticlesADatasetAndATableChart() async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let run = try site.importWord("report.docx", report: "2023", date: "2024-01-20")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Imported 2 articles and 1 dataset, 2 images into Content/2023/ (2 warnings)"))
    #expect(
      run.stderr.contains(
        "Content/data/2023-table-1.csv: warning: table 1 (2024年科技投入情况): merged cells “项目” over 2 rows and 1 column; “2024年” over 1 row and 2 columns; check that it reads as the document's table does"
      ))
    #expect(
      run.stderr.contains(
        "Content/2023/人才工作.md:11:1: warning: the picture image2.png has no caption (a 图N line below it) or description; it reads “人才工作配图” until you say what it shows"
      ))
    let read = site.source
    #expect(
      try read("Content/2023/_index.md")
        == "---\ntitle: 平湖市科学技术局2024年工作总结\ndate: 2024-01-20\n---\n2024年，市科技局围绕中心工作，取得了新成效。\n")
    #expect(
      try read("Content/2023/科技创新平台建设.md") == """
        ---
        title: 科技创新平台建设
        date: 2024-01-20
        source: 测试科技局
        weight: 1
        ---
        全年新建省级重点实验室**2家**，完成目标任务。

        ## 实验室建设

        ```chart
        type: table
        data: 2023-table-1
        title: 2024年科技投入情况
        ```

        """)
    // A picture's 图N line is its description; one without gets the section's name.
    #expect(
      try read("Content/2023/人才工作.md").hasSuffix(
        "weight: 2\n---\n引进高层次人才100人。\n\n![图1 人才引进活动现场](../assets/2023/image1.png)\n\n![人才工作配图](../assets/2023/image2.png)\n"
      ))
    for image in ["image1.png", "image2.png"] {
      let data = try Data(contentsOf: site.root.appendingPathComponent("Content/assets/2023/\(image)"))
      #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(image) is the document's PNG")
    }
    #expect(
      try read("Content/data/2023-table-1.csv")
        == "项目,2024年金额（万元）,2024年增长（%）\n研发投入,5993.92,25.3\n财政科技支出,10271,8.2\n")
    #expect(try read("Content/data/2023-table-1.meta.yml") == "title: 2024年科技投入情况\nsource: 测试科技局\n")

    // The imported site builds, and its table shows the document's figures.
    _ = try await site.build()
    let page = try site.read("2023/科技创新平台建设/index.html")
    for figure in ["5993.92", "10271", "25.3", "8.2"] { #expect(page.contains(figure), "\(figure)") }
    #expect(try site.read("2023/人才工作/index.html").contains("<img src=\"/assets/2023/image1.png\" alt=\"图1 人才引进活动现场\">"))

    // Nothing is overwritten without --force; --dry-run lists and writes nothing.
    let again = try CLI.run(
      ["import", Self.report.path, "--report", "2023", "--root", site.root.path], in: site.root)
    #expect(again.status == 1)
    #expect(again.stderr.contains("error: Content/2023/_index.md exists; nothing was written (--force replaces it)"))
    let dry = try CLI.run(
      ["import", Self.report.path, "--report", "2025", "--dry-run", "--root", site.root.path], in: site.root)
    #expect(dry.status == 0)
    #expect(dry.stdout.contains("would write Content/2025/_index.md"))
    #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Content/2025").path))
  }

  /// A document with Word's heading styles (written by pandoc from
  /// `Tests/Fixtures/Word/report-2024.html`): sections at level-1 headings, level-2 as
  /// `##`, the title from the document's properties, a numbered list kept, a captioned
  /// table; every sentence and figure of the source reaches the built pages.
  @Test func aReportWithHeadingStylesRoundTrips() async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let run = try site.importWord("report-2024.docx", report: "2023")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Imported 2 articles and 1 dataset into Content/2023/ (0 warnings)"))
    let read = site.source
    #expect(try read("Content/2023/_index.md").hasPrefix("---\ntitle: 平湖市科技局2024年工作总结\n"))
    #expect(
      try read("Content/2023/平台提效.md").hasSuffix(
        """
        全年新增省级重点实验室**2家**，省级企业研究院**5家**，科研平台能级进一步提升。

        ## 科研平台

        市科技局推动企业与高校院所共建平台，重点做好以下工作：

        1. 完善平台绩效评价办法；
        2. 落实平台建设补助资金。

        ```chart
        type: table
        data: 2023-table-1
        title: 2024年科技投入情况
        ```

        """))
    #expect(try read("Content/2023/人才汇聚.md").hasSuffix("weight: 2\n---\n全年引进高层次人才*100人*，外国人才服务持续优化。\n"))
    _ = try await site.build()
    let pages = try ["2023/index.html", "2023/平台提效/index.html", "2023/人才汇聚/index.html"].map { try site.read($0) }
      .joined()
    let source = try String(
      contentsOf: FixtureSite.repository.appendingPathComponent("Tests/Fixtures/Word/report-2024.html"),
      encoding: .utf8)
    let shown = pages.replacing(/<[^>]+>/, with: "")
    let sentences = source.matches(of: /<(?:p|li|td)>(.+?)<\/(?:p|li|td)>/).map {
      String($0.1).replacing(/<[^>]+>/, with: "")
    }
    #expect(sentences.count == 12)
    for text in sentences { #expect(shown.contains(text), "\(text) is on the imported pages") }
  }

  /// Pictures one after another, the first without a caption: each is kept.
  @Test func picturesInARowAreEachKept() {
    let picture = { (name: String) in PandocDocument.Block.paragraph([.image([], url: "/tmp/media/\(name)")]) }
    let document = PandocDocument(blocks: [
      .paragraph([.text("一、平台建设")]), picture("image1.png"), picture("image2.png"),
      .paragraph([.text("图2 实验室")]),
    ])
    let result = WordImport.plan(document, options: .init(document: "a.docx", report: "2025", date: "2026-01-20"))
    #expect(result.images.map(\.path) == ["Content/assets/2025/image1.png", "Content/assets/2025/image2.png"])
    #expect(
      result.files.first { $0.path == "Content/2025/平台建设.md" }?.text.hasSuffix(
        "![平台建设配图](../assets/2025/image1.png)\n\n![图2 实验室](../assets/2025/image2.png)\n") == true)
    #expect(result.warnings.map(\.location.description) == ["Content/2025/平台建设.md:6:1"])
  }

  /// A `单位：万元` line above a table, or `（单位：万元）` ending its caption, is the unit of
  /// its figures: kept as the CSV's unit line, which the build reads.
  @Test(arguments: [
    ["表2 科技资金兑现情况", "单位：万元"], ["单位：万元", "表2 科技资金兑现情况"], ["表2 科技资金兑现情况（单位：万元）"],
  ])
  func aUnitLineIsTheTablesUnit(lines: [String]) throws {
    let cell = { (text: String) in
      PandocDocument.Table.Cell(rowSpan: 1, columnSpan: 1, blocks: [.paragraph([.text(text)])])
    }
    let table = PandocDocument.Table(head: [[cell("项目"), cell("金额")]], body: [[cell("科发资金"), cell("5993.92")]])
    let document = PandocDocument(
      blocks: [.paragraph([.text("一、生态增能")])] + lines.map { .paragraph([.text($0)]) } + [.table(table)])
    let result = WordImport.plan(document, options: .init(document: "a.docx", report: "2025", date: "2026-01-20"))
    let files = Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.text) })
    #expect(files["Content/data/2025-table-1.csv"] == "单位：万元\n项目,金额\n科发资金,5993.92\n")
    #expect(files["Content/data/2025-table-1.meta.yml"] == "title: 科技资金兑现情况\n")
    #expect(files["Content/2025/生态增能.md"]?.contains("单位") == false)
  }

  /// A citation and a span (pandoc's JSON for `见[@doe]与[标注]{.x}。`) read as their text.
  @Test func citationsAndSpansReadAsText() throws {
    let json = #"""
      {"pandoc-api-version":[1,22,2,1],"meta":{},"blocks":[{"t":"Para","c":[{"t":"Str","c":"见"},{"t":"Cite","c":[[{"citationId":"doe","citationPrefix":[],"citationSuffix":[],"citationMode":{"t":"NormalCitation"},"citationNoteNum":1,"citationHash":0}],[{"t":"Str","c":"[@doe]"}]]},{"t":"Str","c":"与"},{"t":"Span","c":[["",["x"],[]],[{"t":"Str","c":"标注"}]]},{"t":"Str","c":"。"}]}]}
      """#
    let result = try #require(
      WordImport.plan(
        pandocJSON: Data(json.utf8), options: .init(document: "a.docx", report: "2025", date: "2026-01-20")))
    #expect(result.files.first?.text.hasSuffix("---\n见\\[@doe\\]与标注。\n") == true, "\(result.files)")
  }

  /// A document under review (`tracked.md` written to Word by pandoc): changes accepted,
  /// the comment left out but not its range, and a warning counting each.
  @Test func trackedChangesAreAcceptedAndCommentsLeftOut() throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let run = try site.importWord("tracked.docx", report: "2023")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stderr.contains(
        "tracked.docx: warning: 4 tracked changes accepted (2 insertions, 2 deletions); check that the imported text is the final one"
      ))
    #expect(
      run.stderr.contains("tracked.docx: warning: 1 comment left out; read it in Word or WPS before publishing"))
    let read = site.source
    #expect(try read("Content/2023/平台提效.md").hasSuffix("---\n全年新建省级重点实验室3家，完成目标任务。\n\n新增省级企业研究院5家。\n"))
    #expect(try read("Content/2023/人才汇聚.md").hasSuffix("---\n引进高层次人才100人。\n"))
  }

  /// Word's table of contents and links to its bookmarks (`contents.md` written to Word by
  /// pandoc): the contents are left out, with a warning, so their 一、 entries start no
  /// section; a cross-reference keeps its text; the site builds without a broken link.
  @Test func aTableOfContentsAndBookmarkLinksDoNotBreakTheSite() async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let run = try site.importWord("contents.docx", report: "2023")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Imported 2 articles and 0 datasets into Content/2023/ (1 warning)"))
    #expect(
      run.stderr.contains(
        "contents.docx: warning: the table of contents (2 entries) is left out: the site lists the articles itself"))
    #expect(try site.source("Content/2023/_index.md").hasSuffix("---\n"))
    #expect(
      try site.source("Content/2023/平台提效.md").hasSuffix(
        "---\n全年新建省级重点实验室2家，详见主体培育一节和[市科技局网站](https://www.pinghu.gov.cn/)。\n"))
    let summary = try await site.build()
    #expect(summary.diagnostics.filter { $0.severity == .error }.isEmpty)
  }

  @Test func aMissingPandocIsOneLineWithTheInstallCommand() throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let document = FixtureSite.repository.appendingPathComponent("Tests/Fixtures/Word/report.docx")
    let run = try CLI.runCommand(
      "/usr/bin/env",
      [
        "PATH=/nonexistent", CLI.executable.path, "import", document.path, "--report", "2025", "--root", site.root.path,
      ],
      in: site.root)
    #expect(run.status == 1)
    #expect(run.stderr == "error: pandoc is not installed; install it with: apt-get install -y pandoc\n")
    #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Content/2025").path))
  }

  @Test(arguments: ["doc", "wps"])
  func anOldFormatDocumentIsOneClearError(kind: String) throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    try site.writeBytes("总结.\(kind)", [0xD0, 0xCF, 0x11, 0xE0])
    let run = try CLI.run(["import", "总结.\(kind)", "--report", "2025", "--root", site.root.path], in: site.root)
    #expect(run.status != 0)
    #expect(run.stderr.contains("is an old-format document (.\(kind)); open it in Word or WPS and save it as"))
  }
}

extension FixtureSite {
  /// `yearbook import` of a document in `Tests/Fixtures/Word/` into this site.
  func importWord(_ name: String, report: String, date: String = "2025-01-20") throws -> CLI.Result {
    let document = FixtureSite.repository.appendingPathComponent("Tests/Fixtures/Word/\(name)")
    return try CLI.run(
      ["import", document.path, "--report", report, "--date", date, "--root", root.path], in: root)
  }

  /// A file the import wrote, relative to the project root.
  func source(_ path: String) throws -> String {
    try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
  }
}
