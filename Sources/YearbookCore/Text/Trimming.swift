extension StringProtocol {
  /// Whitespace (including the full-width space U+3000) removed from both ends, without
  /// Foundation's NSString round trip, which dominated chart rendering time.
  package var trimmed: String {
    // Most text has nothing to trim, and saying so from the end scalars is much cheaper
    // than walking characters (YAML values, labels and headings are trimmed by the
    // thousand).
    if let first = unicodeScalars.first, let last = unicodeScalars.last, !Self.isWhitespace(first),
      Self.endsCharacterAndIsNotSpace(last)
    {
      return String(self)
    }
    guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
    let last = lastIndex(where: { !$0.isWhitespace })!
    return String(self[first...last])
  }

  /// Unicode's whitespace, answered for ASCII and CJK without the property tables.
  private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20: true
    case 0x21...0x7E, 0x3001...0x9FFF: false
    default: scalar.properties.isWhitespace
    }
  }

  /// A scalar that is not whitespace and never joins what comes before it into one
  /// character (as a combining mark joins a space): printable ASCII, CJK punctuation,
  /// ideographs and full-width forms, which end nearly every value.
  private static func endsCharacterAndIsNotSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x21...0x7E, 0x3001...0x3029, 0x3030...0x303F, 0x4E00...0x9FFF, 0xFF01...0xFF5E: true
    default: false
    }
  }
}

extension String {
  /// Whether `other` occurs in this text, compared as UTF-8 bytes: Foundation's
  /// `contains` goes through CFString and dominated the figure consistency check.
  package func containsText(_ other: String) -> Bool {
    guard !other.isEmpty else { return true }
    var text = self
    var other = other
    return text.withUTF8 { bytes in other.withUTF8 { ByteSearch.firstIndex(of: $0, in: bytes, from: 0) != nil } }
  }
}
