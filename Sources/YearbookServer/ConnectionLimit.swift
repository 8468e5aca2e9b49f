import Foundation
import HummingbirdCore
import YearbookBuild
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookPortal
import YearbookPreview
import YearbookRender

#if canImport(Glibc)
  import Glibc
#endif

/// At most `maximum` connections at once. The maximum sits below the process's limit on
/// open files, leaving room for a rebuild to read the site: with every file taken, a save
/// could not be read and the accept loop would spin on EMFILE. Further connections wait
/// in the listen queue until one closes; the first time the limit is reached it is said
/// on the terminal.
struct ConnectionLimit: AvailableConnectionsDelegate {
  /// Files kept free for rebuilds (inotify, the files of the site, the terminal).
  static let filesForRebuilds = 64
  /// A preview needs a few connections a tab; more than this is a runaway client.
  static let most = 1_000

  let maximum: Int
  let report: @Sendable (Message) -> Void
  private var open = 0
  private var saidFull = false

  init(maximum: Int, report: @escaping @Sendable (Message) -> Void) {
    self.maximum = maximum
    self.report = report
  }

  /// Raises the soft limit on open files to the hard one (as Go programs do), then leaves
  /// `filesForRebuilds` of it free.
  static func fittingOpenFiles(report: @escaping @Sendable (Message) -> Void) -> ConnectionLimit {
    var limit = rlimit()
    guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else {
      return ConnectionLimit(maximum: 256, report: report)
    }
    if limit.rlim_cur < limit.rlim_max {
      var raised = limit
      raised.rlim_cur = limit.rlim_max
      if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
    }
    let files = Int(clamping: limit.rlim_cur)
    return ConnectionLimit(maximum: max(8, min(most, files - filesForRebuilds)), report: report)
  }

  mutating func connectionOpened() {
    open += 1
    if open >= maximum && !saidFull {
      saidFull = true
      report(.connectionsFull(open))
    }
  }

  mutating func connectionClosed() {
    open -= 1
    if open < maximum / 2 { saidFull = false }
  }

  func isAcceptingNewConnections() -> Bool { open < maximum }
}
