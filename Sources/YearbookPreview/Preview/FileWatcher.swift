import Foundation
import YearbookBuild
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookRender

#if canImport(Glibc)
  import Glibc

  /// Watches folders (`Content/`, `Templates/`) and every folder below them with Linux's
  /// inotify: no polling, so an idle preview costs nothing and a save is seen at once.
  /// Editors save in several steps (a temporary file, a rename, a backup); changes are
  /// collected until the folders have been quiet for `settle`, then handed over together.
  public final class FileWatcher: @unchecked Sendable {
    public struct Failure: MessageError {
      public var message: Message
    }

    private let root: URL
    private let descriptor: Int32
    /// Watch descriptor → folder relative to the root (`Content/2024`).
    private var folders: [Int32: String] = [:]
    private let settle: Duration
    private let lock = NSLock()
    private var stopped = false

    public init(root: URL, folders: [String], settle: Duration = .milliseconds(30)) throws(Failure) {
      self.root = root
      self.settle = settle
      descriptor = inotify_init1(Int32(IN_CLOEXEC) | Int32(IN_NONBLOCK))
      guard descriptor >= 0 else {
        throw Failure(message: .cannotWatch(nil, reason: FileProblem.reason(errno: errno)))
      }
      for folder in folders { try watch(folder) }
    }

    deinit { close(descriptor) }

    private static let events: UInt32 =
      UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM) | UInt32(IN_CREATE) | UInt32(IN_DELETE)
      | UInt32(IN_ATTRIB)

    /// Watches `folder` (relative to the root) and the folders below it.
    private func watch(_ folder: String) throws(Failure) {
      let path = root.appendingPathComponent(folder).path
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
        return
      }
      let handle = inotify_add_watch(descriptor, path, Self.events)
      guard handle >= 0 else {
        throw Failure(message: .cannotWatch(folder, reason: FileProblem.reason(errno: errno)))
      }
      folders[handle] = folder
      let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      for name in names where !name.hasPrefix(".") {
        let child = "\(folder)/\(name)"
        var childIsDirectory: ObjCBool = false
        // Links to folders are not followed, as in the build.
        var status = stat()
        if lstat(root.appendingPathComponent(child).path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
          continue
        }
        if FileManager.default.fileExists(
          atPath: root.appendingPathComponent(child).path, isDirectory: &childIsDirectory),
          childIsDirectory.boolValue
        {
          try watch(child)
        }
      }
    }

    /// Waits for changes and returns the changed files (relative to the root, sorted;
    /// folders end in `/`), or nil once `stop` was called.
    public func nextChanges() -> [SourcePath]? {
      var changed: Set<String> = []
      while true {
        if lock.withLock({ stopped }) { return nil }
        // The first change is waited for in short steps, so `stop` is seen within 100 ms.
        let settleMilliseconds =
          settle.components.seconds * 1000 + settle.components.attoseconds / 1_000_000_000_000_000
        let timeout = changed.isEmpty ? 100 : Int32(settleMilliseconds)
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, timeout)
        if ready > 0 {
          changed.formUnion(readEvents())
        } else if ready == 0 && !changed.isEmpty {
          return changed.sorted().map(SourcePath.init)
        }
      }
    }

    public func stop() {
      lock.withLock { stopped = true }
    }

    private func readEvents() -> Set<String> {
      var changed: Set<String> = []
      var buffer = [UInt8](repeating: 0, count: 64 * 1024)
      while true {
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { break }
        var offset = 0
        while offset + MemoryLayout<inotify_event>.size <= count {
          let (handle, mask, nameLength) = buffer.withUnsafeBytes { bytes in
            let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
            return (event.wd, event.mask, Int(event.len))
          }
          let nameStart = offset + MemoryLayout<inotify_event>.size
          let nameBytes = buffer[nameStart..<nameStart + nameLength].prefix { $0 != 0 }
          let name = String(decoding: nameBytes, as: UTF8.self)
          offset = nameStart + nameLength
          guard let folder = folders[handle], !name.isEmpty, !Self.isEditorScratch(name) else { continue }
          let path = "\(folder)/\(name)"
          if mask & UInt32(IN_ISDIR) != 0 {
            if mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0 { try? watch(path) }
            changed.insert(path + "/")
          } else {
            changed.insert(path)
          }
        }
      }
      return changed
    }

    /// Files editors write beside the real one while saving: `.talent.md.swp`, `talent.md~`,
    /// vim's `4913`.
    package static func isEditorScratch(_ name: String) -> Bool {
      name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
        || name.hasSuffix(".tmp") || name == "4913" || name.hasPrefix("#")
    }
  }
#endif
