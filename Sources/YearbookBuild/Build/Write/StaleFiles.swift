import Foundation
import YearbookCore

/// Removes from a site written over the previous one (`StagingFolder`) everything this
/// build did not write: files of pages that are gone, folders left empty, and anything not
/// a plain file or folder (a link is removed, never followed). The folders two levels
/// down, a year's articles or `embed/2024/`'s pages, are pruned on every core.
package enum StaleFiles {
  package static func remove(under root: Int32, keeping written: Set<String>) {
    var folders: Set<Substring> = []
    for path in written {
      var folder = Substring(path)
      while let slash = folder.lastIndex(of: "/") {
        folder = folder[..<slash]
        guard folders.insert(folder).inserted else { break }
      }
    }
    var level = [""]
    // Two levels one folder at a time: a site's top has a few folders, the next a few more.
    for _ in 0..<2 {
      var next: [String] = []
      for folder in level {
        next += prune(root, folder, written: written, folders: folders, descend: false)
      }
      level = next
    }
    let runs = stride(from: 0, to: level.count, by: 64).map { level[$0..<min($0 + 64, level.count)] }
    _ = Parallel.map(runs) { [folders] run -> Void in
      for folder in run { _ = prune(root, folder, written: written, folders: folders, descend: true) }
    }
  }

  /// Prunes the folder `path` under `root` (`""` for `root` itself); with `descend`, its
  /// kept folders too, else it returns them.
  private static func prune(
    _ root: Int32, _ path: String, written: Set<String>, folders: Set<Substring>, descend: Bool
  ) -> [String] {
    let folder = path.isEmpty ? dup(root) : openat(root, path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard folder >= 0 else { return [] }
    defer { close(folder) }
    let prefix = path.isEmpty ? "" : path + "/"
    var kept: [String] = []
    for (name, kind) in entries(of: folder) {
      let child = prefix + name
      switch kind {
      case UInt8(DT_REG) where written.contains(child):
        continue
      case UInt8(DT_DIR) where folders.contains(Substring(child)):
        if descend {
          _ = prune(root, child, written: written, folders: folders, descend: true)
        } else {
          kept.append(child)
        }
      case UInt8(DT_DIR):
        TreeRemoval.removeEntry(name, in: folder)
      default:
        unlinkat(folder, name, 0)
      }
    }
    return kept
  }

  /// The entries of an open folder with their kinds (`DT_REG`, `DT_DIR`, …), asked of the
  /// file system where the folder listing does not say.
  private static func entries(of folder: Int32) -> [(name: String, kind: UInt8)] {
    let copy = dup(folder)
    guard copy >= 0, let stream = fdopendir(copy) else { return [] }
    defer { closedir(stream) }
    var entries: [(name: String, kind: UInt8)] = []
    while let entry = readdir(stream) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
      }
      guard name != "." && name != ".." else { continue }
      var kind = entry.pointee.d_type
      if kind == UInt8(DT_UNKNOWN) {
        var information = stat()
        if fstatat(folder, name, &information, AT_SYMLINK_NOFOLLOW) == 0 {
          switch information.st_mode & S_IFMT {
          case S_IFREG: kind = UInt8(DT_REG)
          case S_IFDIR: kind = UInt8(DT_DIR)
          default: kind = UInt8(DT_LNK)
          }
        }
      }
      entries.append((name, kind))
    }
    return entries
  }
}
