import Foundation
import YearbookCore

/// What `yearbook init` and `yearbook new` write as examples, found before it is
/// published: text marked 待填写 or 待替换 anywhere in the content, and the sample site
/// code. `build` and `check` refuse them as errors; the preview and `--drafts`, which do
/// not publish, show them as warnings so a new site can be looked at while it is filled in.
package enum Placeholders {
  /// The marks every example text carries.
  package static let markers = ["待填写", "待替换"]
  /// The 网站标识码 `init` writes; a real one is issued by the portal.
  package static let sampleSiteCode = "0000000000"

  /// Each place `text` (a whole file as read) holds a marker. In YAML files a comment line
  /// explains a setting and is never published, so comment lines are passed over.
  package static func find(
    in text: String, file: SourcePath, skippingComments: Bool, severity: Diagnostic.Severity
  ) -> [Diagnostic] {
    var text = text
    return text.withUTF8 { bytes -> [Diagnostic] in
      var found: [Diagnostic] = []
      for marker in markers {
        let needle = Array(marker.utf8)
        var start = 0
        while let offset = needle.withUnsafeBufferPointer({ ByteSearch.firstIndex(of: $0, in: bytes, from: start) }) {
          start = offset + needle.count
          let lineStart = (bytes[..<offset].lastIndex(of: 0x0A) ?? -1) + 1
          let before = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<offset]), as: UTF8.self)
          if skippingComments, before.trimmingCharacters(in: .whitespaces).hasPrefix("#") { continue }
          let line = bytes[..<lineStart].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
          found.append(
            Diagnostic(
              severity,
              .placeholderLeft(marker),
              at: SourceLocation(file: file, line: line, column: before.count + 1)))
        }
      }
      return found
    }
  }
}
