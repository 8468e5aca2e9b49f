import Foundation
import YearbookCore
import YearbookModel

/// The names in a folder, sorted. A folder that is missing lists as empty (callers decide
/// whether it must exist); one that exists but cannot be read is an error naming it, never
/// an empty folder, so a permissions mistake cannot drop half a site without a word.
package enum FolderListing {
  package static func names(in url: URL, file: SourcePath, diagnostics: inout [Diagnostic]) -> [String] {
    do {
      return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    } catch {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return [] }
      diagnostics.append(
        .error(
          .cannotReadFolder(FileProblem.reason(error)),
          at: SourceLocation(file: file)))
      return []
    }
  }
}
