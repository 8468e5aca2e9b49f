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

/// The preview is the build: random sequences of the edits an editor makes (text, title,
/// date, tags, slugs, drafts, new, deleted and renamed articles, reports and datasets, a
/// broken and then mended `site.yml`, charts pointing at renamed data), each saved to disk,
/// seen by the file watcher and rebuilt by the preview, then compared with a fresh
/// `build` of the same files: the same files byte for byte, or the same errors.
///
/// `YEARBOOK_PREVIEW_SEQUENCES`, `YEARBOOK_PREVIEW_STEPS` and `YEARBOOK_PREVIEW_SEED` run more or other sequences.
@Suite struct PreviewSequenceTests {
  static let environment = ProcessInfo.processInfo.environment
  static let sequences = environment["YEARBOOK_PREVIEW_SEQUENCES"].flatMap(Int.init) ?? 8
  static let steps = environment["YEARBOOK_PREVIEW_STEPS"].flatMap(Int.init) ?? 14
  static let seed = environment["YEARBOOK_PREVIEW_SEED"].flatMap(UInt64.init) ?? 2026

  @Test(arguments: Array(0..<sequences))
  func everySaveLeavesThePreviewEqualToAFreshBuild(sequence: Int) async throws {
    var editor = try SiteEditor(seed: Self.seed &+ UInt64(sequence) &* 0x9E37_79B9)
    defer { editor.site.remove() }
    let preview = PreviewSite(options: SiteBuilder.Options(root: editor.site.root))
    #expect(preview.buildAll().succeeded)
    let watcher = try FileWatcher(root: editor.site.root, folders: ["Content", "Templates"])
    var history: [String] = []
    for step in 1...Self.steps {
      history.append(try editor.randomEdit())
      let changed = try #require(watcher.nextChanges())
      _ = preview.rebuild(changed: changed)
      let context = "sequence \(sequence), step \(step), after: \(history.joined(separator: "; "))"
      let built = await editor.site.failingBuild()
      if built.hasErrors {
        #expect(
          Set(preview.errors.map(\.description)) == Set(built.filter { $0.severity == .error }.map(\.description)),
          "\(context)")
        continue
      }
      #expect(preview.errors.isEmpty, "\(context): \(preview.errors)")
      let full = try editor.site.snapshot()
      let served = Set(preview.outputPaths.map(\.value))
      #expect(
        served == Set(full.keys),
        "\(context): only served \(served.subtracting(full.keys).sorted()), only built \(Set(full.keys).subtracting(served).sorted())"
      )
      let different = full.keys.filter { preview.file(at: OutputPath($0)) != full[$0] }.sorted()
      #expect(different.isEmpty, "\(context): \(different)")
      try? FileManager.default.removeItem(at: editor.site.output)
    }
  }
}

/// A small site the test edits the way an editor does, keeping its own account of what is
/// on disk so each edit can pick a file that exists.
private struct SiteEditor {
  struct Article {
    var title: String
    var date: Int
    var tags: [String]
    var slug: String?
    var draft = false
    var paragraphs: [String]
    /// File names of the articles in the same report it links to.
    var links: [String]
    var chart: String?
    /// Front matter YAML cannot read, until the editor mends it.
    var broken = false

    var text: String {
      var lines = ["---", broken ? "title: [\(title)" : "title: \(title)", "date: 2025-\(Self.monthDay(date))"]
      lines.append("tags: [\(tags.joined(separator: ", "))]")
      if let slug { lines.append("slug: \(slug)") }
      if draft { lines.append("draft: true") }
      lines += ["---", ""]
      lines += paragraphs.flatMap { [$0, ""] }
      for link in links { lines += ["另见[相关工作](\(link))。", ""] }
      if let chart {
        lines += ["```chart", "type: column", "data: \(chart)", "y: v", "title: 数量", "```", ""]
      }
      return lines.joined(separator: "\n")
    }

    static func monthDay(_ day: Int) -> String {
      let month = 1 + day / 28
      return String(format: "%02d-%02d", month, 1 + day % 28)
    }
  }

