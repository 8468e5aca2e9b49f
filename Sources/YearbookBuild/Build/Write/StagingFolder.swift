import CRenameExchange
import Foundation
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookPortal
import YearbookRender

/// Where a build writes its files: a hidden sibling of the output folder, filled while
/// pages render and swapped in only when everything succeeded, in one step, so the output
/// folder is never missing and never a mix of two builds. Two builds into one folder take
/// turns (a lock file beside it), and each removes what a killed build left behind.
public final class StagingFolder: @unchecked Sendable {
  public struct WriteError: MessageError {
    public var message: Message
  }

  public let output: URL
  package let staging: URL
  /// The staging folder, open: files and folders are made relative to it, so neither a
  /// path string nor the kernel's walk down to it is repeated for each of 70,000 files.
  private let stagingFolder: Int32
  private let lock: Int32
  private var finished = false
  /// `rename(2)` and the exchanging rename; tests put failing ones in to see what a failed
  /// swap says.
  package let renameItem: @Sendable (String, String) -> Int32
  package let exchangeItems: @Sendable (String, String) -> Int32

  /// Takes the lock (waiting for another build to finish), clears leftovers of killed
  /// builds, and creates the empty staging folder.
  public convenience init(output: URL) throws(WriteError) {
    try self.init(output: output, renameItem: { rename($0, $1) }, exchangeItems: { yb_rename_exchange($0, $1) })
  }

