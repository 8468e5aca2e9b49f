/// A Markdown file split at its `---` fences: the YAML between them and the body after.
public struct FrontMatter: Sendable {
  public var yaml: String
  public var body: String
  /// Lines of the file before the body starts (both fences and the YAML).
  public var bodyLineOffset: Int

  public enum SplitError: Error, Equatable {
    case missingOpeningFence
    case unterminated
  }

  /// The opening fence must be the first line; the closing fence is the next line that
  /// is exactly `---` (or `...`). CRLF line ends and a UTF-8 BOM are accepted.
  public static func split(_ text: String) throws(SplitError) -> FrontMatter {
    var text = Substring(text)
    if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
    // "\r\n" is one Character in Swift, so it must become "\n" before splitting lines.
    let lines = text.replacingOccurrences(of: "\r\n", with: "\n")
      .split(separator: "\n", omittingEmptySubsequences: false)
    func isFence(_ line: Substring, _ fences: Set<String>) -> Bool {
      fences.contains(String(line.reversed().drop(while: { $0 == " " }).reversed()))
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
