/// A Markdown file split at its `---` fences: the YAML between them and the body after.
struct FrontMatter: Sendable {
  var yaml: String
  var body: String
  /// Lines of the file before the body starts (both fences and the YAML).
  var bodyLineOffset: Int

  enum SplitError: Error, Equatable {
    case missingOpeningFence
    case unterminated
  }

  /// The opening fence must be the first line; the closing fence is the next line that
  /// is exactly `---` (or `...`). CRLF line ends and a UTF-8 BOM are accepted.
  static func split(_ text: String) throws(SplitError) -> FrontMatter {
    var text = Substring(text)
    if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    func isFence(_ line: Substring, _ fences: Set<String>) -> Bool {
      let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
      return fences.contains(String(trimmed.reversed().drop(while: { $0 == " " }).reversed()))
    }
    guard let first = lines.first, isFence(first, ["---"]) else {
      throw .missingOpeningFence
    }
    guard let close = lines.dropFirst().firstIndex(where: { isFence($0, ["---", "..."]) }) else {
      throw .unterminated
    }
    let yaml = lines[1..<close].joined(separator: "\n")
    let body = lines[(close + 1)...].joined(separator: "\n")
    return FrontMatter(yaml: yaml, body: body, bodyLineOffset: close + 1)
  }
}
