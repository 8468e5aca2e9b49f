import Foundation
import Testing

@testable import YearbookKit

#if canImport(Glibc)
  import Glibc
#endif

/// Markdown that once took quadratic time, rendered at n and 4n: the time may grow about
/// fourfold, never the sixteenfold of n². Measured in this thread's CPU time (best of
/// two), so other tests running beside it do not count; the 6× bound leaves room for noise.
@Suite struct LinearTimeTests {
  static let patterns: [String: @Sendable (Int) -> String] = [
    // A table pasted from Word: each cell used to be parsed after as many blank lines as
    // its line number (20,000 rows took 20 s).
    "pipe table rows": { n in
      "| 名称 | 数值 | 说明 |\n| --- | ---: | --- |\n"
        + (0..<n).map { "| 项目\($0) | \($0) | **说明。**其他 |" }.joined(separator: "\n") + "\n"
    },
    // Each `## 主要成效` used to try -2, -3, … from the start (10,000 took 9.4 s).
    "repeated headings": { n in String(repeating: "## 主要成效\n\n正文。\n\n", count: n) },
    // One paragraph of links to a heading: each link's column used to be counted from the
    // start of the line (10,000 links took 12 s).
    "fragment links in one paragraph": { n in
      "## 主要成效\n\n" + (0..<n).map { "[见\($0)](#主要成效)" }.joined(separator: " ") + "\n"
    },
    // Many tables, each small.
    "many small tables": { n in
      String(repeating: "| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n\n正文。\n\n", count: n)
    },
  ]

  static func threadSeconds(_ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<2 {
      var start = timespec()
      var end = timespec()
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
      body()
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
      best = min(best, Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9)
    }
    return best
  }

  @Test(arguments: patterns.keys.sorted())
  func renderingGrowsLinearly(pattern: String) throws {
    let make = try #require(Self.patterns[pattern])
    let renderer = MarkdownRenderer(links: LinkTargets(baseURL: BaseURL(), pages: [:], files: []))
    func time(_ n: Int) -> Double {
      let source = MarkdownSource(file: "Content/2024/a.md", contentPath: "2024/a.md", text: make(n), lineOffset: 4)
      return Self.threadSeconds { _ = renderer.render(source) }
    }
    let small = time(1_500)
    let large = time(6_000)
    #expect(large / small < 6, "\(pattern): \(small) s at 1,500, \(large) s at 6,000")
  }
}
