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

/// A build killed at any moment leaves the previous site or the new one, whole: the
/// staging folder is swapped in with one `renameat2(RENAME_EXCHANGE)`.
@Suite(.serialized) struct KilledBuildTests {
  /// Two versions of a site of 120 articles that differ in every article page and list.
  static func files(version: Int) -> [String: String] {
    var files = FixtureSite.minimal
    for number in 1...120 {
      files["Content/2024/a\(number).md"] =
        "---\ntitle: 第\(number)篇（第\(version)版）\ndate: 2025-01-10\ntags: [标签\(number % 7)]\n---\n第\(version)版正文。\n\n## 小标题\n\n见[平台](platforms.md#主要成效)。\n"
    }
    return files
  }

  @Test func aBuildKilledAtAnyMomentLeavesTheOldOrTheNewSiteWhole() throws {
    let site = try FixtureSite(Self.files(version: 1))
    defer { site.remove() }
    var snapshots: [Int: [String: Data]] = [:]
    var durations: [Double] = []
    for version in [1, 2] {
      for (path, text) in Self.files(version: version) { try site.write(path, text) }
      let started = ContinuousClock.now
      #expect(try CLI.run(["build"], in: site.root).status == 0)
      durations.append(Self.seconds(ContinuousClock.now - started))
      snapshots[version] = try site.snapshot()
    }
    #expect(snapshots[1] != snapshots[2])
    let longest = durations.max() ?? 1
    var current = 2
    var generator = SystemRandomNumberGenerator()
    var outcomes: [String: Int] = [:]
    for attempt in 0..<50 {
      let target = current == 1 ? 2 : 1
      for (path, text) in Self.files(version: target) { try site.write(path, text) }
      let running = try CLI.start(["build"], in: site.root)
      // From before the process has started to well after it would have finished when
      // alone: tests running beside this one slow the build down.
      let delay = Double.random(in: 0...(longest * 2.5), using: &generator)
      Thread.sleep(forTimeInterval: delay)
      kill(running.process.processIdentifier, SIGKILL)
      _ = running.wait()
      let output = try site.snapshot()
      if output == snapshots[current] {
        outcomes["old", default: 0] += 1
      } else if output == snapshots[target] {
        outcomes["new", default: 0] += 1
        current = target
      } else {
        Issue.record("attempt \(attempt), killed after \(delay) s: Output/ is neither version (\(output.count) files)")
        return
      }
    }
    // Each outcome happened: the kills landed both before and after the swap.
    #expect(outcomes["old", default: 0] > 0 && outcomes["new", default: 0] > 0, "\(outcomes)")
    #expect(try CLI.run(["build"], in: site.root).status == 0)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter {
      $0.hasPrefix(".Output.") && $0 != ".Output.lock" && $0 != ".Output.spare"
    }
    #expect(leftovers == [], "the next build removes what killed builds left")
  }

  @Test func theNextBuildRemovesStagingAndOldFoldersLeftBehind() async throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    for leftover in [".Output.new-99999", ".Output.old-99999"] {
      try site.write("\(leftover)/index.html", "<p>left over</p>")
    }
    _ = try await site.build()
    let entries = try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted()
    // The old folder was the only copy of the site, so it went back into place; the build
    // then kept it as the spare to write over next time.
    #expect(entries.filter { $0.hasPrefix(".Output") } == [".Output.lock", ".Output.spare"])
  }

  static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }
}
