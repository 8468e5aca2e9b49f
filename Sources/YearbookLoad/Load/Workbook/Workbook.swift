import Foundation
import YearbookCore
import YearbookModel

/// An .xlsx workbook as Yearbook reads it: each sheet's cells as the text Excel shows.
package struct Workbook {
  package struct Sheet {
    var name: String
    var hidden: Bool
    /// Rows from the sheet's first row; each row as wide as its last cell. A merged range
    /// holds its text in its top-left cell only, as the file does.
    var rows: [[String]]
    var merges: [CellRange]
  }

  /// A rectangle of cells, rows and columns from 1 (`B1:C1` is row 1, columns 2 to 3).
  package struct CellRange: Equatable {
    var firstRow: Int
    var firstColumn: Int
    var lastRow: Int
    var lastColumn: Int

    /// `B1:C1`, or nil when it is not a range.
    init?(_ reference: String) {
      let ends = reference.split(separator: ":")
      guard ends.count == 2, let first = Self.cell(ends[0]), let last = Self.cell(ends[1]) else { return nil }
      (firstRow, firstColumn, lastRow, lastColumn) = (first.row, first.column, last.row, last.column)
    }

    /// `C7` → row 7, column 3.
    static func cell<S: StringProtocol>(_ reference: S) -> (row: Int, column: Int)? {
      var column = 0
      var row = 0
      var sawDigit = false
      for scalar in reference.unicodeScalars {
        switch scalar.value {
        case 65...90 where !sawDigit: column = column * 26 + Int(scalar.value) - 64
        case 97...122 where !sawDigit: column = column * 26 + Int(scalar.value) - 96
        case 36: continue  // `$C$7`
        case 48...57:
          sawDigit = true
          row = row * 10 + Int(scalar.value) - 48
        default: return nil
        }
        if column > 16_384 || row > 1_048_576 { return nil }
      }
      return column > 0 && row > 0 ? (row, column) : nil
    }
  }

  package var sheets: [Sheet]
}