  let site: FixtureSite
  var generator: SplitMix
  var counter = 0
  /// Report folder → its articles by file name.
  var reports: [String: [String: Article]] = [:]
  var datasets: [String: [Int]] = [:]
  var siteBroken = false

  init(seed: UInt64) throws {
    generator = SplitMix(state: seed)
    var files = FixtureSite.minimal
    files = files.filter { !$0.key.hasPrefix("Content/2024/") || $0.key.hasSuffix("_index.md") }
    site = try FixtureSite(files)
    datasets["d"] = [1, 2]
    try writeDataset("d")
    reports["2024"] = [
      "platforms.md": Article(
        title: "平台建设", date: 20, tags: ["科创平台"], paragraphs: ["平台建设取得进展。"], links: ["talent.md"]),
      "talent.md": Article(
        title: "人才工作", date: 21, tags: ["人才"], paragraphs: ["引进人才100人。"], links: ["platforms.md"], chart: "d"),
    ]
    for (name, article) in reports["2024"]! { try site.write("Content/2024/\(name)", article.text) }
  }

  mutating func next(_ range: Range<Int>) -> Int { Int.random(in: range, using: &generator) }
  mutating func pick<T>(_ values: [T]) -> T { values[next(0..<values.count)] }
  mutating func fresh(_ prefix: String) -> String {
    counter += 1
    return "\(prefix)\(counter)"
  }

  /// One edit, saved; returns what it did for the failure message.
  mutating func randomEdit() throws -> String {
    let kinds = [
      "text", "text", "title", "date", "tags", "slug", "draft", "new article", "delete article", "rename article",
      "mend links", "new report", "delete report", "new dataset", "rename dataset", "chart", "data", "site.yml",
      "break article",
    ]
    while true {
      if let done = try edit(pick(kinds)) { return done }
    }
  }

