/// The CSV download of a dataset, offered on the data page.
enum DataPage {
  /// UTF-8 with a byte order mark and CRLF line ends, so Excel on a Chinese Windows opens
  /// it with the characters intact. Headers carry the unit: `研发经费支出占GDP比重（%）`.
  static func csv(_ dataset: Dataset) -> String {
    var lines: [String] = []
    lines.append(
      dataset.columns.map { column in
        field(column.label + (column.unit.map { $0.symbol.isEmpty ? "" : "（\($0.symbol)）" } ?? ""))
      }.joined(separator: ","))
    for row in dataset.rows {
      lines.append(
        row.map { cell in
          switch cell {
          case .number(let quantity, _): field(ChineseNumberFormat.number(quantity.value, decimals: quantity.decimals))
          default: field(cell.text)
          }
        }.joined(separator: ","))
    }
    return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
  }

  static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
