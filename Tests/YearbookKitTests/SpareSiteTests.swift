import Foundation
import Testing

@testable import YearbookBuild
@testable import YearbookCore

/// A build writes over the site before the last (`.Output.spare`) rather than into an
/// empty folder; what it publishes is still exactly what a build into an empty folder
/// publishes, and nothing left in the spare is followed out of it.
@Suite(.serialized) struct SpareSiteTests {
  /// A site of 30 articles; `version` changes every page, `articles` how many there are.
  static func files(version: Int, articles: Int) -> [String: String] {
    var files = FixtureSite.minimal
    for number in 1...articles {
      files["Content/2024/a\(number).md"] =
        "---\ntitle: 第\(number)篇（第\(version)版）\ndate: 2025-01-10\ntags: [标签\(number % 5 + version)]\n---\n第\(version)版正文。\n"
    }
    return files
  }

  /// Every entry under `folder`: a file's bytes, or what else it is.
  static func entries(of folder: URL) throws -> [String: Data] {
    var entries: [String: Data] = [:]
    let manager = FileManager.default
    for path in try manager.subpathsOfDirectory(atPath: folder.path) {
      let full = folder.appendingPathComponent(path).path
      let type = try manager.attributesOfItem(atPath: full)[.type] as? FileAttributeType
      switch type {
      case .typeDirectory?: entries[path] = Data("(folder)".utf8)
      case .typeRegular?: entries[path] = try Data(contentsOf: URL(fileURLWithPath: full))
      default: entries[path] = Data("(\(type.map { "\($0)" } ?? "unknown"))".utf8)
      }
    }
    return entries
  }

  /// The output of `files` built into an empty folder.
  static func freshBuild(of files: [String: String]) async throws -> [String: Data] {
    let site = try FixtureSite(files)
    defer { site.remove() }
    _ = try await site.build()
    return try entries(of: site.output)
  }

  @Test func eachBuildPublishesWhatABuildIntoAnEmptyFolderWouldThoughItWritesOverTheSpare() async throws {
    let site = try FixtureSite(Self.files(version: 1, articles: 30))
    defer { site.remove() }
    let spare = site.root.appendingPathComponent(".Output.spare")
    // More articles, fewer, fewer again: pages, tags and folders come and go.
    for (version, articles) in [(1, 30), (2, 40), (3, 12), (4, 12), (5, 25)] {
      let files = Self.files(version: version, articles: articles)
      for path in try FileManager.default.subpathsOfDirectory(
        atPath: site.root.appendingPathComponent("Content/2024").path)
      where path.hasPrefix("a") {
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/2024/\(path)"))
      }
      for (path, text) in files { try site.write(path, text) }
      _ = try await site.build()
      #expect(try Self.entries(of: site.output) == (try await Self.freshBuild(of: files)), "version \(version)")
      #expect(FileManager.default.fileExists(atPath: spare.path) == (version > 1), "version \(version)")
    }
  }

  @Test func aFailedBuildPutsTheSpareBackAndLeavesTheOutputAsItWas() async throws {
    var files = Self.files(version: 1, articles: 10)
    let site = try FixtureSite(files)
    defer { site.remove() }
    _ = try await site.build()
    _ = try await site.build()
    let before = try Self.entries(of: site.output)
    // An error found while pages render, after the spare was taken to be written over.
    try site.write("Content/2024/a3.md", "---\ntitle: 坏链接\ndate: 2025-01-10\n---\n见[不存在](missing.md)。\n")
    #expect(!(await site.failingBuild()).isEmpty)
    #expect(try Self.entries(of: site.output) == before)
    let names = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".Output") }
    #expect(names.sorted() == [".Output.lock", ".Output.spare"])
    files["Content/2024/a3.md"] = "---\ntitle: 修好了\ndate: 2025-01-10\n---\n正文。\n"
    try site.write("Content/2024/a3.md", files["Content/2024/a3.md"]!)
    _ = try await site.build()
    #expect(try Self.entries(of: site.output) == (try await Self.freshBuild(of: files)))
  }

  @Test func linksPipesAndFilesLeftInTheSpareAreRemovedNeverFollowed() async throws {
    let files = Self.files(version: 1, articles: 10)
    let site = try FixtureSite(files)
    defer { site.remove() }
    _ = try await site.build()
    _ = try await site.build()
    let outside = site.root.appendingPathComponent("Outside")
    try site.write("Outside/keep.txt", "keep")
    let spare = ".Output.spare"
    let manager = FileManager.default
    // A folder of pages replaced by a link out of the site; a page by a link to a file
    // outside; a page's folder by a file; a page by a folder; a page by a pipe.
    try manager.removeItem(at: site.root.appendingPathComponent("\(spare)/2024"))
    try site.symlink("\(spare)/2024", to: outside.path)
    try manager.removeItem(at: site.root.appendingPathComponent("\(spare)/index.html"))
    try site.symlink("\(spare)/index.html", to: outside.appendingPathComponent("keep.txt").path)
    try manager.removeItem(at: site.root.appendingPathComponent("\(spare)/tags"))
    try site.write("\(spare)/tags", "a file where a folder goes")
    try manager.removeItem(at: site.root.appendingPathComponent("\(spare)/404.html"))
    try site.write("\(spare)/404.html/inside/page.html", "a folder where a page goes")
    try manager.removeItem(at: site.root.appendingPathComponent("\(spare)/sitemap.xml"))
    #expect(mkfifo(site.root.appendingPathComponent("\(spare)/sitemap.xml").path, 0o644) == 0)
    try site.symlink("\(spare)/elsewhere", to: outside.path)
    _ = try await site.build()
    #expect(try Self.entries(of: site.output) == (try await Self.freshBuild(of: files)))
    #expect(try Self.entries(of: outside) == ["keep.txt": Data("keep".utf8)], "nothing outside the site is written")
  }
}
