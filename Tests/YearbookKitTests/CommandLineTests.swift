import Foundation
import Testing

/// Runs the real `yearbook` executable, as an editor or a script would.
@Suite struct CommandLineTests {
  func run(_ arguments: [String], in folder: URL) throws -> CLI.Result {
    try CLI.run(arguments, in: folder)
  }

  @Test func buildSucceedsWithStatusZeroAndSaysWhatItDid() throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let result = try run(["build"], in: site.root)
    #expect(result.status == 0)
    #expect(result.stderr.hasPrefix("Built 13 pages, 0 charts (46 files) into Output/ in "))
    #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path))
  }

  @Test func contentErrorsExitWithStatusOneAndCompilerStyleMessages() throws {
    var files = FixtureSite.minimal
    files["Content/2024/talent.md"] = "---\ntitle: 人才\ndate: 2025/1/20\n---\n正文\n"
    let site = try FixtureSite(files)
    defer { site.remove() }
    let result = try run(["build", "--root", site.root.path], in: FileManager.default.temporaryDirectory)
    #expect(result.status == 1)
    #expect(
      result.stderr.hasPrefix(
        "Content/2024/talent.md:3:7: error: date must be YYYY-MM-DD, got \"2025/1/20\"; write 2025-01-20\nBuild failed in step load: 1 error, 0 warnings;"
      ))
    #expect(!FileManager.default.fileExists(atPath: site.output.path))
  }

  @Test func usageErrorsExitWithStatus64() throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    #expect(try run(["build", "--no-such-option"], in: site.root).status == 64)
    #expect(try run(["build", "--base-url", "example.gov.cn"], in: site.root).status == 64)
    #expect(try run(["check", "--format", "xml"], in: site.root).status == 64)
    #expect(try run(["publish"], in: site.root).status == 64)
  }

  @Test func checkWritesNothingAndReportsInJSON() throws {
    var files = FixtureSite.minimal
    files["Content/2024/talent.md"] = "---\ntitle: 人才\ndate: 2025-01-22\n---\n见[缺失](gone.md)。\n"
    let site = try FixtureSite(files)
    defer { site.remove() }
    let result = try run(["check", "--format", "json"], in: site.root)
    #expect(result.status == 1)
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [[String: Any]]]
    let finding = try #require(json?["findings"]?.first)
    #expect(finding["file"] as? String == "Content/2024/talent.md")
    #expect(finding["line"] as? Int == 5)
    #expect(finding["column"] as? Int == 2)
    #expect(finding["severity"] as? String == "error")
    #expect(!FileManager.default.fileExists(atPath: site.output.path))
  }

  @Test func checkOfAGoodSiteExitsZero() throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let result = try run(["check"], in: site.root)
    #expect(result.status == 0)
    #expect(result.stderr.hasPrefix("No problems found ("))
  }

  @Test func refusesToBuildIntoTheContentFolder() throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let before = try site.snapshot(of: site.root.appendingPathComponent("Content"))
    let result = try run(["build", "--output", "Content"], in: site.root)
    #expect(result.status == 1)
    #expect(result.stderr.contains("it is inside Content/"))
    #expect(try site.snapshot(of: site.root.appendingPathComponent("Content")) == before)
  }
}
