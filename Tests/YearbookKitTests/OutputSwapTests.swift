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

/// The swap of a finished build into the output folder, when the file system refuses.
@Suite struct OutputSwapTests {
  let parent = FileManager.default.temporaryDirectory.appendingPathComponent("yearbook-swap-\(UUID().uuidString)")
  var output: URL { parent.appendingPathComponent("Output") }

  func previousSite() throws {
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    try Data("旧站点".utf8).write(to: output.appendingPathComponent("index.html"))
  }

  @Test func aFailedRollbackNamesTheFolderKeepingTheOldSiteAndTheNextBuildPutsItBack() throws {
    defer { try? FileManager.default.removeItem(at: parent) }
    try previousSite()
    let outputPath = output.path
    // No exchanging rename; moving the old site aside works, then nothing more does.
    let staging = try StagingFolder(
      output: output,
      renameItem: { from, to in
        if from == outputPath { return rename(from, to) }
        errno = EIO
        return -1
      },
      exchangeItems: { _, _ in
        errno = EINVAL
        return -1
      })
    try staging.write("新站点", to: "index.html")
    var message = ""
    do {
      try staging.commit()
    } catch {
      message = error.description
    }
    let kept = try #require(
      try FileManager.default.contentsOfDirectory(atPath: parent.path).first { $0.hasPrefix(".Output.old-") })
    #expect(
      message
        == "cannot replace \(output.path): Input/output error; the previous site could not be put back (Input/output error) and is kept in \(parent.path)/\(kept): rename that folder to Output, or run the build again, which puts it back first"
    )
    #expect(!FileManager.default.fileExists(atPath: output.path))

    // The next build finds the old site and restores it before anything else.
    let next = try StagingFolder(output: output)
    next.abandon()
    #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "旧站点")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0.hasPrefix(".Output.") } == [
        ".Output.lock"
      ])
  }

  @Test func aFailedSwapWithASuccessfulRollbackKeepsTheOldSiteInPlace() throws {
    defer { try? FileManager.default.removeItem(at: parent) }
    try previousSite()
    let outputPath = output.path
    let staging = try StagingFolder(
      output: output,
      renameItem: { from, to in
        if from == outputPath || to == outputPath && from.contains(".old-") { return rename(from, to) }
        errno = EIO
        return -1
      },
      exchangeItems: { _, _ in
        errno = ENOSYS
        return -1
      })
    try staging.write("新站点", to: "index.html")
    #expect(throws: StagingFolder.WriteError.self) { try staging.commit() }
    #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "旧站点")
  }
}
