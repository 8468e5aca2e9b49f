import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookModel

/// A number in prose bound to a dataset: `{{figures-2024:value:新认定国家高新技术企业}}`
/// renders that cell with its unit (`59家`), so an article and its chart cannot disagree.
/// The parts are dataset, column and row (the row's value in the dataset's first column).
package struct FigureBinding: Equatable {
  package var dataset: String
  package var column: String
  package var row: String
  /// Character offsets of `{{` and after `}}` in the text the binding was found in.
  package var range: Range<Int>

  package static func find(in text: String) -> [FigureBinding] {
    var bindings: [FigureBinding] = []
    let characters = Array(text)
    var index = 0
    while index + 1 < characters.count {
      guard characters[index] == "{", characters[index + 1] == "{" else {
        index += 1
        continue
      }
      var end = index + 2
      while end + 1 < characters.count && !(characters[end] == "}" && characters[end + 1] == "}") { end += 1 }
      guard end + 1 < characters.count else { break }
      let inner = String(characters[(index + 2)..<end]).replacingOccurrences(of: "：", with: ":")
      let parts = inner.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map {
        $0.trimmed
      }
      if parts.count == 3 {
        bindings.append(FigureBinding(dataset: parts[0], column: parts[1], row: parts[2], range: index..<(end + 2)))
      }
      index = end + 2
    }
    return bindings
  }

  package enum Resolution: Equatable {
    case value(Quantity)
    case problem(Message)
  }

  package func resolve(in datasets: [String: Dataset]) -> Resolution {
    guard let data = datasets[dataset] else {
      return .problem(.figureNoDataset(dataset))
    }
    guard let columnIndex = data.columnIndex(column) else {
      return .problem(.datasetHasNoColumn(dataset, column: column, columns: data.columns.map(\.name)))
    }
    guard let rowIndex = data.rowIndex(row) else {
      return .problem(.noSuchRow(row, column: data.columns.first?.name ?? "", dataset: dataset))
    }
    guard let quantity = data.rows[rowIndex][columnIndex].quantity else {
      let text = data.rows[rowIndex][columnIndex].text
      return .problem(
        text.isEmpty
          ? .figureCellEmpty(column, row: row, dataset: dataset)
          : .figureCellNotNumber(column, row: row, dataset: dataset, text: text))
    }
    return .value(quantity)
  }

  /// `<data value="59">59家</data>`: the machine-readable value beside the readable one.
  package static func html(_ quantity: Quantity) -> String {
    let raw = ChineseNumberFormat.number(quantity)
    return
      "<data class=\"yb-figure\" value=\"\(HTML.escape(raw))\">\(HTML.escape(ChineseNumberFormat.format(quantity)))</data>"
  }
}
