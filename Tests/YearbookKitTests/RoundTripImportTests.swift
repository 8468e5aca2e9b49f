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

/// The default site's whole 2024 report as a bureau holds it, made by
/// `Tests/Fixtures/Word/make_round_trip.py` from the report's built pages: a Word document
/// written by LibreOffice (sections numbered 一、 and （一）, every chart as a table under a
/// 表N line, a merged header, a 单位 line, a captioned picture, bold ending in a comma) and
/// a workbook of two sheets written by openpyxl. Imported, every sentence and every figure
/// of the source comes back.
@Suite struct RoundTripImportTests {
  static let folder = FixtureSite.repository.appendingPathComponent("Tests/Fixtures/Word")

  /// The source document's HTML, before LibreOffice turned it into Word.
  static func source() throws -> String {
    try String(contentsOf: folder.appendingPathComponent("report-2024-full.html"), encoding: .utf8)
  }

  static func text(_ html: some StringProtocol) -> String {
    String(html).replacing(/<[^>]+>/, with: "").replacingOccurrences(of: "&amp;", with: "&")
      .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
  }

  /// The source cut at its `一、` lines: the report's opening, then each article.
  static func sections(_ source: String) -> [(title: String, body: String)] {
    let body = source.firstMatch(of: /<body>(.*)<\/body>/.dotMatchesNewlines())!.1
    var sections: [(title: String, body: String)] = [("", "")]
    for part in body.split(separator: /(?=<p><b>[一二三四五六七八九十]+、)/) {
      if let match = part.firstMatch(of: /^<p><b>[一二三四五六七八九十]+、(.+?)<\/b><\/p>/) {
        sections.append((text(match.1), String(part[match.range.upperBound...])))
      } else {
        sections[0].body += part
      }
    }
    return sections
  }

  static func site() throws -> FixtureSite {
    try FixtureSite(FixtureSite.minimal.filter { !$0.key.hasPrefix("Content/2024/") })
  }

  @Test func theWholeReportComesBackFromWord() async throws {
    let site = try Self.site()
    defer { site.remove() }
    let run = try site.importWord("report-2024-full.docx", report: "2024")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Imported 5 articles and 8 datasets, 1 image into Content/2024/ (1 warning)"))
    // The one warning names the merged header for the editor to check.
    #expect(
      run.stderr.contains(
        "Content/data/2024-table-3.csv: warning: table 3 (2024年企业研发机构申报数与新增数): merged cells “研发机构类别” over 2 rows and 1 column; “2024年” over 1 row and 2 columns"
      ))
    let names = try FileManager.default.contentsOfDirectory(
      atPath: site.root.appendingPathComponent("Content/2024").path)
    #expect(Set(names) == ["_index.md", "平台提效.md", "主体培育.md", "人才汇聚.md", "生态增能.md", "2025年工作思路.md"])

    let summary = try await site.build()
    #expect(summary.diagnostics.isEmpty, "\(summary.diagnostics.map(\.description))")

