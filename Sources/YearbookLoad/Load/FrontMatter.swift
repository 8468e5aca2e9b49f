import YearbookCore
import YearbookModel

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
  /// is exactly `---` (or `...`), trailing spaces allowed. CRLF line ends and a UTF-8 BOM
  /// are accepted. Works on the UTF-8 bytes: it runs once per article.
  public static func split(_ text: String) throws(SplitError) -> FrontMatter {
    var text = text
    text.makeContiguousUTF8()
    // Slices of the text are copied as they are: it is valid UTF-8, checked once.
    let source = text
    return try text.withUTF8 { bytes -> Result<FrontMatter, SplitError> in
      var start = 0
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
      var lines: [Range<Int>] = []
      var lineStart = start
      var closing: Int?
      var index = start
      while index <= bytes.count {
        guard index == bytes.count || bytes[index] == 0x0A else {
          index += 1
          continue
        }
        var end = index
        if end > lineStart && bytes[end - 1] == 0x0D { end -= 1 }
        lines.append(lineStart..<end)
        let isFence = fence(bytes, lineStart..<end)
        if lines.count == 1 {
          guard isFence == .dashes else { return .failure(.missingOpeningFence) }
        } else if isFence != nil {
          closing = lines.count - 1
          lineStart = index + 1
          break
        }
        lineStart = index + 1
        index += 1
      }
      guard let closing else { return .failure(.unterminated) }
      // The YAML is the bytes between the fences, read at once unless its lines end in CR.
      let inside = closing > 1 ? bytes[lines[1].lowerBound..<lines[closing - 1].upperBound] : bytes[0..<0]
      let yaml =
        inside.contains(0x0D)
        ? lines[1..<closing].map { String(decoding: bytes[$0], as: UTF8.self) }.joined(separator: "\n")
        : String(source.utf8Slice(inside.startIndex..<inside.endIndex))
      let body = lineStart < bytes.count ? String(source.utf8Slice(lineStart..<bytes.count)) : ""
      return .success(
        FrontMatter(
          yaml: yaml, body: ByteSearch.contains(0x0D, in: body) ? body.replacing("\r\n", with: "\n") : body,
          bodyLineOffset: closing + 1))
    }.get()
  }

  private enum Fence { case dashes, dots }

  private static func fence(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Fence? {
    var end = line.upperBound
    while end > line.lowerBound && bytes[end - 1] == 0x20 { end -= 1 }
    guard end - line.lowerBound == 3 else { return nil }
    let first = bytes[line.lowerBound]
    guard (first == 0x2D || first == 0x2E), bytes[line.lowerBound + 1] == first, bytes[line.lowerBound + 2] == first
    else { return nil }
    return first == 0x2D ? .dashes : .dots
  }
}
