import Foundation
import YearbookCore
import YearbookModel

/// `<name>.meta.yml` beside a CSV (or a list of records in YAML or JSON): what a header
/// cannot say. A title and source for the data page, and for each column a label readers
/// see (`合计` for `total`), a unit and a type, in the same form as a YAML dataset's `columns:`.
package enum DatasetMeta {
  package static func isMetaFile(_ name: String) -> Bool {
    name.hasSuffix(".meta.yml") || name.hasSuffix(".meta.yaml")
  }

  /// The dataset files a meta file may describe.
  package static func datasetNames(forMeta name: String) -> [String] {
    let stem = String(name.prefix(upTo: name.range(of: ".meta.", options: .backwards)!.lowerBound))
    return ["csv", "yml", "yaml", "json", "xlsx"].map { "\(stem).\($0)" }
  }

  package static func metaName(forDataset name: String, among names: [String]) -> String? {
    let stem = (name as NSString).deletingPathExtension
    return ["\(stem).meta.yml", "\(stem).meta.yaml"].first(where: names.contains)
  }

  package static func apply(_ url: URL, file: SourcePath, to table: inout RawTable, diagnostics: inout [Diagnostic]) {
    guard var document = read(url, file: file, diagnostics: &diagnostics) else { return }
    apply(&document, to: &table, diagnostics: &diagnostics)
    document.reportUnknownKeys(known: keys, context: .datasetDescription)
    diagnostics += document.diagnostics
  }

  /// The description as YAML; nil (with the reason) when it cannot be read.
  package static func read(_ url: URL, file: SourcePath, diagnostics: inout [Diagnostic]) -> YAMLDocument? {
    guard let text = DatasetLoader.readText(url, file: file, diagnostics: &diagnostics) else { return nil }
    let document = YAMLDocument(
      yaml: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, file: file, lineOffset: 0)
    guard document.isValid else {
      diagnostics += document.diagnostics
      return nil
    }
    return document
  }

  package static let keys = ["title", "source", "period", "note", "notes", "columns"]

  /// Applies one description (a whole `.meta.yml`, or one sheet's entry of a workbook's)
  /// to `table`; unknown keys are left for the caller to report.
  package static func apply(_ document: inout YAMLDocument, to table: inout RawTable, diagnostics: inout [Diagnostic]) {
    table.title = document.string("title") ?? table.title
    table.source = document.string("source")
    table.period = document.string("period")
    table.note = document.string("note") ?? document.string("notes")
    for var entry in document.mappings("columns") {
      defer { diagnostics += entry.diagnostics }
      guard let described = RawTable.RawColumn(entry: &entry) else { continue }
      guard let index = table.columns.firstIndex(where: { $0.name == described.name }) else {
        entry.error(
          .describedColumnMissing(file: "\(table.file)", column: described.name, header: table.columns.map(\.name)),
          at: described.location)
        continue
      }
      table.columns[index].label = described.label
      table.columns[index].unit = described.unit
      table.columns[index].unitLocation = described.unitLocation
      table.columns[index].type = described.type
    }
  }
}
