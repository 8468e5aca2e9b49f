import Foundation
import YearbookCore
import YearbookModel

/// Symbolic links under `Content/` and `Templates/`: a link to a file inside the same folder
/// is read (and published) as that file, never as a link; a link that leads out of it is an
/// error, so `Content/assets/x -> /etc/passwd` can never be published; a link that loops,
/// points nowhere, or points to a folder is reported instead of followed, so a loop can
/// never make a build run forever.
package enum SymbolicLinks {
  package enum Verdict {
    case notALink
    case follow
    case skip(Diagnostic)
  }

  /// `root` is the folder links may not lead out of (`Content/` or `Templates/`).
  package static func verdict(for url: URL, file: SourcePath, root: URL) -> Verdict {
    // lstat alone: it runs for every file under Content/, and FileManager's attributes
    // also look up owner names.
    var status = stat()
    guard lstat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return .notALink }
    let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) ?? "?"
    guard let resolved = realpath(url.path, nil) else {
      let reason = errno == ELOOP ? "a symbolic link loop" : "a broken symbolic link"
      return .skip(
        .error("\(reason) (points to \(destination)); remove it or point it at a file", at: SourceLocation(file: file)))
    }
    defer { free(resolved) }
    let target = String(cString: resolved)
    let boundary = (root.resolvingSymlinksInPath().path as NSString).standardizingPath + "/"
    guard target.hasPrefix(boundary) else {
      return .skip(
        .error(
          "a symbolic link to \(target), outside \(root.lastPathComponent)/: it would publish a file from elsewhere on this computer; copy the file into \(root.lastPathComponent)/ instead",
          at: SourceLocation(file: file)))
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue else {
      return .follow
    }
    let parent = url.deletingLastPathComponent().resolvingSymlinksInPath().path
    if parent == target || parent.hasPrefix(target + "/") {
      return .skip(
        .error(
          "a symbolic link loop: it points back to its own folder \(destination); remove it",
          at: SourceLocation(file: file)))
    }
    return .skip(
      .warning(
        "a symbolic link to a folder (\(destination)) is not followed; copy the files instead",
        at: SourceLocation(file: file)))
  }
}
