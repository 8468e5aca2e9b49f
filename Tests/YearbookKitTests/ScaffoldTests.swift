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

/// `yearbook init` and `yearbook new`.
@Suite struct ScaffoldTests {
  static func temporaryFolder() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("yearbook-init-\(UUID().uuidString)")
  }

  @Test func theEmbeddedThemeIsTheRepositorysTemplatesFolder() throws {
    let templates = FixtureSite.repository.appendingPathComponent("Templates")
    var onDisk: [String: String] = [:]
    let enumerator = try #require(FileManager.default.enumerator(atPath: templates.path))
    while let path = enumerator.nextObject() as? String {
      var isDirectory: ObjCBool = false
      let url = templates.appendingPathComponent(path)
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
        !url.lastPathComponent.hasPrefix(".")
      else { continue }
      onDisk[path] = try String(contentsOf: url, encoding: .utf8)
    }
    #expect(onDisk.keys.sorted() == DefaultTheme.files.keys.sorted(), "run scripts/embed-theme.py")
    for (path, text) in onDisk { #expect(DefaultTheme.files[path] == text, "\(path): run scripts/embed-theme.py") }
  }

  @Test func initMakesASiteThatBuildsAsDraftsAndIsNotPublishedWithItsExamples() async throws {
    let folder = Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let today = ContentDate("2025-03-01")!
    let files = try SiteScaffold.initialize(folder, today: today)
    #expect(files.contains("Content/site.yml") && files.contains("Content/2025/overview.md"))
    #expect(files.contains("Content/data/indicators.csv") && files.contains("Templates/layout.mustache"))

    // With --drafts (as the preview shows it), the sample report builds; each example is a warning.
    let drafts = try await SiteBuilder.build(SiteBuilder.Options(root: folder, includeDrafts: true))
    #expect(drafts.diagnostics.allSatisfy { $0.severity == .warning }, "\(drafts.diagnostics)")
    #expect(drafts.diagnostics.contains { $0.location.file == "Content/2025/_index.md" })
    #expect(drafts.chartCount == 1)
    let page = try String(
      contentsOf: folder.appendingPathComponent("Output/2025/overview/index.html"), encoding: .utf8)
    #expect(page.contains("<strong>加粗的内容。</strong>后面"))
    #expect(page.contains("<data class=\"yb-figure\" value=\"10.1\">10.1亿元</data>"))
    #expect(page.contains("<table class=\"yb-table yb-md-table\">"))
    let settings = try String(contentsOf: folder.appendingPathComponent("Content/site.yml"), encoding: .utf8)
    for key in ["organizer:", "site_code:", "icp:", "police_record:", "address:", "postcode:", "phone:", "email:"] {
      #expect(settings.contains(key), "\(key)")
    }

    // Published, every example left is an error at its place; the draft report is left out.
    let refused = await Self.failingBuild(folder)
    #expect(refused.allSatisfy { $0.severity == .error })
    #expect(
      refused.map { "\($0.location.file):\($0.location.line ?? 0)" } == [
        "Content/data/indicators.meta.yml:2", "Content/data/indicators.meta.yml:3", "Content/site.yml:3",
        "Content/site.yml:11", "Content/site.yml:13", "Content/site.yml:25", "Content/site.yml:27",
        "Content/site.yml:35", "Content/site.yml:37",
      ])
    #expect(
      refused.contains { $0.message.english.hasPrefix("site_code 0000000000 is the sample yearbook init writes") })

    // Once they are replaced the site publishes; a new report's own examples are refused in turn.
    for file in ["Content/site.yml", "Content/data/indicators.meta.yml"] {
      let url = folder.appendingPathComponent(file)
      try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "待填写", with: "平湖市科学技术局")
        .replacingOccurrences(of: "待替换", with: "2025年").replacingOccurrences(
          of: "\"0000000000\"", with: "\"3304820001\""
        ).write(to: url, atomically: true, encoding: .utf8)
    }
    _ = try await SiteBuilder.build(SiteBuilder.Options(root: folder))
    #expect(try SiteScaffold.newReport("2024", root: folder, today: today) == "Content/2024/_index.md")
    let report = await Self.failingBuild(folder)
    #expect(Set(report.map(\.location.file)) == ["Content/2024/_index.md"])
    #expect(report.map { $0.location.line ?? 0 } == [5, 8, 8, 10])
    let reportURL = folder.appendingPathComponent("Content/2024/_index.md")
    try String(contentsOf: reportURL, encoding: .utf8).replacingOccurrences(of: "（待填写）", with: "")
      .write(to: reportURL, atomically: true, encoding: .utf8)
    let published = try await SiteBuilder.build(SiteBuilder.Options(root: folder))
    #expect(published.diagnostics.isEmpty, "\(published.diagnostics)")
    let home = try String(contentsOf: folder.appendingPathComponent("Output/index.html"), encoding: .utf8)
    #expect(home.contains("2024年度科技创新工作报告") && !home.contains("示例"))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output/2025").path))
  }

  /// The errors of a build of `folder` expected to fail.
  static func failingBuild(_ folder: URL) async -> [Diagnostic] {
    do {
      _ = try await SiteBuilder.build(SiteBuilder.Options(root: folder))
      return []
    } catch {
      return error.diagnostics
    }
  }

  @Test func initRefusesAFolderThatIsNotEmpty() throws {
    let folder = Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data("笔记".utf8).write(to: folder.appendingPathComponent("notes.txt"))
    #expect {
      try SiteScaffold.initialize(folder)
    } throws: { error in
      "\(error)".contains("is not empty (it holds notes.txt); choose a new or empty folder")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
  }

  @Test func newReportAndArticleFillTheTemplatesAndNeverOverwrite() throws {
    let folder = Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let today = ContentDate("2025-03-01")!
    _ = try SiteScaffold.initialize(folder, today: today)
    #expect(try SiteScaffold.newReport("2026", root: folder, today: today) == "Content/2026/_index.md")
    #expect(try SiteScaffold.newArticle("2026/talent", root: folder, today: today) == "Content/2026/talent.md")
    #expect(try SiteScaffold.newArticle("2026/platforms", root: folder, today: today) == "Content/2026/platforms.md")
    let article = try String(contentsOf: folder.appendingPathComponent("Content/2026/platforms.md"), encoding: .utf8)
    #expect(article.contains("date: 2025-03-01\n") && article.contains("weight: 2\n"))
    let report = try String(contentsOf: folder.appendingPathComponent("Content/2026/_index.md"), encoding: .utf8)
    #expect(report.contains("title: 2026年度科技创新工作报告\n") && report.contains("period: \"2026\"\n"))
    #expect(report.contains("date: 2026-12-31\n"), "a report is dated by the end of the period it names")
    #expect(SiteScaffold.reportDate(for: "2016-2020", today: today) == (ContentDate("2020-12-31")!, true))
    #expect(SiteScaffold.reportDate(for: "kjzx", today: today) == (today, false))
    let before = try Data(contentsOf: folder.appendingPathComponent("Content/2026/talent.md"))
    #expect {
      try SiteScaffold.newArticle("2026/talent", root: folder, today: today)
    } throws: { "\($0)" == "Content/2026/talent.md already exists; nothing was changed" }
    #expect(try Data(contentsOf: folder.appendingPathComponent("Content/2026/talent.md")) == before)
    #expect {
      try SiteScaffold.newArticle("2030/x", root: folder, today: today)
    } throws: { "\($0)".contains("yearbook new report 2030") }
  }

  @Test func theCommandsSayWhatTheyDid() throws {
    let folder = Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let made = try CLI.run(["init", folder.path], in: FileManager.default.temporaryDirectory)
    #expect(made.status == 0)
    #expect(made.stdout.contains("Created a site in \(folder.path)"))
    let report = try CLI.run(["new", "report", "2030"], in: folder)
    #expect(report.status == 0)
    #expect(
      report.stdout
        == "Content/2030/_index.md\ndate: 2030-12-31, the end of the period 2030; change it to the day the report is published\n"
    )
    let again = try CLI.run(["new", "report", "2030"], in: folder)
    #expect(again.status == 1)
    #expect(again.stderr == "error: Content/2030/_index.md already exists; nothing was changed\n")
    let published = try CLI.run(["build"], in: folder)
    #expect(published.status == 1)
    #expect(published.stderr.contains("Content/site.yml:27:14: error: site_code 0000000000 is the sample"))
    #expect(published.stderr.contains("Content/2030/_index.md:5:"))
    #expect(try CLI.run(["build", "--drafts"], in: folder).status == 0)
  }
}
