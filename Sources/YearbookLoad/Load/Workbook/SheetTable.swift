import YearbookCore
import YearbookModel

/// A sheet as the rows of a table: merged cells filled in, and a header whose cells are
/// merged across columns read together with the row below it (`2023年` over `金额（万元）`
/// and `增长（%）` become `2023年金额（万元）` and `2023年增长（%）`). Every merge is named in
/// a warning, so the editor can check how it was read.
package enum SheetTable {
  /// A group's name over a column's: `高新技术企业（家）` over `2023年` reads
  /// `高新技术企业2023年（家）`, so the unit stays at the end where it is read.
  package static func combined(_ parent: String, _ child: String) -> String {
    guard !child.isEmpty, child != parent else { return parent }
    if let (label, unit) = HeaderUnit.split(parent), HeaderUnit.split(child) == nil {
      return "\(label)\(child)（\(unit)）"
    }
    return parent + child
  }

  package static func grid(of sheet: Workbook.Sheet, file: SourcePath, diagnostics: inout [Diagnostic]) -> [[RawTable
    .GridCell]]
  {
    var rows = sheet.rows
    let width = rows.map(\.count).max() ?? 0
    for index in rows.indices { rows[index] += Array(repeating: "", count: width - rows[index].count) }
    func location(_ row: Int, _ column: Int) -> SourceLocation {
      SourceLocation(file: file, sheet: sheet.name, row: row + 1, column: column + 1)
    }
    // The header: the first row with two or more filled cells, before merges are filled
    // in (a title merged across the table is one cell, above the header).
    let header = rows.firstIndex { $0.filter { !$0.trimmed.isEmpty }.count >= 2 }
    // Every cell of a merged range from the header down shows its top-left cell's text.
    for merge in sheet.merges
    where merge.firstRow <= rows.count && merge.firstColumn <= width && merge.firstRow - 1 >= (header ?? 0) {
      let text = rows[merge.firstRow - 1][merge.firstColumn - 1]
      for row in merge.firstRow...min(merge.lastRow, rows.count) {
        for column in merge.firstColumn...min(merge.lastColumn, width) { rows[row - 1][column - 1] = text }
      }
    }
    var kept = Array(rows.indices)
    var notes: [Message] = []
    for merge in sheet.merges where merge.firstRow - 1 >= (header ?? 0) {
      let range =
        "\(SourceLocation.columnLetters(merge.firstColumn))\(merge.firstRow):\(SourceLocation.columnLetters(merge.lastColumn))\(merge.lastRow)"
      let text =
        merge.firstRow <= rows.count && merge.firstColumn <= width
        ? rows[merge.firstRow - 1][merge.firstColumn - 1] : ""
      if let header, merge.firstRow - 1 == header, merge.lastRow - 1 == header, merge.lastColumn > merge.firstColumn,
        header + 1 < rows.count
      {
        notes.append(.mergedReadOverRowBelow("\(range)", text: text))
      } else if merge.lastRow > merge.firstRow, let header, merge.firstRow - 1 > header {
        notes.append(.mergedFilledDown("\(range)", text: text))
      } else {
        notes.append(.mergedRepeated("\(range)", text: text))
      }
    }
    // A header merged across columns is a group: its names are read with the row below.
    if let header,
      sheet.merges.contains(where: {
        $0.firstRow - 1 == header && $0.lastRow - 1 == header && $0.lastColumn > $0.firstColumn
      }), header + 1 < rows.count
    {
      for column in 0..<width {
        let parent = rows[header][column].trimmed
        let child = rows[header + 1][column].trimmed
        rows[header][column] = combined(parent, child)
      }
      kept.remove(at: header + 1)
    }
    if !notes.isEmpty {
      diagnostics.append(
        .warning(
          .mergedCells(notes),
          at: SourceLocation(file: file, sheet: sheet.name)))
    }
    return kept.map { row in
      rows[row].enumerated().map { column, text in RawTable.GridCell(text: text, location: location(row, column)) }
    }
  }
}
