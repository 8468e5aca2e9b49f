import Foundation
import Synchronization
import YearbookBuild
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookKit
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookPortal
import YearbookPreview
import YearbookRender

/// A progress bar on standard error for builds that take longer than a second: pages
/// rendered out of all pages, redrawn ten times a second on one line. It runs on a thread
/// of its own, because the build keeps every worker of the shared pools busy.
final class ProgressBar: Sendable {
  private let stopped = Atomic<Bool>(false)
  private let finished = DispatchSemaphore(value: 0)

  static func start(_ progress: BuildProgress, language: Language) -> ProgressBar {
    let bar = ProgressBar()
    Thread.detachNewThread { bar.run(progress, language: language) }
    return bar
  }

  private func run(_ progress: BuildProgress, language: Language) {
    defer { finished.signal() }
    // Short builds finish before anything is drawn.
    let start = Date()
    var drawn = false
    while !stopped.load(ordering: .acquiring) {
      Thread.sleep(forTimeInterval: 0.1)
      let total = progress.pageTotal
      guard Date().timeIntervalSince(start) >= 1, total > 0, !stopped.load(ordering: .acquiring) else { continue }
      Self.draw(done: min(progress.pagesDone, total), total: total, language: language)
      drawn = true
    }
    if drawn { Terminal.write("\r\u{1B}[K") }
  }

  func finish() {
    stopped.store(true, ordering: .releasing)
    finished.wait()
  }

  private static func draw(done: Int, total: Int, language: Language) {
    let width = 30
    let filled = width * done / total
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    Terminal.write("\r\(bar) " + Message.progressPages(done: done, total: total).text(language))
  }
}
