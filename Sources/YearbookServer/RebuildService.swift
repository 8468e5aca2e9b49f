import Foundation
import ServiceLifecycle
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

/// Watches `Content/` and `Templates/`, rebuilds what a change affects, tells open tabs
/// to reload and says on the terminal what happened.
final class RebuildService: Service, Sendable {
  let site: PreviewSite
  let reloads: ReloadBroadcaster
  let report: @Sendable (Message) -> Void
  let watcher: FileWatcher

  init(site: PreviewSite, reloads: ReloadBroadcaster, report: @escaping @Sendable (Message) -> Void) throws {
    self.site = site
    self.reloads = reloads
    self.report = report
    do {
      watcher = try FileWatcher(root: site.options.root, folders: ["Content", "Templates"])
    } catch {
      throw PreviewServer.Failure(message: error.message)
    }
  }

  func run() async throws {
    let changes = AsyncStream<[SourcePath]> { continuation in
      // inotify blocks in poll(2): its own thread, not one of the concurrency pool's.
      let thread = Thread { [watcher] in
        while let changed = watcher.nextChanges() { continuation.yield(changed) }
        continuation.finish()
      }
      thread.start()
    }
    await withGracefulShutdownHandler {
      for await changed in changes {
        guard let rebuild = site.rebuild(changed: changed) else { continue }
        report(Self.describe(rebuild))
        await reloads.broadcast(site.version)
      }
    } onGracefulShutdown: { [watcher] in
      watcher.stop()
    }
  }

  /// `Content/2024/talent.md changed: 9 pages rebuilt in 12 ms`, or the errors in compiler
  /// style and what is served meanwhile.
  static func describe(_ rebuild: PreviewSite.Rebuild) -> Message {
    let files = Message.changedFiles(
      rebuild.changed.map(\.value), more: rebuild.changed.count <= 3 ? 0 : rebuild.changed.count - 1)
    let milliseconds =
      Int((Double(rebuild.duration.components.attoseconds) / 1e15).rounded())
      + Int(rebuild.duration.components.seconds) * 1000
    let outcome: Message
    if rebuild.succeeded {
      outcome = .rebuilt(
        files, outputs: rebuild.outputsRebuilt, wholeSite: !rebuild.incremental, milliseconds: milliseconds)
    } else {
      let errors = rebuild.diagnostics.filter { $0.severity == .error }.count
      outcome = .rebuildFailed(files, errors: errors, milliseconds: milliseconds)
    }
    return .lines(rebuild.diagnostics, then: outcome)
  }
}
