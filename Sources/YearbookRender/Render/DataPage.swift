import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookMarkdown
import YearbookModel

/// The CSV download of a dataset, offered on the data page.
package enum DataPage {
  /// UTF-8 with a byte order mark and CRLF line ends, so Excel on a Chinese Windows opens
  /// it with the characters intact. Headers carry the unit: `研发经费支出占GDP比重（%）`.
  package static func csv(_ dataset: Dataset) -> String {
    var lines: [String] = []
    lines.append(
      dataset.columns.map { column in
        field(column.label + (column.unit.map { $0.symbol.isEmpty ? "" : "（\($0.symbol)）" } ?? ""))
      }.joined(separator: ","))
    // Figures in their column's unit, as the data page's table shows them; a column whose
    // cells carry units of different kinds keeps each cell's unit in the cell, unless the
    // unit column beside it already says it.
    for row in dataset.rows.indices {
      lines.append(
        dataset.columns.indices.map { column in
          guard let quantity = dataset.shown(row: row, column: column) else {
            return field(dataset.rows[row][column].text)
          }
          return field(
            dataset.columns[column].unit == nil && !dataset.unitFromUnitColumn(row: row, column: column)
              ? ChineseNumberFormat.withUnit(quantity) : ChartNumbers.cell(quantity))
        }.joined(separator: ","))
    }
    return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
  }

  package static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