  /// Does the edit of `kind`, or returns nil when the site has nothing it applies to.
  private mutating func edit(_ kind: String) throws -> String? {
    let folder = pick(reports.keys.sorted())
    let names = reports[folder]!.keys.sorted()
    let name = names.isEmpty ? nil : pick(names)
    let path = name.map { "Content/\(folder)/\($0)" }
    switch kind {
    case "text":
      guard let name, let path else { return nil }
      reports[folder]![name]!.paragraphs.append("新增内容\(fresh("第"))段。")
      try save(folder, name)
      return "text in \(path)"
    case "title":
      guard let name, let path else { return nil }
      reports[folder]![name]!.title = fresh("标题")
      try save(folder, name)
      return "title of \(path)"
    case "date":
      guard let name, let path else { return nil }
      reports[folder]![name]!.date = next(0..<80)
      try save(folder, name)
      return "date of \(path)"
    case "tags":
      guard let name, let path else { return nil }
      let tags = ["人才", "科创平台", "新标签", "成果转化"].filter { _ in next(0..<2) == 0 }
      reports[folder]![name]!.tags = tags
      try save(folder, name)
      return "tags \(tags) on \(path)"
    case "slug":
      guard let name, let path else { return nil }
      let slug = next(0..<3) == 0 ? nil : fresh("page-")
      reports[folder]![name]!.slug = slug
      try save(folder, name)
      return "slug \(slug ?? "none") on \(path)"
    case "draft":
      guard let name, let path else { return nil }
      reports[folder]![name]!.draft.toggle()
      try save(folder, name)
      return "draft \(reports[folder]![name]!.draft) on \(path)"
    case "new article":
      let newName = fresh("article-") + ".md"
      reports[folder]![newName] = Article(
        title: fresh("新文章"), date: next(0..<80), tags: next(0..<2) == 0 ? ["人才"] : [],
        paragraphs: ["新文章正文。"], links: name.map { [$0] } ?? [],
        chart: next(0..<3) == 0 ? pick(datasets.keys.sorted()) : nil)
      try save(folder, newName)
      return "new Content/\(folder)/\(newName)"
    case "break article":
      guard let name, let path else { return nil }
      reports[folder]![name]!.broken = true
      try save(folder, name)
      return "broke the front matter of \(path)"
    case "delete article":
      guard let name, let path else { return nil }
      reports[folder]![name] = nil
      try FileManager.default.removeItem(at: site.root.appendingPathComponent(path))
      return "deleted \(path)"
    case "rename article":
      guard let name, let path else { return nil }
      let newName = fresh("renamed-") + ".md"
      reports[folder]![newName] = reports[folder]![name]
      reports[folder]![name] = nil
      try FileManager.default.moveItem(
        at: site.root.appendingPathComponent(path), to: site.root.appendingPathComponent("Content/\(folder)/\(newName)")
      )
      return "renamed \(path) to \(newName)"
    case "mend links":
      // The editor fixes what the last deletions and renames broke, in one save per file.
      var mended: [String] = []
      for (other, article) in reports[folder]! {
        let links = article.links.filter { reports[folder]![$0] != nil }
        let chart = article.chart.flatMap { datasets[$0] == nil ? pick(datasets.keys.sorted()) : $0 }
        guard links != article.links || chart != article.chart || article.broken else { continue }
        reports[folder]![other]!.links = links
        reports[folder]![other]!.chart = chart
        reports[folder]![other]!.broken = false
        try save(folder, other)
        mended.append(other)
      }
      return mended.isEmpty ? nil : "mended links, charts and front matter in \(folder): \(mended.sorted())"
    case "new report":
      let year = String(2000 + next(10..<30))
      guard reports[year] == nil else { return nil }
      try site.write(
        "Content/\(year)/_index.md",
        "---\ntitle: \(year)年度报告\ndate: \(Int(year)! + 1)-01-\(10 + next(0..<18))\nsummary: 报告摘要。\n---\n报告正文。\n")
      reports[year] = [:]
      return "new report \(year)"
    case "delete report":
      guard reports.count > 1 else { return nil }
      reports[folder] = nil
      try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/\(folder)"))
      return "deleted report \(folder)"
    case "new dataset":
      let id = fresh("data-")
      datasets[id] = [next(1..<100), next(1..<100)]
      try writeDataset(id)
      return "new dataset \(id)"
    case "rename dataset":
      let id = pick(datasets.keys.sorted())
      let newID = fresh("renamed-data-")
      datasets[newID] = datasets[id]
      datasets[id] = nil
      try FileManager.default.moveItem(
        at: site.root.appendingPathComponent("Content/data/\(id).yml"),
        to: site.root.appendingPathComponent("Content/data/\(newID).yml"))
      return "renamed dataset \(id) to \(newID)"
    case "chart":
      guard let name, let path else { return nil }
      let chart = next(0..<3) == 0 ? nil : pick(datasets.keys.sorted())
      reports[folder]![name]!.chart = chart
      try save(folder, name)
      return "chart \(chart ?? "removed") in \(path)"
    case "data":
      let id = pick(datasets.keys.sorted())
      datasets[id]![next(0..<2)] = next(1..<1000)
      try writeDataset(id)
      return "values of \(id)"
    case "site.yml":
      let text = try String(contentsOf: site.root.appendingPathComponent("Content/site.yml"), encoding: .utf8)
      siteBroken.toggle()
      try site.write(
        "Content/site.yml",
        siteBroken
          ? text.replacingOccurrences(of: "title: 测试年报", with: "title: [测试年报")
          : text.replacingOccurrences(of: "title: [测试年报", with: "title: 测试年报"))
      return siteBroken ? "broke site.yml" : "mended site.yml"
    default:
      Issue.record("unknown edit \(kind)")
      return kind
    }
  }

  private func save(_ folder: String, _ name: String) throws {
    try site.write("Content/\(folder)/\(name)", reports[folder]![name]!.text)
  }

  private func writeDataset(_ id: String) throws {
    let values = datasets[id]!
    try site.write(
      "Content/data/\(id).yml",
      "title: 数据\(id)\ncolumns:\n  - {name: year}\n  - {name: v, unit: 家}\nrows:\n  - {year: 2023, v: \(values[0])}\n  - {year: 2024, v: \(values[1])}\n"
    )
  }
}
