import CFileCalls
import Foundation
import Synchronization
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
///
/// The site the swap replaces is kept as `.Output.spare`, and the next build writes over
/// it rather than into an empty folder: writing over a file costs less than making one,
/// and removing 70,000 files was a tenth of a large build. Files are then opened with
/// openat2, which passes through no link, and what the build did not write is removed
/// before the swap, so the new site holds exactly the build's files.
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
  /// Whether the staging folder is the spare site being written over (else it was empty).
  private let overwrites: Bool
  /// Whether openat2 works here (Linux 5.6 and later, unless a sandbox forbids it): else
  /// no spare is kept.
  private let opensBeneath: Bool
  /// The files written, when `overwrites`: every other file is stale.
  private let written = Mutex<Set<String>>([])
  private var spare: URL {
    output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).spare")
  }
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
    let spare = parent.appendingPathComponent(".\(name).spare")
    // The spare site is written over only if it is a folder of this user's (not a link to
    // one) and the kernel can open files beneath it without following links.
    opensBeneath = Self.opensBeneath(parent.path)
    var reusing = false
    var information = stat()
    if lstat(spare.path, &information) == 0 {
      if opensBeneath && information.st_mode & S_IFMT == S_IFDIR && information.st_uid == geteuid()
        && rename(spare.path, staging.path) == 0
      {
        reusing = true
      } else {
        Self.remove(spare)
      }
    }
    if !reusing && mkdir(staging.path, 0o755) != 0 {
      let reason = FileProblem.reason(errno: errno)
      flock(lock, LOCK_UN)
      close(lock)
      throw WriteError(message: .cannotCreate(staging.path, reason: reason))
    }
    stagingFolder = open(staging.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard stagingFolder >= 0 else {
      let reason = FileProblem.reason(errno: errno)
      Self.remove(staging)
      flock(lock, LOCK_UN)
      close(lock)
      throw WriteError(message: .cannotCreate(staging.path, reason: reason))
    }
    overwrites = reusing
  }

  /// Whether openat2 works in the folder `path` (Linux 5.6 and later, unless a sandbox
  /// forbids it).
  private static func opensBeneath(_ path: String) -> Bool {
    let folder = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard folder >= 0 else { return false }
    defer { close(folder) }
    let opened = yb_open_beneath(folder, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
    guard opened >= 0 else { return false }
    close(opened)
    return true
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
    let failures = Parallel.map(groups) { [stagingFolder, overwrites] group in
      overwrites
        ? Self.makeFoldersBeneath(stagingFolder, group)
        : group.lazy.compactMap { Self.makeFolder(stagingFolder, $0) }.first
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

  /// The folders of `group`, which share a parent, made in a site being written over:
  /// the parent is opened without passing through a link (a link or a file in the way is
  /// removed first), and each folder is made inside the open parent.
  private static func makeFoldersBeneath(_ base: Int32, _ group: [Substring]) -> (Substring, Int32)? {
    guard let first = group.first else { return nil }
    let parentPath = first.lastIndex(of: "/").map { first[..<$0] } ?? ""
    var parent = base
    if !parentPath.isEmpty {
      parent = yb_open_beneath(base, String(parentPath), O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
      if parent < 0 {
        if let failure = clearWay(base, to: parentPath, asFolder: true) { return failure }
        parent = yb_open_beneath(base, String(parentPath), O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
        guard parent >= 0 else { return (parentPath, errno) }
      }
    }
    defer { if parent != base { close(parent) } }
    for folder in group {
      let name = String(folder[(folder.lastIndex(of: "/").map { folder.index(after: $0) } ?? folder.startIndex)...])
      if mkdirat(parent, name, 0o755) == 0 || errno == EEXIST { continue }
      return (folder, errno)
    }
    return nil
  }

  /// Makes `path` passable in a site being written over: each folder on the way that is
  /// missing is made, and a link or file where a folder should be is removed; the last part,
  /// when `asFolder`, is made a folder too, else removed unless it is a plain file. Each
  /// part is looked at only after those before it are known to be real folders, so nothing
  /// outside the staging folder is touched. The part that could not be made, or nil.
  private static func clearWay(_ base: Int32, to path: Substring, asFolder: Bool) -> (Substring, Int32)? {
    var end = path.startIndex
    while end < path.endIndex {
      end = path[path.index(after: end)...].firstIndex(of: "/") ?? path.endIndex
      let part = String(path[..<end])
      let isLast = end == path.endIndex
      var information = stat()
      let exists = fstatat(base, part, &information, AT_SYMLINK_NOFOLLOW) == 0
      let kind = information.st_mode & S_IFMT
      if isLast && !asFolder {
        if exists && kind == S_IFDIR {
          removeFolder(base, part)
        } else if exists && kind != S_IFREG {
          unlinkat(base, part, 0)
        }
        return nil
      }
      if exists && kind == S_IFDIR { continue }
      if exists { unlinkat(base, part, 0) }
      if mkdirat(base, part, 0o755) != 0 && errno != EEXIST { return (path[..<end], errno) }
    }
    return nil
  }

  /// Removes the folder `path` under `base` and all in it; `path` holds no link.
  private static func removeFolder(_ base: Int32, _ path: String) {
    let slash = path.lastIndex(of: "/")
    let parentPath = slash.map { String(path[..<$0]) } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    let parent = openat(base, parentPath, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard parent >= 0 else { return }
    TreeRemoval.removeEntry(name, in: parent)
    close(parent)
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
    let descriptor =
      overwrites ? openOver(path) : openat(stagingFolder, path.value, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
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
    if overwrites {
      // Written over from the start, not emptied first: the file keeps its pages, and the
      // end of a longer previous version is cut off here.
      guard ftruncate(descriptor, off_t(bytes.count)) == 0 else {
        throw WriteError(message: .cannotWrite(path.value, reason: FileProblem.reason(errno: errno)))
      }
      _ = written.withLock { $0.insert(path.value) }
    }
  }

  /// Opens `path` in the spare site to be written over, through no link; a link, folder or
  /// anything but a file in the way is removed first.
  private func openOver(_ path: OutputPath) -> Int32 {
    // Non-blocking, so that a pipe left where a file goes fails (ENXIO) instead of waiting.
    let flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NONBLOCK
    let descriptor = yb_open_beneath(stagingFolder, path.value, flags, 0o644)
    guard descriptor < 0, [ELOOP, ENOTDIR, EISDIR, ENOENT, ENXIO].contains(errno) else { return descriptor }
    if let (_, code) = Self.clearWay(stagingFolder, to: Substring(path.value), asFolder: false) {
      errno = code
      return -1
    }
    return yb_open_beneath(stagingFolder, path.value, flags, 0o644)
  }

  /// Copies the file `source` names, following a symbolic link (the loader has checked it
  /// stays inside `Content/`), so the output never holds a link.
  public func copy(from source: String, to path: OutputPath) throws(WriteError) {
    if overwrites {
      let bytes: [UInt8]
      do {
        bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: source).resolvingSymlinksInPath()))
      } catch {
        throw WriteError(message: .cannotCopy(source, reason: FileProblem.reason(error)))
      }
      try write(bytes, to: path)
      return
    }
    do {
      let file = URL(fileURLWithPath: source).resolvingSymlinksInPath().path
      try FileManager.default.copyItem(atPath: file, toPath: staging.path + "/" + path.value)
    } catch {
      throw WriteError(message: .cannotCopy(source, reason: FileProblem.reason(error)))
    }
  }

  /// Puts the staging folder in the output's place: one `renameat2(RENAME_EXCHANGE)` where
  /// the file system has it, else two renames. The previous output is then kept as the
  /// spare for the next build.
  public func commit() throws(WriteError) {
    defer { release() }
    if overwrites {
      StaleFiles.remove(under: stagingFolder, keeping: written.withLock { $0 })
    }
    let manager = FileManager.default
    let parent = output.deletingLastPathComponent()
    let previous = parent.appendingPathComponent(".\(output.lastPathComponent).old-\(getpid())")
    var isDirectory: ObjCBool = false
    let hadOutput = manager.fileExists(atPath: output.path, isDirectory: &isDirectory)
    if hadOutput && exchangeItems(staging.path, output.path) == 0 {
      // The staging path now holds the previous site.
      keepAsSpare(staging)
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
    if hadOutput { keepAsSpare(previous) }
  }

  /// Keeps the previous site for the next build to write over, where the kernel allows
  /// that (else it is removed).
  private func keepAsSpare(_ folder: URL) {
    guard opensBeneath, rename(folder.path, spare.path) == 0 else {
      Self.remove(folder)
      return
    }
  }

  /// Removes a previous site. Best effort: whatever stays behind is removed by the next
  /// build, which clears old folders first.
  package static func remove(_ folder: URL) {
    TreeRemoval.remove(folder.path)
  }

  /// Gives up the staging folder; the output stays as it was. A spare being written over
  /// goes back to being the spare (the next build removes what it does not write); a new
  /// staging folder is removed.
  public func abandon() {
    guard !finished else { return }
    if overwrites {
      keepAsSpare(staging)
    } else {
      try? FileManager.default.removeItem(at: staging)
    }
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