  package init(
    output: URL, renameItem: @escaping @Sendable (String, String) -> Int32,
    exchangeItems: @escaping @Sendable (String, String) -> Int32
  ) throws(WriteError) {
    self.output = output
    self.renameItem = renameItem
    self.exchangeItems = exchangeItems
    let manager = FileManager.default
    let parent = output.deletingLastPathComponent()
    let name = output.lastPathComponent
    do {
      try manager.createDirectory(at: parent, withIntermediateDirectories: true)
    } catch {
      throw WriteError(message: .cannotWriteIn(parent.path, reason: FileProblem.reason(error)))
    }
    lock = open(parent.appendingPathComponent(".\(name).lock").path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
    guard lock >= 0 else {
      throw WriteError(message: .cannotWriteIn(parent.path, reason: FileProblem.reason(errno: errno)))
    }
    while flock(lock, LOCK_EX) != 0 && errno == EINTR {}
    // Holding the lock, any staging or old folder here belongs to a build that was killed,
    // or to one whose swap failed and could not put the previous site back: that one is
    // the only copy of the site, so it goes back into place rather than away.
    let leftovers = ((try? manager.contentsOfDirectory(atPath: parent.path)) ?? []).sorted()
    for entry in leftovers where entry.hasPrefix(".\(name).old-") && !manager.fileExists(atPath: output.path) {
      _ = Foundation.rename(parent.appendingPathComponent(entry).path, output.path)
    }
    for entry in leftovers where entry.hasPrefix(".\(name).new-") || entry.hasPrefix(".\(name).old-") {
      Self.remove(parent.appendingPathComponent(entry))
    }
    staging = parent.appendingPathComponent(".\(name).new-\(getpid())")
    if mkdir(staging.path, 0o755) != 0 {
      let reason = FileProblem.reason(errno: errno)
      flock(lock, LOCK_UN)
      close(lock)
      throw WriteError(message: .cannotCreate(staging.path, reason: reason))
    }
    stagingFolder = open(staging.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard stagingFolder >= 0 else {
      let reason = FileProblem.reason(errno: errno)
      rmdir(staging.path)
      flock(lock, LOCK_UN)
      close(lock)
      throw WriteError(message: .cannotCreate(staging.path, reason: reason))
    }
  }

  deinit {
    if !finished { abandon() }
  }

  /// Creates the folders files will go into, before files are written from many threads;
  /// safe to call from several threads. Each folder is made deepest first: its parents are
  /// made only when `mkdir` says they are missing, so a folder costs one call, not one for
  /// each folder above it. The folders are shared out among the cores by parent, so that
  /// no two cores wait on the lock of one folder (`embed/charts/` gets 10,000 on a large
  /// site).
  public func makeFolders(for paths: some Sequence<OutputPath>) throws(WriteError) {
    var seen: Set<Substring> = []
    var groupOfParent: [Substring: Int] = [:]
    var groups: [[Substring]] = []
    for path in paths {
      guard let slash = path.value.lastIndex(of: "/") else { continue }
      let folder = path.value[..<slash]
      guard seen.insert(folder).inserted else { continue }
      // A top-level folder's parent is the staging folder itself, named "".
      let parent = folder.lastIndex(of: "/").map { folder[..<$0] } ?? ""
      if let group = groupOfParent[parent] {
        groups[group].append(folder)
      } else {
        groupOfParent[parent] = groups.count
        groups.append([folder])
      }
    }
    // The largest groups first, so that no core is left with a long one at the end.
    groups.sort { $0.count > $1.count }
    let failures = Parallel.map(groups) { [stagingFolder] group in
      group.lazy.compactMap { Self.makeFolder(stagingFolder, $0) }.first
    }
    if let (folder, code) = failures.lazy.compactMap({ $0 }).first {
      throw WriteError(message: .cannotCreate(String(folder), reason: FileProblem.reason(errno: code)))
    }
  }

  /// `mkdir -p` of `folder` inside the open folder `base`: the folder that failed and why,
  /// or nil.
  private static func makeFolder(_ base: Int32, _ folder: Substring) -> (Substring, Int32)? {
    if mkdirat(base, String(folder), 0o755) == 0 || errno == EEXIST { return nil }
    guard errno == ENOENT, let up = folder.lastIndex(of: "/") else { return (folder, errno) }
    if let failure = makeFolder(base, folder[..<up]) { return failure }
    if mkdirat(base, String(folder), 0o755) == 0 || errno == EEXIST { return nil }
    return (folder, errno)
  }

  /// Writes one file; safe to call from several threads for different paths.
  public func write(_ text: String, to path: OutputPath) throws(WriteError) {
    var text = text
    let failure = text.withUTF8 { bytes in
      Result { () throws(WriteError) in try write(UnsafeRawBufferPointer(bytes), to: path) }
    }
    try failure.get()
  }

  public func write(_ bytes: [UInt8], to path: OutputPath) throws(WriteError) {
    let failure = bytes.withUnsafeBytes { bytes in Result { () throws(WriteError) in try write(bytes, to: path) } }
    try failure.get()
  }

  private func write(_ bytes: UnsafeRawBufferPointer, to path: OutputPath) throws(WriteError) {
    let descriptor = openat(stagingFolder, path.value, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw WriteError(message: .cannotWrite(path.value, reason: FileProblem.reason(errno: errno)))
    }
    defer { close(descriptor) }
    let failure: Int32? = {
      var offset = 0
      while offset < bytes.count {
        let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += written
      }
      return nil
    }()
    if let failure {
      throw WriteError(message: .cannotWrite(path.value, reason: FileProblem.reason(errno: failure)))
    }
  }

  /// Copies the file `source` names, following a symbolic link (the loader has checked it
  /// stays inside `Content/`), so the output never holds a link.
  public func copy(from source: String, to path: OutputPath) throws(WriteError) {
    do {
      let file = URL(fileURLWithPath: source).resolvingSymlinksInPath().path
      try FileManager.default.copyItem(atPath: file, toPath: staging.path + "/" + path.value)
    } catch {
      throw WriteError(message: .cannotCopy(source, reason: FileProblem.reason(error)))
    }
  }

  /// Puts the staging folder in the output's place: one `renameat2(RENAME_EXCHANGE)` where
  /// the file system has it, else two renames. The previous output is then removed.
  public func commit() throws(WriteError) {
    defer { release() }
    let manager = FileManager.default
    let parent = output.deletingLastPathComponent()
    let previous = parent.appendingPathComponent(".\(output.lastPathComponent).old-\(getpid())")
    var isDirectory: ObjCBool = false
    let hadOutput = manager.fileExists(atPath: output.path, isDirectory: &isDirectory)
    if hadOutput && exchangeItems(staging.path, output.path) == 0 {
      // The staging path now holds the previous site.
      if rename(staging.path, previous.path) == 0 {
        Self.remove(previous)
      } else {
        Self.remove(staging)
      }
      return
    }
    let exchangeError = errno
    if hadOutput && exchangeError != EINVAL && exchangeError != ENOSYS && exchangeError != ENOTSUP {
      try? manager.removeItem(at: staging)
      throw WriteError(message: .cannotReplace(output.path, reason: FileProblem.reason(errno: exchangeError)))
    }
    if hadOutput && renameItem(output.path, previous.path) != 0 {
      let reason = FileProblem.reason(errno: errno)
      try? manager.removeItem(at: staging)
      throw WriteError(message: .cannotReplace(output.path, reason: reason))
    }
    if renameItem(staging.path, output.path) != 0 {
      let reason = FileProblem.reason(errno: errno)
      try? manager.removeItem(at: staging)
      if hadOutput && renameItem(previous.path, output.path) != 0 {
        let restoreReason = FileProblem.reason(errno: errno)
        throw WriteError(
          message: .cannotReplaceNorRestore(
            output.path, reason: reason, restoreReason: restoreReason, keptIn: previous.path,
            name: output.lastPathComponent))
      }
      throw WriteError(message: .cannotReplace(output.path, reason: reason))
    }
    if hadOutput { Self.remove(previous) }
  }

  /// Removes a previous site. Best effort: whatever stays behind is removed by the next
  /// build, which clears old folders first.
  package static func remove(_ folder: URL) {
    TreeRemoval.remove(folder.path)
  }

  /// Removes the staging folder; the output stays as it was.
  public func abandon() {
    try? FileManager.default.removeItem(at: staging)
    release()
  }

  private func release() {
    guard !finished else { return }
    finished = true
    close(stagingFolder)
    flock(lock, LOCK_UN)
    close(lock)
  }
}
