import Foundation
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookPortal
import YearbookRender

/// Where rendered pages and copied files go: a staging folder for `build`, memory for the
/// preview server. Writes come from many threads at once.
public protocol PageSink: Sendable {
  /// How the destination is named in messages.
  var destination: SourcePath { get }
  func makeFolders(for paths: some Sequence<OutputPath>) throws(StagingFolder.WriteError)
  func write(_ text: String, to path: OutputPath) throws(StagingFolder.WriteError)
  func write(_ bytes: [UInt8], to path: OutputPath) throws(StagingFolder.WriteError)
  func copy(from source: String, to path: OutputPath) throws(StagingFolder.WriteError)
  /// Makes what was written the site: the staging folder swapped in; nothing for memory,
  /// which the preview takes in whole.
  func commit() throws(StagingFolder.WriteError)
}

extension StagingFolder: PageSink {
  public var destination: SourcePath { SourcePath(output.path) }
}

/// Output files held in memory, by output path (`2024/talent/index.html`): what the
/// preview server serves, so it never writes into the user's `Output/`.
public final class MemoryFolder: PageSink, @unchecked Sendable {
  public func commit() {}

  private let lock = NSLock()
  private var files: [OutputPath: Data] = [:]
  private var outside: [String] = []
  /// Files are read only from inside this folder: a link out of it is not served.
  private let boundary: String?

  public init(confinedTo boundary: URL? = nil) {
    self.boundary = boundary.map { ($0.resolvingSymlinksInPath().path as NSString).standardizingPath + "/" }
  }

  public var destination: SourcePath { "memory" }

  public func makeFolders(for paths: some Sequence<OutputPath>) {}

  public func write(_ text: String, to path: OutputPath) {
    let data = Data(text.utf8)
    lock.withLock { files[path] = data }
  }

  public func write(_ bytes: [UInt8], to path: OutputPath) {
    let data = Data(bytes)
    lock.withLock { files[path] = data }
  }

  public func copy(from source: String, to path: OutputPath) throws(StagingFolder.WriteError) {
    if let boundary, !URL(fileURLWithPath: source).resolvingSymlinksInPath().path.hasPrefix(boundary) {
      lock.withLock { outside.append(source) }
      return
    }
    guard let data = FileManager.default.contents(atPath: source) else {
      throw StagingFolder.WriteError(message: .cannotReadSource(source))
    }
    lock.withLock { files[path] = data }
  }

  /// Every file written so far.
  public var contents: [OutputPath: Data] { lock.withLock { files } }

  /// Files not copied because a symbolic link leads out of the boundary.
  public var refused: [String] { lock.withLock { outside.sorted() } }
}
