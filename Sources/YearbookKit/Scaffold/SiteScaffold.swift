import Foundation
import YearbookCore
import YearbookLoad
import YearbookModel

/// `yearbook init` and `yearbook new`: files a new site or a new report or article starts
/// from. Nothing existing is ever overwritten.
public enum SiteScaffold {
  public struct Failure: MessageError {
    public var message: Message
  }

  /// Writes a working site into `folder` (created if missing, refused if not empty):
  /// the starter content and the default theme. Returns the files written, relative.
  public static func initialize(_ folder: URL, today: ContentDate = .today) throws(Failure) -> [String] {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    if manager.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else { throw Failure(message: .folderIsFile(folder.path)) }
      let entries = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
      guard entries.isEmpty else {
        throw Failure(
          message: .folderNotEmpty(folder.path, holds: Array(entries.sorted().prefix(3)), more: entries.count > 3))
      }
    }
    var files = StarterSite.files(year: String(today.description.prefix(4)), today: today.description)
    for (path, text) in DefaultTheme.files { files["Templates/\(path)"] = text }
    for (path, text) in files.sorted(by: { $0.key < $1.key }) {
      try write(text, to: folder.appendingPathComponent(path), shown: path)
    }
    return files.keys.sorted()
  }

  /// The date a new report starts with: the last day of the period its folder names
  /// (`2025` → 2025-12-31, `2016-2020` → 2020-12-31), else today.
  public static func reportDate(for name: String, today: ContentDate = .today) -> (date: ContentDate, fromPeriod: Bool)
  {
    let years = name.split(separator: "-")
    guard (1...2).contains(years.count),
      years.allSatisfy({ $0.count == 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let last = years.last, let date = ContentDate("\(last)-12-31")
    else { return (today, false) }
    return (date, true)
  }

  /// `yearbook new report 2025`: `Content/2025/_index.md` from `Templates/new/report.md`,
  /// dated by `reportDate`.
  public static func newReport(_ name: String, root: URL, today: ContentDate = .today) throws(Failure) -> String {
    if let problem = SlugRules.problem(with: name) { throw Failure(message: .reportFolderName(problem)) }
    let template = try archetype("report", root: root)
    let path = "Content/\(name)/_index.md"
    let date = reportDate(for: name, today: today).date
    let text = fill(template, ["period": name, "title": "\(name)年度报告", "date": date.description, "weight": "1"])
    try write(text, to: root.appendingPathComponent(path), shown: path)
    return path
  }

  /// `yearbook new article 2025/talent`: `Content/2025/talent.md` from
  /// `Templates/new/article.md`, weighted after the report's last article.
  public static func newArticle(_ name: String, root: URL, today: ContentDate = .today) throws(Failure) -> String {
    let parts = name.split(separator: "/").map(String.init)
    guard parts.count == 2 else {
      throw Failure(message: .articleNameForm())
    }
    let (report, slug) = (parts[0], parts[1].hasSuffix(".md") ? String(parts[1].dropLast(3)) : parts[1])
    if let problem = SlugRules.problem(with: slug) { throw Failure(message: .articleName(problem)) }
    let folder = root.appendingPathComponent("Content/\(report)")
    guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("_index.md").path) else {
      throw Failure(message: .noSuchReport(report))
    }
    let template = try archetype("article", root: root)
    let path = "Content/\(report)/\(slug).md"
    let weight = lastWeight(in: folder) + 1
    let text = fill(
      template, ["title": "标题（待填写）", "date": today.description, "weight": String(weight), "period": report])
    try write(text, to: root.appendingPathComponent(path), shown: path)
    return path
  }

  /// The highest `weight:` among a report's articles (0 when none has one).
  static func lastWeight(in folder: URL) -> Int {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    var highest = 0
    for name in names where name.hasSuffix(".md") && name != "_index.md" {
      guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8),
        let parts = try? FrontMatter.split(text)
      else { continue }
      var document = YAMLDocument(yaml: parts.yaml, file: SourcePath(name), lineOffset: 1)
      highest = max(highest, document.int("weight") ?? 0)
    }
    return highest
  }

  /// `Templates/new/<kind>.md` of the project, or the default theme's.
  private static func archetype(_ kind: String, root: URL) throws(Failure) -> String {
    let url = root.appendingPathComponent("Templates/new/\(kind).md")
    if let text = try? String(contentsOf: url, encoding: .utf8) { return text }
    if let text = DefaultTheme.files["new/\(kind).md"] { return text }
    throw Failure(message: .noArchetype(kind))
  }

  /// Replaces `{{title}}`, `{{date}}`, `{{weight}}` and `{{period}}`.
  static func fill(_ template: String, _ values: [String: String]) -> String {
    var text = template
    for (key, value) in values { text = text.replacingOccurrences(of: "{{\(key)}}", with: value) }
    return text
  }

  private static func write(_ text: String, to url: URL, shown: String) throws(Failure) {
    let manager = FileManager.default
    guard !manager.fileExists(atPath: url.path) else {
      throw Failure(message: .alreadyExists(shown))
    }
    do {
      try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url, options: .withoutOverwriting)
    } catch {
      throw Failure(message: .cannotWrite(shown, reason: FileProblem.reason(error)))
    }
  }
}
