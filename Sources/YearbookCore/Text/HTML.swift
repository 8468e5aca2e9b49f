/// Escaping for text Yearbook itself places in HTML or XML (headings' ids, feed entries).
/// Templates escape through Mustache; cmark escapes the Markdown it renders.
package enum HTML {
  /// `text` escaped, with `<wbr>` between its words and short phrases in marks
  /// (`LineBreaks`): under `word-break: keep-all` a browser breaks a caption only there,
  /// never inside 加大 or “十三五”. Text too short to wrap is only escaped.
  package static func escapeBreakingBetweenWords(_ text: String) -> String {
    guard text.count > 12 else { return escape(text) }
    return LineBreaks.pieces(text).map(escape).joined(separator: "<wbr>")
  }

  package static func escape(_ text: String) -> String {
    // Most text has nothing to escape; a pass over the UTF-8 bytes, one mask test each,
    // says so without building anything.
    var text = text
    guard let first = text.withUTF8({ $0.firstIndex(where: isSpecial) }) else { return text }
    return text.withUTF8 { bytes in
      var escaped: [UInt8] = []
      escaped.reserveCapacity(bytes.count + 16)
      escaped.append(contentsOf: bytes[..<first])
      for byte in bytes[first...] {
        guard isSpecial(byte) else {
          escaped.append(byte)
          continue
        }
        switch byte {
        case 0x26: escaped.append(contentsOf: "&amp;".utf8)
        case 0x3C: escaped.append(contentsOf: "&lt;".utf8)
        case 0x3E: escaped.append(contentsOf: "&gt;".utf8)
        case 0x22: escaped.append(contentsOf: "&quot;".utf8)
        default: escaped.append(contentsOf: "&#39;".utf8)
        }
      }
      return String(decoding: escaped, as: UTF8.self)
    }
  }

  /// `&`, `<`, `>`, `"` and `'`: all below 64, so one bit each of a mask.
  private static let specialBytes: UInt64 = 1 << 0x26 | 1 << 0x3C | 1 << 0x3E | 1 << 0x22 | 1 << 0x27

  @inline(__always) private static func isSpecial(_ byte: UInt8) -> Bool {
    byte < 64 && specialBytes >> UInt64(byte) & 1 == 1
  }

  /// The text of markup Yearbook wrote, its tags dropped (entities left as they are).
  package static func strippingTags(_ html: some StringProtocol) -> String {
    var text = ""
    var inTag = false
    for character in html {
      if character == "<" {
        inTag = true
      } else if character == ">" {
        inTag = false
      } else if !inTag {
        text.append(character)
      }
    }
    return text
  }

  /// Reverses `escape`, for text Yearbook itself escaped.
  package static func unescape(_ text: String) -> String {
    text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
      .replacingOccurrences(of: "&amp;", with: "&")
  }
}
