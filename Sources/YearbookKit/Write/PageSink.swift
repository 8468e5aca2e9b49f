import Foundation

/// Where rendered pages and copied files go: a staging folder for `build`, memory for the
/// preview server. Writes come from many threads at once.
public protocol PageSink: Sendable {
  /// How the destination is named in messages.
  var destination: String { get }
  func makeFolders(for paths: some Sequence<String>) throws(StagingFolder.WriteError)
  func write(_ text: String, to path: String) throws(StagingFolder.WriteError)
  func copy(from source: String, to path: String) throws(StagingFolder.WriteError)
}

extension StagingFolder: PageSink {
  public var destination: String { output.path }
}

/// Output files held in memory, by output path (`2024/talent/index.html`): what the
/// preview server serves, so it never writes into the user's `Output/`.
public final class MemoryFolder: PageSink, @unchecked Sendable {
  private let lock = NSLock()
  private var files: [String: Data] = [:]

  public init() {}

  public var destination: String { "memory" }

  public func makeFolders(for paths: some Sequence<String>) {}

  public func write(_ text: String, to path: String) {
    let data = Data(text.utf8)
    lock.withLock { files[path] = data }
  }

  public func copy(from source: String, to path: String) throws(StagingFolder.WriteError) {
    guard let data = FileManager.default.contents(atPath: source) else {
      throw StagingFolder.WriteError(description: "cannot read \(source)")
    }
    lock.withLock { files[path] = data }
  }

  /// Every file written so far.
  public var contents: [String: Data] { lock.withLock { files } }
}
