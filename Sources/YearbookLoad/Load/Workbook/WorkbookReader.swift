import Foundation
import YearbookCore
import YearbookModel

/// Reads an .xlsx file (Office Open XML, as Excel, WPS and LibreOffice save it) into the
/// text of each sheet's cells: shared and inline strings, numbers shown as their number
/// format shows them (fixed decimals, percentages), dates in both the 1900 and the 1904
/// date systems, formulas by the value Excel saved with them.
package enum WorkbookReader {
  /// A sheet of 1,048,576 rows is possible; a report's table is not. Past this the
  /// workbook is refused rather than read into memory.
  package static let cellLimit = 2_000_000

  package static func read(_ url: URL, file: SourcePath) throws(WorkbookError) -> Workbook {
    let archive = try WorkbookArchive(url: url, file: file)
    let workbook = try element(archive, "xl/workbook.xml", file: file, required: true)!
    let relations = try element(archive, "xl/_rels/workbook.xml.rels", file: file, required: true)!
    var targets: [String: String] = [:]
    for relation in relations.children("Relationship") {
      guard let id = relation.attributes["Id"], let target = relation.attributes["Target"] else { continue }
      targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }
    let strings =
      try element(archive, "xl/sharedStrings.xml", file: file, required: false)?.children("si").map(
        \.runText) ?? []
    let formats = NumberFormats(try element(archive, "xl/styles.xml", file: file, required: false))
    let date1904 = ["1", "true"].contains(workbook.child("workbookPr")?.attributes["date1904"] ?? "")
    var sheets: [Workbook.Sheet] = []
    var cells = 0
    for entry in workbook.child("sheets")?.children("sheet") ?? [] {
      // A sheet listed without its part would be lost without a word: the file is damaged.
      guard let name = entry.attributes["name"], let id = entry.attributes["id"], let path = targets[id] else {
        throw WorkbookError(
          message: .workbookSheetWithoutContents(),
          location: SourceLocation(file: file))
      }
      let hidden = ["hidden", "veryHidden"].contains(entry.attributes["state"] ?? "")
      let sheet = try element(archive, path, file: file, required: true)!
      let reader = SheetReader(
        file: file, sheet: name, strings: strings, formats: formats, date1904: date1904)
      sheets.append(try reader.read(sheet, hidden: hidden, cells: &cells))
    }
    return Workbook(sheets: sheets)
  }

  private static func element(_ archive: WorkbookArchive, _ path: String, file: SourcePath, required: Bool)
    throws(WorkbookError) -> WorkbookXML?
  {
    guard let data = try archive.part(path) else {
      if !required { return nil }
      throw WorkbookError(
        message: .workbookMissingPart(path),
        location: SourceLocation(file: file))
    }
    guard let root = WorkbookXML.parse(data) else {
      throw WorkbookError(
        message: .workbookBadXML(path),
        location: SourceLocation(file: file))
    }
    return root
  }
}

/// One sheet's cells as text.
private struct SheetReader {
  package let file: SourcePath
  package let sheet: String
  package let strings: [String]
  package let formats: NumberFormats
  package let date1904: Bool

  package func read(_ root: WorkbookXML, hidden: Bool, cells: inout Int) throws(WorkbookError) -> Workbook.Sheet {
    var rows: [[String]] = []
    for row in root.child("sheetData")?.children("row") ?? [] {
      let rowNumber = row.attributes["r"].flatMap(Int.init) ?? rows.count + 1
      guard rowNumber <= 1_048_576 else { continue }
      while rows.count < rowNumber { rows.append([]) }
      var nextColumn = 1
      for cell in row.children("c") {
        cells += 1
        if cells > WorkbookReader.cellLimit {
          throw WorkbookError(
            message: .workbookTooManyCells(WorkbookReader.cellLimit),
            location: SourceLocation(file: file, sheet: sheet))
        }
        let column = cell.attributes["r"].flatMap { Workbook.CellRange.cell($0)?.column } ?? nextColumn
        nextColumn = column + 1
        let text = try value(of: cell, at: SourceLocation(file: file, sheet: sheet, row: rowNumber, column: column))
        guard !text.isEmpty else { continue }
        while rows[rowNumber - 1].count < column { rows[rowNumber - 1].append("") }
        rows[rowNumber - 1][column - 1] = text
      }
    }
    let merges = (root.child("mergeCells")?.children("mergeCell") ?? []).compactMap {
      $0.attributes["ref"].flatMap(Workbook.CellRange.init)
    }
    return Workbook.Sheet(name: sheet, hidden: hidden, rows: rows, merges: merges)
  }

  private func value(of cell: WorkbookXML, at location: SourceLocation) throws(WorkbookError) -> String {
    let saved = cell.child("v")?.text
    switch cell.attributes["t"] ?? "n" {
    case "s":
      guard let index = saved.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), strings.indices.contains(index)
      else {
        throw WorkbookError(
          message: .workbookMissingText(), location: location)
      }
      return strings[index]
    case "inlineStr":
      return cell.child("is")?.runText ?? ""
    case "str":
      return saved ?? ""
    case "b":
      return saved == "1" ? "TRUE" : "FALSE"
    case "e":
      throw WorkbookError(
        message: .formulaError(saved ?? "#VALUE!"),
        location: location)
    default:
      guard let saved, !saved.isEmpty else {
        if let formula = cell.child("f"), !formula.text.isEmpty {
          throw WorkbookError(
            message: .formulaWithoutValue(formula.text),
            location: location)
        }
        return ""
      }
      guard let number = Decimal(string: saved, locale: Locale(identifier: "en_US_POSIX")), Double(saved) != nil else {
        throw WorkbookError(message: .numberCellNotNumber(saved), location: location)
      }
      return formats.display(number, style: cell.attributes["s"].flatMap(Int.init) ?? 0, date1904: date1904)
    }
  }
}
