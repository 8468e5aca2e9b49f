import Foundation
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookPortal
import YearbookRender

/// Refuses output folders that a build would damage when it swaps in the new site:
/// the project itself, the content, the templates, the file system root, a file, or a
/// folder of something else.
public enum OutputLocation {
  /// A sentence saying why `output` cannot be used, or nil when it is safe.
  public static func problem(output: URL, root: URL) -> Message? {
    let output = output.standardizedFileURL.resolvingSymlinksInPath()
    let root = root.standardizedFileURL.resolvingSymlinksInPath()
    let path = output.path
    if path == "/" { return .outputIsRoot() }
    if isSame(path, or: root.path, within: false) || isAncestor(path, of: root.path) {
      return .outputHoldsProject(path)
    }
    for protected in ["Content", "Templates", "Sources", "Tests"] {
      let protectedPath = root.appendingPathComponent(protected).path
      if isSame(path, or: protectedPath, within: true) {
        return .outputInsideProtected(path, folder: protected)
      }
    }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
      if !isDirectory.boolValue { return .outputIsFile(path) }
      let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      if !entries.isEmpty && !entries.contains("index.html") {
        return .outputNotASite(path)
      }
    }
    return nil
  }

  private static func isSame(_ path: String, or other: String, within: Bool) -> Bool {
    path == other || (within && path.hasPrefix(other + "/"))
  }

  private static func isAncestor(_ path: String, of other: String) -> Bool {
    other.hasPrefix(path.hasSuffix("/") ? path : path + "/")
  }
}
