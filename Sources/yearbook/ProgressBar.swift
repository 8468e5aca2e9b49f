import Foundation
import YearbookKit

/// A progress bar on standard error for builds that take longer than a second: pages
/// rendered out of all pages, redrawn a few times a second on one line.
struct ProgressBar: Sendable {
  private let task: Task<Void, Never>

  static func start(_ progress: BuildProgress) -> ProgressBar {
    ProgressBar(
      task: Task.detached {
        // Short builds finish before anything is drawn.
        try? await Task.sleep(for: .seconds(1))
        var drawn = false
        while !Task.isCancelled {
          let total = progress.pageTotal
          if total > 0 {
            draw(done: min(progress.pagesDone, total), total: total)
            drawn = true
          }
          try? await Task.sleep(for: .milliseconds(100))
        }
        if drawn { Terminal.write("\r\u{1B}[K") }
      })
  }

  func finish() async {
    task.cancel()
    await task.value
  }

  private static func draw(done: Int, total: Int) {
    let width = 30
    let filled = width * done / total
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    Terminal.write("\r\(bar) \(done)/\(total) pages")
  }
}