    let sections = Self.sections(try Self.source())
    #expect(sections.count == 6)
    let pages = ["2024/index.html"] + ["平台提效", "主体培育", "人才汇聚", "生态增能", "2025年工作思路"].map { "2024/\($0)/index.html" }
    var tableNumber = 0
    var paragraphs = 0
    var subheadings = 0
    for (section, path) in zip(sections, pages) {
      let page = try site.read(path)
      let shown = Self.text(page)
      if !section.title.isEmpty { #expect(page.contains("<h1>\(section.title)</h1>"), "\(path)") }
      // Every paragraph and list item, as text: the 表N, 单位 and 图N lines are the
      // tables' and picture's own; （一） lines are subheadings.
      for block in section.body.matches(of: /<(p|li)( [^>]*)?>(.+?)<\/\1>/) {
        let text = Self.text(block.3)
        if text.firstMatch(of: /^(表\d|图\d|单位：)/) != nil || block.3.contains("<img") { continue }
        if let heading = text.firstMatch(of: /^（[一二三四五六七八九十]+）(.+)$/) {
          #expect(page.contains(">\(heading.1)</h2>"), "\(path): subheading \(heading.1)")
          subheadings += 1
        } else {
          #expect(shown.contains(text), "\(path): \(text)")
          paragraphs += 1
        }
      }
      // Every table's figures, cell for cell, in its dataset and on the page.
      for table in section.body.matches(of: /<table[^>]*>(.+?)<\/table>/.dotMatchesNewlines()) {
        tableNumber += 1
        let csv = try site.source("Content/data/2024-table-\(tableNumber).csv")
        let dataRows = csv.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("单位：") }.dropFirst()
        let tbody = try #require(table.1.firstMatch(of: /<tbody>(.+?)<\/tbody>/.dotMatchesNewlines())).1
        let bodyRows = tbody.matches(of: /<tr>(.+?)<\/tr>/).map { row in
          row.1.matches(of: /<t[hd]>(.*?)<\/t[hd]>/).map { Self.text($0.1) }
        }
        #expect(bodyRows.map { $0.joined(separator: ",") } == Array(dataRows), "table \(tableNumber)")
        for cell in bodyRows.joined() { #expect(shown.contains(cell), "\(path): table \(tableNumber) cell \(cell)") }
      }
    }
    #expect((paragraphs, subheadings, tableNumber) == (67, 14, 8))

    // The header merged across and down is read as combined column names; the 单位 line is
    // the unit of the table's figures.
    let merged = try site.source("Content/data/2024-table-3.csv")
    #expect(merged.hasPrefix("研发机构类别,2024年申报数（家）,2024年新增数（家）\n嘉兴市级研发中心,23,18\n"))
    let funds = try site.read("2024/生态增能/index.html")
    #expect(funds.contains("<th scope=\"col\">数值（万元）</th>"))
    #expect(funds.contains("<th scope=\"row\">兑现科发资金</th><td class=\"yb-num\">5993.92</td>"))
    // Bold that ends in a comma stays bold; the picture keeps its caption as its text.
    #expect(try site.read("2024/index.html").contains("<strong>从全年结果看，</strong>2个科创强基重大项目"))
    #expect(
      try site.read("2024/平台提效/index.html").contains(
        "<img src=\"/assets/2024/image1.png\" alt=\"图1 596长三角创新中心投入使用\">"))
  }

  /// Rows of the source dataset as `name,value` lines.
  static func sourceRows(_ dataset: String, _ pattern: Regex<(Substring, Substring, Substring)>) throws -> [String] {
    let yaml = try String(
      contentsOf: FixtureSite.repository.appendingPathComponent("Content/data/\(dataset).yml"), encoding: .utf8)
    return yaml.matches(of: pattern).map { "\($0.1),\($0.2)" }
  }

  @Test func theReportsFiguresComeBackFromExcel() async throws {
    let site = try Self.site()
    defer { site.remove() }
    let workbook = try Data(contentsOf: Self.folder.appendingPathComponent("科技指标2024.xlsx"))
    try site.writeBytes("Content/data/科技指标2024.xlsx", [UInt8](workbook))
    try site.write(
      "Content/2024/_index.md",
      """
      ---
      title: 2024年度报告
      date: 2025-01-20
      ---
      全年研发机构情况如下。

      ```chart
      type: grouped
      data: 科技指标2024/研发机构
      x: 研发机构类别
      y: [2024年申报数（家）, 2024年新增数（家）]
      title: 2024年企业研发机构申报数与新增数
      ```

      """)
    let summary = try await site.build()
    #expect(summary.diagnostics.filter { $0.severity == .error }.isEmpty)

    // Every figure of the two source datasets, as the sheets' CSV downloads give them.
    // The downloads end their lines in CRLF, as spreadsheet programs expect.
    let indicators = try site.read("data/科技指标2024/主要指标.csv").replacingOccurrences(of: "\r\n", with: "\n")
    let expected = try Self.sourceRows("figures-2024", /indicator: ([^,]+), value: ([0-9.]+),/)
    #expect(expected.count == 47)
    for row in expected { #expect(indicators.contains("\n\(row),"), "\(row)") }
    let institutions = try site.read("data/科技指标2024/研发机构.csv").replacingOccurrences(of: "\r\n", with: "\n")
    #expect(institutions.contains("研发机构类别,2024年申报数（家）,2024年新增数（家）\n"))
    let rows = try Self.sourceRows(
      "rd-institutions-2024", /category: ([^,]+), applied: (\d+), added: \d+/)
    let added = try Self.sourceRows("rd-institutions-2024", /category: ([^,]+), applied: \d+, added: (\d+)/)
    for (row, new) in zip(rows, added) {
      #expect(institutions.contains("\n\(row),\(new.split(separator: ",")[1])\n"), "\(row)")
    }
    // The chart drawn from a sheet shows the source's figures.
    let page = try site.read("2024/index.html")
    for figure in ["23", "18", "13", "5"] { #expect(page.contains("<td class=\"yb-num\">\(figure)</td>"), "\(figure)") }
  }
}
