import Foundation

/// `<name>.meta.yml` beside a CSV (or a list of records in YAML or JSON): what a header
/// cannot say. A title and source for the data page, and for each column a label readers
/// see (`合计` for `total`), a unit and a type, in the same form as a YAML dataset's `columns:`.
enum DatasetMeta {
  static func isMetaFile(_ name: String) -> Bool {
    name.hasSuffix(".meta.yml") || name.hasSuffix(".meta.yaml")
  }

  /// The dataset files a meta file may describe.
  static func datasetNames(forMeta name: String) -> [String] {
    let stem = String(name.prefix(upTo: name.range(of: ".meta.", options: .backwards)!.lowerBound))
    return ["csv", "yml", "yaml", "json"].map { "\(stem).\($0)" }
  }

  static func metaName(forDataset name: String, among names: [String]) -> String? {
    let stem = (name as NSString).deletingPathExtension
    return ["\(stem).meta.yml", "\(stem).meta.yaml"].first(where: names.contains)
  }

  static func apply(_ url: URL, file: String, to table: inout RawTable, diagnostics: inout [Diagnostic]) {
    guard let data = FileManager.default.contents(atPath: url.path) else {
      diagnostics.append(.error("cannot read the file", at: SourceLocation(file: file)))
      return
    }
    let (decoded, encodingProblem) = TextDecoding.decode(data, file: file)
    if let encodingProblem { diagnostics.append(encodingProblem) }
    guard let text = decoded else { return }
    var document = YAMLDocument(
      yaml: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, file: file, lineOffset: 0)
    guard document.isValid else {
      diagnostics += document.diagnostics
      return
    }
    table.title = document.string("title")
    table.source = document.string("source")
    table.period = document.string("period")
    table.note = document.string("note") ?? document.string("notes")
    for var column in document.mappings("columns") {
      guard let name = column.string("name", required: true) else {
        diagnostics += column.diagnostics
        continue
      }
      guard let index = table.columns.firstIndex(where: { $0.name == name }) else {
        column.error(
          "\(table.file) has no column '\(name)' (its header has: \(table.columns.map(\.name).joined(separator: ", ")))",
          at: column.location(ofKey: "name"))
        diagnostics += column.diagnostics
        continue
      }
      table.columns[index].label = column.string("label")
      table.columns[index].unit = column.string("unit")
      if let type = column.string("type") {
        if type == "number" || type == "text" {
          table.columns[index].type = type
        } else {
          column.error("type must be number or text, got \"\(type)\"", at: column.location(of: column.node("type")))
        }
      }
      column.warnAboutUnknownKeys(known: ["name", "label", "unit", "type"], context: "a column")
      diagnostics += column.diagnostics
    }
    document.warnAboutUnknownKeys(
      known: ["title", "source", "period", "note", "notes", "columns"], context: "a dataset description")
    diagnostics += document.diagnostics
  }
}
