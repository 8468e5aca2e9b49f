extension StringProtocol {
  /// Whitespace (including the full-width space U+3000) removed from both ends, without
  /// Foundation's NSString round trip, which dominated chart rendering time.
  var trimmed: String {
    guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
    let last = lastIndex(where: { !$0.isWhitespace })!
    return String(self[first...last])
  }
}
