import Foundation
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookModel

/// A GFM pipe table found in an article's Markdown, as editors paste them from Word or WPS:
/// a header row, a delimiter row (`| :--- | ---: |`) and body rows.
///
/// libcmark has no tables, so they are found in the source before cmark parses it. Tables
/// are recognised at the top level of the document: lines indented at most three spaces,
/// outside fenced code blocks. Tables inside list items or block quotes stay text. A row
/// ends at an unescaped `|`; `\|` is a pipe inside a cell, in code spans too (as in GFM).
package struct PipeTable: Sendable, Hashable {
  package enum Alignment: Sendable, Hashable {
    case none, left, center, right
  }

  package struct Cell: Sendable, Hashable {
    var text: String
    /// Where the cell's text starts, in lines of the Markdown text and bytes of its line.
    var line: Int
    var byteColumn: Int
  }

  /// The header row's line (1-based) in the Markdown text.
  package var firstLine: Int
  package var lineCount: Int
  package var alignments: [Alignment]
  package var header: [Cell]
  package var rows: [[Cell]]

  /// The info string of the fence that stands in for a table while cmark parses the rest.
  package static let placeholderInfo = "yearbook-pipe-table"

  package struct Problem: Sendable, Hashable {
    var message: Message
    var line: Int
    var byteColumn: Int
  }

  /// Every table in `text`, and the rows whose number of cells differs from the header's
  /// (padded or cut, as GFM does).
  package static func find(in text: String) -> (tables: [PipeTable], problems: [Problem]) {
    // Most articles have no table: one pass over the bytes saves splitting them into lines.
    guard ByteSearch.contains(UInt8(ascii: "|"), in: text) else { return ([], []) }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.last == "\r" ? line.dropLast() : line
    }
    var tables: [PipeTable] = []
    var problems: [Problem] = []
    var fence: (marker: Character, length: Int)?
    var index = 0
    while index < lines.count {
      let line = lines[index]
      if let open = fence {
        if let marker = fenceMarker(line), marker.marker == open.marker, marker.length >= open.length,
          marker.rest.allSatisfy(\.isWhitespace)
        {
          fence = nil
        }
        index += 1
        continue
      }
      if let marker = fenceMarker(line) {
        fence = (marker.marker, marker.length)
        index += 1
        continue
      }
      guard index + 1 < lines.count, indentation(line) <= 3, containsPipe(line),
        let alignments = delimiterRow(lines[index + 1])
      else {
        index += 1
        continue
      }
      let header = cells(of: line, line: index + 1)
      guard header.count == alignments.count else {
        index += 1
        continue
      }
      var rows: [[Cell]] = []
      var end = index + 2
      while end < lines.count, !endsTable(lines[end]) {
        var row = cells(of: lines[end], line: end + 1)
        if row.count != header.count {
          problems.append(
            Problem(
              message: .tableRowWidth(cells: row.count, header: header.count),
              line: end + 1, byteColumn: indentation(lines[end]) + 1))
          if row.count > header.count { row.removeLast(row.count - header.count) }
          while row.count < header.count {
            row.append(Cell(text: "", line: end + 1, byteColumn: lines[end].utf8.count + 1))
          }
        }
        rows.append(row)
        end += 1
      }
      tables.append(
        PipeTable(firstLine: index + 1, lineCount: end - index, alignments: alignments, header: header, rows: rows))
      index = end
    }
    return (tables, problems)
  }

  /// `text` with each table's lines replaced by an empty fenced block of the same number
  /// of lines, so cmark sees a block there and every other line keeps its number.
  package static func withPlaceholders(_ text: String, for tables: [PipeTable]) -> String {
    guard !tables.isEmpty else { return text }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for table in tables {
      let first = table.firstLine - 1
      let last = first + table.lineCount - 1
      lines[first] = "```" + placeholderInfo
      for middle in (first + 1)..<last { lines[middle] = "" }
      lines[last] = "```"
    }
    return lines.joined(separator: "\n")
  }

  // MARK: Lines

  private static func indentation(_ line: Substring) -> Int {
    line.prefix { $0 == " " }.count
  }

  private static func fenceMarker(_ line: Substring) -> (marker: Character, length: Int, rest: Substring)? {
    guard indentation(line) <= 3 else { return nil }
    let trimmed = line.drop { $0 == " " }
    guard let first = trimmed.first, first == "`" || first == "~" else { return nil }
    let length = trimmed.prefix { $0 == first }.count
    guard length >= 3 else { return nil }
    return (first, length, trimmed.dropFirst(length))
  }

  private static func containsPipe(_ line: Substring) -> Bool {
    var escaped = false
    for character in line {
      if character == "|" && !escaped { return true }
      escaped = character == "\\" && !escaped
    }
    return false
  }

  /// `| :--- | ---: | :---: |`: the alignment of each column, or nil for any other line.
  private static func delimiterRow(_ line: Substring) -> [Alignment]? {
    guard indentation(line) <= 3, line.contains("-") else { return nil }
    let parts = split(line)
    guard !parts.isEmpty, containsPipe(line) || parts.count == 1 else { return nil }
    var alignments: [Alignment] = []
    for part in parts {
      let cell = part.text.trimmingCharacters(in: .whitespaces)
      let left = cell.hasPrefix(":")
      let right = cell.hasSuffix(":") && cell.count > 1
      let dashes = cell.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
      guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
      alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
    }
    return alignments
  }

  /// A blank line or the start of another block ends a table.
  private static func endsTable(_ line: Substring) -> Bool {
    let trimmed = line.drop { $0 == " " }
    if trimmed.allSatisfy(\.isWhitespace) { return true }
    guard indentation(line) <= 3 else { return false }
    if trimmed.hasPrefix(">") || trimmed.hasPrefix("#") || fenceMarker(line) != nil { return true }
    let compact = trimmed.filter { $0 != " " }
    return compact.count >= 3 && (compact.allSatisfy { $0 == "*" } || compact.allSatisfy { $0 == "_" })
  }

  private static func cells(of line: Substring, line number: Int) -> [Cell] {
    split(line).map { part in
      var text = part.text
      let leading = text.prefix { $0 == " " || $0 == "\t" }.utf8.count
      text = text.trimmingCharacters(in: .whitespaces)
      return Cell(
        text: text.replacingOccurrences(of: "\\|", with: "|"), line: number, byteColumn: part.byteColumn + leading)
    }
  }

  /// The parts of a row between unescaped pipes, without the optional outer pipes.
  private static func split(_ line: Substring) -> [(text: String, byteColumn: Int)] {
    let bytes = Array(line.utf8)
    var start = 0
    var end = bytes.count
    while start < end && bytes[start] == UInt8(ascii: " ") { start += 1 }
    while end > start && (bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t")) { end -= 1 }
    if start < end && bytes[start] == UInt8(ascii: "|") { start += 1 }
    if end > start && bytes[end - 1] == UInt8(ascii: "|") && !(end - 2 >= start && bytes[end - 2] == UInt8(ascii: "\\"))
    {
      end -= 1
    }
    var parts: [(String, Int)] = []
    var cellStart = start
    var index = start
    while index < end {
      if bytes[index] == UInt8(ascii: "\\") {
        index += 2
        continue
      }
      if bytes[index] == UInt8(ascii: "|") {
        parts.append((String(decoding: bytes[cellStart..<index], as: UTF8.self), cellStart + 1))
        cellStart = index + 1
      }
      index += 1
    }
    parts.append((String(decoding: bytes[cellStart..<min(end, bytes.count)], as: UTF8.self), cellStart + 1))
    return parts
  }
}
