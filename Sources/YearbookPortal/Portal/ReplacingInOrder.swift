import Foundation
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookMarkdown
import YearbookModel
import YearbookRender

extension String {
  /// Each of `replacements` (text → new text) put in place of the first occurrence of its
  /// text found after the previous one's, compared as UTF-8 bytes: Foundation's
  /// `replacingOccurrences` converts to UTF-16 and dominated writing CMS fragments.
  package func replacingInOrder(_ replacements: [(String, String)]) -> String {
    guard !replacements.isEmpty else { return self }
    var text = self
    return text.withUTF8 { bytes -> String in
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count)
      var position = 0
      for (old, new) in replacements {
        var old = old
        let found = old.withUTF8 { ByteSearch.firstIndex(of: $0, in: bytes, from: position) }
        guard let found else { continue }
        out.append(contentsOf: bytes[position..<found])
        out.append(contentsOf: new.utf8)
        position = found + old.utf8.count
      }
      out.append(contentsOf: bytes[position...])
      return String(decoding: out, as: UTF8.self)
    }
  }
}
