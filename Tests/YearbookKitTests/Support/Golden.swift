import Foundation
import Testing

/// Compares text with a file under `Tests/YearbookKitTests/Golden/`. Run the tests with
/// `UPDATE_GOLDEN=1` to write the files afresh, then review the diff before committing.
enum Golden {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Golden")

  /// `subfolder` groups the golden files of one site (`default-site`).
  static func assertMatches(
    _ actual: String, named name: String, in subfolder: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let folder = subfolder.map { Self.folder.appendingPathComponent($0) } ?? Self.folder
    let url = folder.appendingPathComponent(name.replacingOccurrences(of: "/", with: "__"))
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: url)
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "\(name) differs from its golden file", sourceLocation: sourceLocation)
  }
}
