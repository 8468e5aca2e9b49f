import ServiceLifecycle
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

/// The open event streams of browser tabs; each rebuild sends them `reload`. As a service
/// it ends every stream when the server is told to stop, so no open tab holds it up.
actor ReloadBroadcaster: Service {
  private var streams: [Int: AsyncStream<Int>.Continuation] = [:]
  private var nextID = 0
  private var closed = false

  /// A stream of rebuild versions, and the number that ends it (`unsubscribe`).
  func subscribe() -> (id: Int, stream: AsyncStream<Int>) {
    let (stream, continuation) = AsyncStream<Int>.makeStream()
    let id = nextID
    nextID += 1
    if closed {
      continuation.finish()
      return (id, stream)
    }
    streams[id] = continuation
    continuation.onTermination = { _ in Task { await self.remove(id) } }
    return (id, stream)
  }

  /// Ends a stream whose tab has gone, so its response ends and its connection is freed.
  func unsubscribe(_ id: Int) {
    streams.removeValue(forKey: id)?.finish()
  }

  private func remove(_ id: Int) {
    streams[id] = nil
  }

  func broadcast(_ version: Int) {
    for continuation in streams.values { continuation.yield(version) }
  }

  var subscriberCount: Int { streams.count }

  private func closeAll() {
    closed = true
    for continuation in streams.values { continuation.finish() }
    streams = [:]
  }

  func run() async throws {
    // Nothing to do until the server stops; then the streams end.
    try? await gracefulShutdown()
    closeAll()
  }
}
