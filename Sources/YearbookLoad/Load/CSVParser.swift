import YearbookCore
import YearbookModel

/// RFC 4180 CSV read byte by byte: quoted fields with commas, newlines and `""`; CRLF or
/// LF; a UTF-8 BOM. Unlike the common libraries it reports a bad quote with its line and
/// column instead of guessing.
public struct CSVParser {
  public struct Field: Equatable, Sendable {
    public var text: String
    public var line: Int
    public var column: Int
  }

  public struct Problem: Equatable, Sendable {
    public var message: Message
    public var line: Int
    public var column: Int
  }

  public static func parse(_ bytes: [UInt8]) -> (rows: [[Field]], problems: [Problem]) {
    var parser = CSVParser(bytes: bytes)
    parser.run()
    return (parser.rows, parser.problems)
  }

  private let bytes: [UInt8]
  private var index = 0
  private var line = 1
  private var column = 1
  private var rows: [[Field]] = []
  private var problems: [Problem] = []

  private init(bytes: [UInt8]) {
    self.bytes = bytes
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
  }

  private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"),
    carriageReturn = UInt8(ascii: "\r")

  private mutating func advance() {
    let byte = bytes[index]
    index += 1
    if byte == Self.newline {
      line += 1
      column = 1
    } else if byte & 0xC0 != 0x80 {  // count characters, not UTF-8 continuation bytes
      column += 1
    }
  }

  private var atLineEnd: Bool {
    bytes[index] == Self.newline
      || (bytes[index] == Self.carriageReturn && index + 1 < bytes.count && bytes[index + 1] == Self.newline)
  }

  private mutating func run() {
    var row: [Field] = []
    while index < bytes.count {
      let field = readField()
      row.append(field)
      if index >= bytes.count { break }
      if bytes[index] == Self.comma {
        advance()
        if index >= bytes.count { row.append(Field(text: "", line: line, column: column)) }
        continue
      }
      // At a line end.
      if bytes[index] == Self.carriageReturn { advance() }
      advance()
      finish(&row)
    }
    finish(&row)
  }

  private mutating func finish(_ row: inout [Field]) {
    defer { row = [] }
    // A blank line (one empty field) is skipped rather than read as a row of gaps.
    if row.count == 1 && row[0].text.isEmpty { return }
    if !row.isEmpty { rows.append(row) }
  }

  private mutating func readField() -> Field {
    let startLine = line
    let startColumn = column
    var value: [UInt8] = []
    if index < bytes.count && bytes[index] == Self.quote {
      advance()
      while true {
        guard index < bytes.count else {
          problems.append(
            Problem(message: .csvUnclosedQuote(), line: startLine, column: startColumn))
          return Field(text: decode(value, line: startLine, column: startColumn), line: startLine, column: startColumn)
        }
        if bytes[index] == Self.quote {
          if index + 1 < bytes.count && bytes[index + 1] == Self.quote {
            value.append(Self.quote)
            advance()
            advance()
            continue
          }
          advance()
          break
        }
        value.append(bytes[index])
        advance()
      }
      if index < bytes.count && bytes[index] != Self.comma && !atLineEnd {
        problems.append(
          Problem(
            message: .csvTextAfterQuote(), line: line,
            column: column))
        while index < bytes.count && bytes[index] != Self.comma && !atLineEnd { advance() }
      }
    } else {
      while index < bytes.count && bytes[index] != Self.comma && !atLineEnd {
        if bytes[index] == Self.quote {
          problems.append(
            Problem(
              message: .csvQuoteInField(),
              line: line, column: column))
        }
        value.append(bytes[index])
        advance()
      }
    }
    return Field(text: decode(value, line: startLine, column: startColumn), line: startLine, column: startColumn)
  }

  private mutating func decode(_ value: [UInt8], line: Int, column: Int) -> String {
    if let text = String(validating: value, as: UTF8.self) { return text }
    problems.append(
      Problem(message: .csvFieldNotUTF8(), line: line, column: column))
    return String(decoding: value, as: UTF8.self)
  }
}
