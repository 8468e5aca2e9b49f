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
      let loop = errno == ELOOP
      return .skip(
        .error(.brokenLink(loop: loop, destination: "\(destination)"), at: SourceLocation(file: file)))
    }
    defer { free(resolved) }
    let target = String(cString: resolved)
    let boundary = (root.resolvingSymlinksInPath().path as NSString).standardizingPath + "/"
    guard target.hasPrefix(boundary) else {
      return .skip(
        .error(
          .linkOutside("\(target)", root: root.lastPathComponent),
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
          .linkToOwnFolder("\(destination)"),
          at: SourceLocation(file: file)))
    }
    return .skip(
      .warning(
        .linkToFolder("\(destination)"),
        at: SourceLocation(file: file)))
  }
}
