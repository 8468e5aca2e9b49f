extension StringProtocol {
  /// Whitespace (including the full-width space U+3000) removed from both ends, without
  /// Foundation's NSString round trip, which dominated chart rendering time.
  package var trimmed: String {
    guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
    let last = lastIndex(where: { !$0.isWhitespace })!
    return String(self[first...last])
  }
}

extension String {
  /// Whether `other` occurs in this text, compared as UTF-8 bytes: Foundation's
  /// `contains` goes through CFString and dominated the figure consistency check.
  package func containsText(_ other: String) -> Bool {
    let needle = Array(other.utf8)
    guard let first = needle.first else { return true }
    let haystack = Array(utf8)
    guard haystack.count >= needle.count else { return false }
    var index = 0
    while index <= haystack.count - needle.count {
      if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
      index += 1
    }
    return false
  }
}
