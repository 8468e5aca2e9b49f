import Foundation
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookPortal
import YearbookRender

/// Removes a folder and everything in it with `unlinkat(2)` relative to open folders:
/// FileManager's `removeItem` stats and builds a path for every file, which made removing a
/// 60,000-file previous site a second of the build.
package enum TreeRemoval {
  /// Removes `path` (a file, a link or a folder). The entries two levels down are removed
  /// on every core: a site's top level is a few folders of very different sizes (a year's
  /// articles, `embed/`, `fragments/`), so sharing out only those would leave a core idle.
  package static func remove(_ path: String) {
    let folder = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard folder >= 0 else {
      unlink(path)
      return
    }
    var entries: [(parent: String, name: String)] = []
    var topFolders: [String] = []
    for name in names(in: folder) {
      if unlinkat(folder, name, 0) == 0 || (errno != EISDIR && errno != EPERM) { continue }
      let child = path + "/" + name
      let opened = open(child, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      guard opened >= 0 else { continue }
      entries += names(in: opened).map { (child, $0) }
      close(opened)
      topFolders.append(name)
    }
    _ = Parallel.map(entries) { entry -> Void in
      let parent = open(entry.parent, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
      guard parent >= 0 else { return }
      removeEntry(entry.name, in: parent)
      close(parent)
    }
    for name in topFolders { unlinkat(folder, name, AT_REMOVEDIR) }
    close(folder)
    rmdir(path)
  }

  /// Removes `name` inside the open folder `parent`: a file or link at once, a folder after
  /// its contents.
  package static func removeEntry(_ name: String, in parent: Int32) {
    if unlinkat(parent, name, 0) == 0 || (errno != EISDIR && errno != EPERM) { return }
    let folder = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard folder >= 0 else { return }
    for entry in names(in: folder) { removeEntry(entry, in: folder) }
    close(folder)
    unlinkat(parent, name, AT_REMOVEDIR)
  }

  /// The entries of an open folder, without `.` and `..`; the descriptor stays open.
  private static func names(in folder: Int32) -> [String] {
    let copy = dup(folder)
    guard copy >= 0, let stream = fdopendir(copy) else { return [] }
    defer { closedir(stream) }
    var names: [String] = []
    while let entry = readdir(stream) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }
}
