import CCmark
import Foundation
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookModel

/// A parsed cmark document and the nodes Yearbook changes. cmark's iterator allows
/// changes only after the walk, so `collect` gathers the nodes first.
package struct SyntaxTree {
  package let root: OpaquePointer
  package let source: MarkdownSource
  private var lineStarts: [String.Index]?
  /// The last column worked out, so places asked for in order along one long line (10,000
  /// links in a paragraph) are counted on from there instead of from the line's start.
  private var lastColumn: (line: Int, byteColumn: Int, column: Int)?
  /// Table cells, whose inline nodes cmark parsed apart, each on its own: the line and
  /// byte column each cell's text starts at, and the text cmark was given.
  private var cells: [OpaquePointer: (line: Int, byteColumn: Int, text: String)] = [:]

  package init(root: OpaquePointer, source: MarkdownSource) {
    self.root = root
    self.source = source
  }

  package struct Found {
    var headings: [OpaquePointer] = []
    var links: [OpaquePointer] = []
    var softBreaks: [OpaquePointer] = []
    var rawHTML: [OpaquePointer] = []
    var codeBlocks: [OpaquePointer] = []
    var texts: [OpaquePointer] = []
    var paragraphs: [OpaquePointer] = []
    /// Nodes with text children, whose neighbouring text nodes can be merged.
    var textParents: [OpaquePointer] = []
  }

  package func collect() -> Found {
    var found = Found()
    let iterator = cmark_iter_new(root)
    defer { cmark_iter_free(iterator) }
    while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
      guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
      switch cmark_node_get_type(node) {
      case CMARK_NODE_HEADING: found.headings.append(node)
      case CMARK_NODE_LINK, CMARK_NODE_IMAGE: found.links.append(node)
      case CMARK_NODE_SOFTBREAK: found.softBreaks.append(node)
      case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK: found.rawHTML.append(node)
      case CMARK_NODE_CODE_BLOCK: found.codeBlocks.append(node)
      case CMARK_NODE_PARAGRAPH: found.paragraphs.append(node)
      case CMARK_NODE_TEXT:
        found.texts.append(node)
        if let parent = cmark_node_parent(node), found.textParents.last != parent { found.textParents.append(parent) }
      default: break
      }
    }
    return found
  }

  package mutating func placeCell(_ cell: OpaquePointer, line: Int, byteColumn: Int, text: String = "") {
    cells[cell] = (line, byteColumn, text)
  }

  /// The text a node's start line and column count in: its source line, or for a node in
  /// a table cell, the cell's text as cmark parsed it.
  package mutating func sourceLine(of node: OpaquePointer) -> Substring.UTF8View? {
    if let (_, cell) = cell(containing: node) { return Substring(cell.text).utf8 }
    return sourceLine(Int(cmark_node_get_start_line(node)))
  }

  /// The table cell `node` is in (or is), with its cell element; nil outside tables.
  private func cell(containing node: OpaquePointer) -> (
    element: OpaquePointer, cell: (line: Int, byteColumn: Int, text: String)
  )? {
    guard !cells.isEmpty else { return nil }
    var current: OpaquePointer? = node
    while let candidate = current {
      if let cell = cells[candidate] { return (candidate, cell) }
      current = cmark_node_parent(candidate)
    }
    return nil
  }

  /// Where a node starts, in lines and characters of the original file.
  package mutating func location(of node: OpaquePointer) -> SourceLocation {
    var line = Int(cmark_node_get_start_line(node))
    var column = Int(cmark_node_get_start_column(node))
    if let (element, cell) = cell(containing: node) {
      // A cell's own nodes count columns from the cell's text.
      column = line == 0 || element == node ? cell.byteColumn : cell.byteColumn + column - 1
      line = cell.line
    }
    var current: OpaquePointer? = node
    while line == 0, let parent = current.flatMap(cmark_node_parent) {
      line = Int(cmark_node_get_start_line(parent))
      column = Int(cmark_node_get_start_column(parent))
      current = parent
    }
    return location(line: line, byteColumn: column)
  }

  /// A line of the Markdown text and a byte column in it, as a place in the file.
  package mutating func location(line: Int, byteColumn: Int) -> SourceLocation {
    SourceLocation(
      file: source.file, line: line + source.lineOffset, column: characterColumn(line: line, byteColumn: byteColumn))
  }

  /// The bytes of one line of the source (1-based), without its newline.
  package mutating func sourceLine(_ line: Int) -> Substring.UTF8View? {
    let starts = lineStartIndices()
    guard line >= 1, line <= starts.count else { return nil }
    return source.text[starts[line - 1]...].utf8.prefix { $0 != 0x0A }
  }

  /// cmark counts columns in bytes; editors count characters.
  private mutating func characterColumn(line: Int, byteColumn: Int) -> Int {
    let starts = lineStartIndices()
    let utf8 = source.text.utf8
    guard line >= 1, line <= starts.count, byteColumn >= 1 else { return max(byteColumn, 1) }
    var from = (byteColumn: 1, column: 1)
    if let last = lastColumn, last.line == line, last.byteColumn <= byteColumn {
      from = (last.byteColumn, last.column)
    }
    // From where counting resumes, never past the line's end.
    let start =
      utf8.index(starts[line - 1], offsetBy: from.byteColumn - 1, limitedBy: utf8.endIndex) ?? utf8.endIndex
    let bytes = utf8[start...].prefix(byteColumn - from.byteColumn).prefix { $0 != 0x0A }
    // Characters are counted as editors do: one per grapheme, so a CJK character is one.
    let column = from.column + String(decoding: bytes, as: UTF8.self).count
    lastColumn = (line, byteColumn, column)
    return column
  }

  private mutating func lineStartIndices() -> [String.Index] {
    if let lineStarts { return lineStarts }
    // The line ends are found by memchr in the bytes: a generic search of the UTF-8 view
    // went byte by byte through index arithmetic.
    var text = source.text
    let offsets = text.withUTF8 { bytes -> [Int] in
      var offsets = [0]
      guard let base = bytes.baseAddress else { return offsets }
      var from = 0
      while from < bytes.count, let newline = memchr(base + from, 0x0A, bytes.count - from) {
        from = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
        offsets.append(from)
      }
      return offsets
    }
    let utf8 = source.text.utf8
    let starts = offsets.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    lineStarts = starts
    return starts
  }

  /// The text a reader sees in a node, without markup.
  package static func plainText(of node: OpaquePointer) -> String {
    var text = ""
    let iterator = cmark_iter_new(node)
    defer { cmark_iter_free(iterator) }
    while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
      guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
      switch cmark_node_get_type(child) {
      case CMARK_NODE_TEXT, CMARK_NODE_CODE:
        if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
      case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
        text += " "
      case CMARK_NODE_CUSTOM_INLINE:
        // A bound figure: its readable text is what sits between the tags we wrote.
        if let html = cmark_node_get_on_enter(child).map({ String(cString: $0) }) {
          text += HTML.unescape(html.replacing(/<[^>]*>/, with: ""))
        }
      default:
        break
      }
    }
    return text.trimmed
  }

  /// The words a reader can search for: every paragraph, heading, list item, table cell
  /// and code block as plain text, one block a line. Charts (HTML blocks) are left out:
  /// their figures are numbers in the data, not words of the article.
  package static func searchText(of document: OpaquePointer) -> String {
    var text: [UInt8] = []
    func append(_ pointer: UnsafePointer<CChar>) {
      pointer.withMemoryRebound(to: UInt8.self, capacity: 1) {
        text.append(contentsOf: UnsafeBufferPointer(start: $0, count: strlen(pointer)))
      }
    }
    let iterator = cmark_iter_new(document)
    defer { cmark_iter_free(iterator) }
    while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
      guard let node = cmark_iter_get_node(iterator) else { continue }
      let type = cmark_node_get_type(node)
      if event == CMARK_EVENT_EXIT {
        if type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING { text.append(0x0A) }
        continue
      }
      switch type {
      case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
        if let literal = cmark_node_get_literal(node) { append(literal) }
      case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
        text.append(0x20)
      case CMARK_NODE_CUSTOM_INLINE:
        // A bound figure: the text between the tags we wrote.
        if let html = cmark_node_get_on_enter(node) { appendText(ofMarkup: html, to: &text) }
      case CMARK_NODE_CUSTOM_BLOCK:
        // A heading with its id, or a pipe table.
        if let html = cmark_node_get_on_enter(node) {
          appendText(ofMarkup: html, to: &text)
          text.append(0x0A)
        }
      default:
        break
      }
    }
    // cmark validated the UTF-8 (CMARK_OPT_VALIDATE_UTF8).
    return String(decoding: text, as: UTF8.self)
  }

  /// The entities `HTML.escape` writes, after their `&`, and the character each stands for.
  private static let entities: [(name: [UInt8], character: UInt8)] = [
    (Array("lt;".utf8), 0x3C), (Array("gt;".utf8), 0x3E), (Array("amp;".utf8), 0x26),
    (Array("quot;".utf8), 0x22), (Array("#39;".utf8), 0x27),
  ]

  /// The text of markup Yearbook wrote: tags between words become one space (table cells
  /// stay apart), none at either end, and the entities `HTML.escape` writes are decoded.
  private static func appendText(ofMarkup html: UnsafePointer<CChar>, to text: inout [UInt8]) {
    html.withMemoryRebound(to: UInt8.self, capacity: strlen(html) + 1) { bytes in
      var index = 0
      var inTag = false
      var wroteText = false
      var spaceDue = false
      while bytes[index] != 0 {
        let byte = bytes[index]
        index += 1
        if byte == 0x3C {
          inTag = true
        } else if byte == 0x3E {
          inTag = false
          spaceDue = wroteText
        } else if !inTag {
          if spaceDue {
            text.append(0x20)
            spaceDue = false
          }
          wroteText = true
          guard byte == 0x26,
            let entity = entities.first(where: { entity in
              entity.name.indices.allSatisfy { bytes[index + $0] == entity.name[$0] }
            })
          else {
            text.append(byte)
            continue
          }
          text.append(entity.character)
          index += entity.name.count
        }
      }
    }
  }

  package static func firstParagraphText(of document: OpaquePointer) -> String {
    var child = cmark_node_first_child(document)
    while let node = child {
      if cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH { return plainText(of: node) }
      child = cmark_node_next(node)
    }
    return ""
  }

  /// cmark leaves unmatched `_` and `*` as text nodes of their own; merged, a figure
  /// binding such as `{{data:rd_gdp_share:2020}}` is found in one piece.
  package static func mergeAdjacentText(in parent: OpaquePointer) {
    var child = cmark_node_first_child(parent)
    while let node = child {
      if cmark_node_get_type(node) == CMARK_NODE_TEXT, let next = cmark_node_next(node),
        cmark_node_get_type(next) == CMARK_NODE_TEXT
      {
        let joined =
          (cmark_node_get_literal(node).map { String(cString: $0) } ?? "")
          + (cmark_node_get_literal(next).map { String(cString: $0) } ?? "")
        cmark_node_set_literal(node, joined)
        cmark_node_free(next)
        continue
      }
      child = cmark_node_next(node)
    }
  }

  /// `javascript:`, `vbscript:` and `data:` other than images, as browsers read them:
  /// ignoring case, whitespace and control characters.
  package static func isScript(_ url: String) -> Bool {
    let compact = String(url.unicodeScalars.filter { $0.value > 0x20 }.map(Character.init)).lowercased()
    return compact.hasPrefix("javascript:") || compact.hasPrefix("vbscript:")
      || (compact.hasPrefix("data:") && !compact.hasPrefix("data:image/"))
  }

  /// Replaces a link (or image) by its children, keeping the text.
  package static func unwrap(_ node: OpaquePointer) {
    while let child = cmark_node_first_child(node) {
      cmark_node_insert_before(node, child)
    }
    cmark_node_free(node)
  }

  package static func insertText(_ text: String, before node: OpaquePointer) {
    let textNode = cmark_node_new(CMARK_NODE_TEXT)
    cmark_node_set_literal(textNode, text)
    cmark_node_insert_before(node, textNode)
  }

  /// Generated HTML for inside a paragraph; cmark writes a custom inline verbatim.
  package static func insertInlineHTML(_ html: String, before node: OpaquePointer) {
    let custom = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
    cmark_node_set_on_enter(custom, html)
    cmark_node_insert_before(node, custom)
  }

  /// A chart's figure in place of its code block. The parser never makes custom blocks
  /// from Markdown, so authors cannot reach this path with raw HTML.
  package static func replace(_ node: OpaquePointer, withHTMLBlock html: String) {
    let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
    cmark_node_set_on_enter(block, html)
    cmark_node_replace(node, block)
    cmark_node_free(node)
  }

  /// Raw HTML becomes text, which cmark escapes: the editor sees what they typed.
  package static func replaceWithText(_ node: OpaquePointer) {
    let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    let text = cmark_node_new(CMARK_NODE_TEXT)
    if cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK {
      cmark_node_set_literal(text, literal.trimmingCharacters(in: .newlines))
      let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH)
      cmark_node_append_child(paragraph, text)
      cmark_node_replace(node, paragraph)
    } else {
      cmark_node_set_literal(text, literal)
      cmark_node_replace(node, text)
    }
    cmark_node_free(node)
  }

  /// cmark writes headings without ids, so the heading is rendered by cmark on its own
  /// (its text escaped as usual) and put back as a custom block carrying the id. Custom
  /// blocks are written out verbatim, so the id is escaped here.
  package static func giveID(_ id: String, toHeading heading: OpaquePointer, level: Int, options: Int32) {
    guard let rendered = cmark_render_html(heading, options) else { return }
    defer { free(rendered) }
    var html = String(cString: rendered)
    let openTag = "<h\(level)>"
    guard html.hasPrefix(openTag) else { return }
    html = "<h\(level) id=\"\(HTML.escape(id))\">" + html.dropFirst(openTag.count)
    while html.hasSuffix("\n") { html.removeLast() }
    let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
    cmark_node_set_on_enter(block, html)
    cmark_node_replace(heading, block)
    cmark_node_free(heading)
  }
}
