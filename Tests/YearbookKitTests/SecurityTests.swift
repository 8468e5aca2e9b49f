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

/// XSS payloads pushed through every field a site has: nothing in the output may be
/// executable markup that the content put there.
@Suite struct SecurityTests {
  static let payloads = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "' onmouseover='alert(1)' x='",
    "javascript:alert(1)",
    "<svg onload=alert(1)>",
    "</title><script>alert(1)</script>",
    "\" autofocus onfocus=\"alert(1)",
    "<!--<script>-->",
    "]]><script>x</script>",
    "{{site.title}}{{{payload}}}",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<iframe src=//example.com>",
  ]

  /// A YAML double-quoted scalar holding `text`.
  static func yaml(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }

  static func site(with payload: String) -> [String: String] {
    let p = yaml(payload)
    return [
      "Content/site.yml": """
      title: \(p)
      description: \(p)
      publisher: \(p)
      footer: {organizer: \(p), site_code: \(p), icp: \(p), police_record: \(p), contact: \(p)}
      """,
      "Content/2024/_index.md": """
      ---
      title: \(p)
      date: 2025-01-20
      period: \(p)
      summary: \(p)
      key_figures:
        - {label: \(p), value: \(p), unit: \(p), note: \(p)}
      ---
      \(payload)

      ```chart
      type: kpi
      data: evil
      x: k
      y: v
      rows: [\(p)]
      title: \(p)
      note: \(p)
      ```
      """,
      "Content/2024/a.md": """
      ---
      title: \(p)
      date: 2025-01-21
      summary: \(p)
      byline: \(p)
      source: \(p)
      tags: [\(p), 普通]
      ---
      \(payload)

      [链接](javascript:alert(1)) [\(payload)](b.md) ![\(payload)](../assets/logo.svg)

      ## \(payload)

      \(payload.contains("}}") ? "" : "{{evil:v:\(payload)}}")

      ```chart
      type: bar
      data: evil
      x: k
      y: u
      title: \(p)
      source: \(p)
      unit: \(p)
      note: \(p)
      ```

      ```chart
      type: table
      data: evil
      x: k
      title: \(p)
      ```
      """,
      "Content/2024/b.md": "---\ntitle: b\ndate: 2025-01-22\n---\n正文\n",
      "Content/assets/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
      "Content/data/evil.yml": """
      title: \(p)
      source: \(p)
      note: \(p)
      columns:
        - {name: k, label: \(p)}
        - {name: v, label: \(p), unit: 家}
        - {name: t, label: \(p)}
        - {name: u, label: \(p)}
      rows:
        - {k: \(p), v: 3, t: \(p), u: 4}
        - {k: 正常, v: 5, t: \(p), u: 6}
      """,
    ]
  }

  @Test(arguments: SecurityTests.payloads)
  func payloadInEveryFieldStaysText(payload: String) async throws {
    let site = try FixtureSite(Self.site(with: payload))
    defer { site.remove() }
    let summary = try await site.build()
    #expect(summary.pageCount >= 8)
    var checked = 0
    for (path, data) in try site.snapshot()
    where path.hasSuffix(".html") || path.hasSuffix(".xml") || path.hasSuffix(".csv") {
      let text = String(decoding: data, as: UTF8.self)
      if path.hasSuffix(".csv") {
        continue  // plain text, served as text/csv
      }
      for tag in HTMLScanner.tags(in: text) {
        #expect(
          tag.isOwnScript(onPage: path) || !["script", "iframe", "object", "embed"].contains(tag.name),
          "\(path): <\(tag.name)>")
        for (name, value) in tag.attributes {
          #expect(!name.hasPrefix("on"), "\(path): <\(tag.name) \(name)=…>")
          if ["href", "src", "action", "formaction", "xlink:href"].contains(name) {
            #expect(!SyntaxTree.isScript(value), "\(path): \(name)=\(value)")
          }
        }
        checked += 1
      }
    }
    #expect(checked > 500)
  }

  /// A link inside `Content/` is published as the file it points to: the output never
  /// holds a symbolic link for a web server to follow.
  @Test func theOutputHoldsNoSymbolicLinks() async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    try site.write("Content/assets/report.txt", "年报附件")
    try site.symlink("Content/assets/latest.txt", to: "report.txt")
    try site.write("Content/_drafts/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
    try site.symlink("Content/assets/logo.svg", to: "../_drafts/logo.svg")
    _ = try await site.build()
    var links: [String] = []
    let enumerator = try #require(FileManager.default.enumerator(atPath: site.output.path))
    for case let path as String in enumerator {
      var status = stat()
      if lstat(site.output.appendingPathComponent(path).path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
        links.append(path)
      }
    }
    #expect(links.isEmpty)
    #expect(try site.read("assets/latest.txt") == "年报附件")
    #expect(try site.read("assets/logo.svg").hasPrefix("<svg"))
  }

  @Test func rawHTMLPassesOnlyWithTheOptIn() async throws {
    var files = FixtureSite.minimal
    files["Content/2024/talent.md"] = "---\ntitle: 人才\ndate: 2025-01-22\n---\n<div class=\"note\">原样</div>\n"
    let site = try FixtureSite(files)
    defer { site.remove() }
    _ = try await site.build()
    #expect(try site.read("2024/talent/index.html").contains("&lt;div class=&quot;note&quot;&gt;原样&lt;/div&gt;"))
    try site.write("Content/site.yml", "title: 测试\nunsafe_html: true\n")
    _ = try await site.build()
    #expect(try site.read("2024/talent/index.html").contains("<div class=\"note\">原样</div>"))
  }

  @Test func fileNamesThatCouldCarryMarkupAreRefused() async throws {
    var files = FixtureSite.minimal
    files["Content/2024/\"><svg onload=x>.md"] = "---\ntitle: x\ndate: 2025-01-22\n---\n正文\n"
    let site = try FixtureSite(files)
    defer { site.remove() }
    let diagnostics = await site.failingBuild()
    #expect(diagnostics.count == 1)
    #expect(
      diagnostics.first?.message.english.hasPrefix("file name \"\"><svg onload=x>\" may contain only letters") == true)
  }
}
