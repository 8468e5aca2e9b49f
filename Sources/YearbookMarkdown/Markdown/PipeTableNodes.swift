import CCmark
import Foundation
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookModel

/// Puts each pipe table into the cmark tree in place of its placeholder fence: the table's
/// tags as custom blocks, and each cell's inline Markdown parsed by cmark and moved in, so
/// links in cells are resolved and checked, raw HTML stays text, and emphasis next to
/// Chinese punctuation works as in paragraphs.
package enum PipeTableNodes {
  package static func insert(
    _ tables: [PipeTable], into document: OpaquePointer, options: Int32, tree: inout SyntaxTree
  ) {
    guard !tables.isEmpty else { return }
    let byLine = Dictionary(tables.map { ($0.firstLine, $0) }, uniquingKeysWith: { first, _ in first })
    var placeholders: [(OpaquePointer, PipeTable)] = []
    var child = cmark_node_first_child(document)
    while let node = child {
      child = cmark_node_next(node)
      guard cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK,
        cmark_node_get_fence_info(node).map({ String(cString: $0) }) == PipeTable.placeholderInfo,
        let table = byLine[Int(cmark_node_get_start_line(node))]
      else { continue }
      placeholders.append((node, table))
    }
    for (number, (placeholder, table)) in placeholders.enumerated() {
      let node = build(table, number: number + 1, options: options, tree: &tree)
      cmark_node_replace(placeholder, node)
      cmark_node_free(placeholder)
    }
  }

  private static func build(_ table: PipeTable, number: Int, options: Int32, tree: inout SyntaxTree) -> OpaquePointer {
    // Numbers line up on the right unless the editor chose an alignment.
    let numeric = table.header.indices.map { column in
      let texts = table.rows.map { $0[column].text }.filter { !$0.isEmpty }
      return !texts.isEmpty && texts.allSatisfy { Quantity.parse($0) != nil }
    }
    // A first column of names heads its row, as in the chart tables; one column alone does not.
    let rowHeaders = numeric.count > 1 && numeric.first == false
    let label = "表\(number)：" + table.header.map { $0.text.filter { $0 != "*" && $0 != "`" } }.joined(separator: "、")
    let root = block(
      "<div class=\"yb-table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(HTML.escape(label))\">\n<table class=\"yb-table yb-md-table\">",
      "</table>\n</div>")
    let head = block("<thead>", "</thead>")
    let headRow = block("<tr>", "</tr>")
    for (column, cell) in table.header.enumerated() {
      let element = block(
        "<th scope=\"col\"\(classAttribute(table.alignments[column], numeric: numeric[column]))>", "</th>")
      fill(element, with: cell, options: options, tree: &tree)
      cmark_node_append_child(headRow, element)
    }
    cmark_node_append_child(head, headRow)
    cmark_node_append_child(root, head)
    let body = block("<tbody>", "</tbody>")
    for row in table.rows {
      let rowNode = block("<tr>", "</tr>")
      for (column, cell) in row.enumerated() {
        let attributes = classAttribute(table.alignments[column], numeric: numeric[column])
        let element =
          column == 0 && rowHeaders
          ? block("<th scope=\"row\"\(attributes)>", "</th>") : block("<td\(attributes)>", "</td>")
        fill(element, with: cell, options: options, tree: &tree)
        cmark_node_append_child(rowNode, element)
      }
      cmark_node_append_child(body, rowNode)
    }
    cmark_node_append_child(root, body)
    return root
  }

  private static func classAttribute(_ alignment: PipeTable.Alignment, numeric: Bool) -> String {
    switch alignment {
    case .left: " class=\"yb-align-left\""
    case .center: " class=\"yb-align-center\""
    case .right: " class=\"yb-align-right\""
    case .none: numeric ? " class=\"yb-num\"" : ""
    }
  }

  private static func block(_ enter: String, _ exit: String) -> OpaquePointer {
    let node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
    cmark_node_set_on_enter(node, enter)
    cmark_node_set_on_exit(node, exit)
    return node
  }

  /// Parses a cell's text as one paragraph and moves its inline nodes into `element`;
  /// `tree` learns where the cell starts, for messages, and the text cmark was given, for
  /// emphasis. Each cell is parsed on its own first line: padding it to its line number
  /// made a table of n rows cost n² (20,000 rows took 20 s).
  private static func fill(_ element: OpaquePointer, with cell: PipeTable.Cell, options: Int32, tree: inout SyntaxTree)
  {
    guard !cell.text.isEmpty else {
      tree.placeCell(element, line: cell.line, byteColumn: cell.byteColumn)
      return
    }
    var text = cell.text
    var parsed = paragraph(text, options: options)
    // The escape put in front of the text moves cmark's columns one byte right.
    var escapeWidth = 0
    if parsed == nil {
      // A cell is inline text: a leading `#`, `- `, `>` or `1.` must not start a block.
      if startsOrderedListMarker(text) {
        let digits = text.prefix { $0.isNumber }
        text = digits + "\\" + text.dropFirst(digits.count)
      } else {
        text = "\\" + text
        escapeWidth = 1
      }
      parsed = paragraph(text, options: options)
    }
    tree.placeCell(element, line: cell.line, byteColumn: cell.byteColumn - escapeWidth, text: text)
    guard let (document, paragraph) = parsed else { return }
    defer { cmark_node_free(document) }
    while let inline = cmark_node_first_child(paragraph) {
      cmark_node_append_child(element, inline)
    }
  }

  /// The document and its paragraph when `source` parses as exactly one paragraph.
  private static func paragraph(_ source: String, options: Int32) -> (OpaquePointer, OpaquePointer)? {
    guard let document = source.withCString({ cmark_parse_document($0, strlen($0), options) }) else { return nil }
    guard let paragraph = cmark_node_first_child(document), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
      cmark_node_next(paragraph) == nil
    else {
      cmark_node_free(document)
      return nil
    }
    return (document, paragraph)
  }

  private static func startsOrderedListMarker(_ text: String) -> Bool {
    let digits = text.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, digits.count <= 9 else { return false }
    let rest = text.dropFirst(digits.count)
    return rest.first == "." || rest.first == ")"
  }
}
