import CCmark
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

#if canImport(Glibc)
  import Glibc
#endif

/// Markdown that once took quadratic time, rendered at n and 4n: the time may grow about
/// fourfold, never the sixteenfold of n². Measured in this thread's CPU time (best of
/// three), so other tests running beside it do not count. The bound is 6×, or 1.5 times
/// what cmark alone grows on the same input if that is more: on deep nesting cmark's own
/// time grows 5-6× as its memory outgrows the caches (more under AddressSanitizer, where
/// our whole render once grew 7.0× from 15,000 to 60,000 nested lists), and a bound that
/// ignores this fails on a slow run without any quadratic work of ours. It never exceeds
/// 10×, well under the 14× the quadratic cases grew before they were mended.
///
/// Not run under AddressSanitizer (`make test-asan`): there our own code on deep nesting
/// grew 8-9× while cmark, not instrumented, grew 3-4×; the sanitizer's quarantine keeps
/// freed memory from being reused, so the time measures its memory, not our algorithm.
@Suite(.serialized, .disabled(if: underAddressSanitizer, "timed without AddressSanitizer only"))
struct LinearTimeTests {

  struct Pattern: Sendable {
    /// The smaller size, chosen so that it takes several milliseconds.
    var n: Int
    var make: @Sendable (Int) -> String
  }

  static let patterns: [String: Pattern] = [
    // A table pasted from Word: each cell used to be parsed after as many blank lines as
    // its line number (20,000 rows took 20 s).
    "pipe table rows": Pattern(n: 1_500) { n in
      "| 名称 | 数值 | 说明 |\n| --- | ---: | --- |\n"
        + (0..<n).map { "| 项目\($0) | \($0) | **说明。**其他 |" }.joined(separator: "\n") + "\n"
    },
    // Each `## 主要成效` used to try -2, -3, … from the start (10,000 took 9.4 s).
    "repeated headings": Pattern(n: 1_500) { n in String(repeating: "## 主要成效\n\n正文。\n\n", count: n) },
    // One paragraph of links to a heading: each link's column used to be counted from the
    // start of the line (10,000 links took 12 s).
    "fragment links in one paragraph": Pattern(n: 1_500) { n in
      "## 主要成效\n\n" + (0..<n).map { "[见\($0)](#主要成效)" }.joined(separator: " ") + "\n"
    },
    // A paragraph pasted as one line: CJK emphasis, soft breaks and summaries read it whole.
    "one long line with emphasis": Pattern(n: 15_000) { n in
      "科技工作" + (0..<n).map { "**重点任务\($0)**完成，" }.joined() + "全年目标实现。\n"
    },
    "one long line of plain text": Pattern(n: 15_000) { n in String(repeating: "全县科技创新能力持续提升，", count: n) + "\n" },
    // Deep nesting, as in cmark's own pathological tests: every walk over the tree is
    // iterative or bounded by its depth. Sizes start where cmark's own time grows about
    // fourfold: timed alone, cmark 0.30.2 grows 7.4× from 15,000 to 60,000 emphasis
    // closers but 4.4× from 60,000 to 240,000, as its memory outgrows the caches. (Nested
    // brackets are left out: their time is all cmark's, 7.3× from 60,000 to 240,000.)
    "nested block quotes": Pattern(n: 40_000) { n in String(repeating: "> ", count: n) + "引用内容\n" },
    "nested lists": Pattern(n: 15_000) { n in String(repeating: "- ", count: n) + "列表项\n" },
    "emphasis closers without openers": Pattern(n: 60_000) { n in String(repeating: "甲**", count: n) + "\n" },
    // Many tables, each small.
    "many small tables": Pattern(n: 1_500) { n in
      String(repeating: "| 甲 | 乙 |\n| --- | --- |\n| 1 | 2 |\n\n正文。\n\n", count: n)
    },
  ]

  static func threadSeconds(_ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<3 {
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
    let n = make.n
    let renderer = MarkdownRenderer(links: LinkTargets(baseURL: BaseURL(), pages: [:], files: []))
    func time(_ n: Int) -> Double {
      let source = MarkdownSource(
        file: "Content/2024/a.md", contentPath: "2024/a.md", text: make.make(n), lineOffset: 4)
      return Self.threadSeconds { _ = renderer.render(source) }
    }
    func cmarkTime(_ n: Int) -> Double {
      let text = make.make(n)
      return Self.threadSeconds {
        text.utf8CString.withUnsafeBufferPointer { bytes in
          free(cmark_markdown_to_html(bytes.baseAddress, bytes.count - 1, CMARK_OPT_DEFAULT))
        }
      }
    }
    let small = time(n)
    let large = time(4 * n)
    let cmarkGrowth = cmarkTime(4 * n) / cmarkTime(n)
    let bound = min(max(6, 1.5 * cmarkGrowth), 10)
    let growth =
      "\(pattern): \(small) s at \(n), \(large) s at \(4 * n) (\(large / small)x; cmark alone \(cmarkGrowth)x)"
    print("Linear time: \(growth)")
    #expect(large / small < bound, "\(growth)")
  }
}
