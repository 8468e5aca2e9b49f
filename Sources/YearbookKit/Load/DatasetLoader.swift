import Foundation
import Yams

/// Reads `Content/data/`: CSV through our own parser, YAML and JSON (read as YAML, which
/// keeps each value's position) either as a list of records or as `columns:` + `rows:`.
enum DatasetLoader {
  static func load(folder: URL, displayFolder: String) -> ([Dataset], [Diagnostic]) {
    var datasets: [Dataset] = []
    var diagnostics: [Diagnostic] = []
    var seen: [String: String] = [:]
    let names = FolderListing.names(in: folder, file: displayFolder, diagnostics: &diagnostics)
    for name in names where !name.hasPrefix(".") {
      let file = "\(displayFolder)/\(name)"
      let url = folder.appendingPathComponent(name)
      if case .skip(let diagnostic) = SymbolicLinks.verdict(for: url, file: file) {
        diagnostics.append(diagnostic)
        continue
      }
      let fileExtension = url.pathExtension.lowercased()
      // `<name>.meta.yml` describes the dataset beside it; it is read with that dataset.
      if DatasetMeta.isMetaFile(name) {
        let described = DatasetMeta.datasetNames(forMeta: name)
        if !described.contains(where: names.contains) {
          diagnostics.append(
            .warning(
              "\(described[0]) is missing, so this description of it is not used", at: SourceLocation(file: file)))
        }
        continue
      }
      guard ["csv", "yml", "yaml", "json"].contains(fileExtension) else {
        diagnostics.append(.warning("not a dataset (.csv, .yml or .json): ignored", at: SourceLocation(file: file)))
        continue
      }
      let id = url.deletingPathExtension().lastPathComponent
      if let other = seen[id] {
        diagnostics.append(
          .error("dataset '\(id)' is also defined by \(other); rename one of them", at: SourceLocation(file: file)))
        continue
      }
      seen[id] = file
      guard let text = readText(url, file: file, diagnostics: &diagnostics) else { continue }
      var problems: [Diagnostic] = []
      var table: RawTable?
      if fileExtension == "csv" {
        table = RawTable.fromCSV(Array(text.utf8), id: id, file: file, diagnostics: &problems)
      } else {
        table = RawTable.fromYAML(Data(text.utf8), id: id, file: file, diagnostics: &problems)
      }
      if var described = table, let metaName = DatasetMeta.metaName(forDataset: name, among: names) {
        DatasetMeta.apply(
          folder.appendingPathComponent(metaName), file: "\(displayFolder)/\(metaName)", to: &described,
          diagnostics: &problems)
        table = described
      }
      let raw = table
      diagnostics += problems
      if let raw, !problems.hasErrors {
        let (dataset, more) = raw.build()
        diagnostics += more
        if dataset.rows.isEmpty {
          diagnostics.append(
            .warning(
              "the dataset has no rows\(dataset.columns.isEmpty ? " and no header" : ", only a header"): the data page shows no table for it and a chart over it fails; add rows or delete the file",
              at: SourceLocation(file: file)))
        }
        if !more.hasErrors { datasets.append(dataset) }
      }
    }
    return (datasets, diagnostics)
  }

  /// A data file's text, decoded; nil (with the reason) when it cannot be read.
  static func readText(_ url: URL, file: String, diagnostics: inout [Diagnostic]) -> String? {
    guard let data = FileManager.default.contents(atPath: url.path) else {
      diagnostics.append(.error("cannot read the file", at: SourceLocation(file: file)))
      return nil
    }
    let (decoded, encodingProblem) = TextDecoding.decode(data, file: file)
    if let encodingProblem { diagnostics.append(encodingProblem) }
    return decoded
  }
}

/// A table as read, before cells become numbers: every cell keeps its position.
struct RawTable {
  struct RawColumn {
    var name: String
    var label: String?
    var unit: String?
    /// `number` or `text` when the file says so; otherwise inferred from the cells.
    var type: String?
    var location: SourceLocation

    init(name: String, label: String? = nil, unit: String? = nil, type: String? = nil, location: SourceLocation) {
      self.name = name
      self.label = label
      self.unit = unit
      self.type = type
      self.location = location
    }

    /// One entry of a `columns:` list (in a dataset or a `.meta.yml`), each key checked
    /// where it is written; problems go to `entry`'s diagnostics.
    init?(entry: inout YAMLDocument) {
      guard let name = entry.string("name", required: true) else { return nil }
      let type = entry.string("type")
      if let type, type != "number" && type != "text" {
        entry.error("type must be number or text, got \"\(type)\"", at: entry.location(of: entry.node("type")))
      }
      self.init(
        name: name, label: entry.string("label"), unit: entry.string("unit"), type: type,
        location: entry.location(ofKey: "name"))
      entry.warnAboutUnknownKeys(known: ["name", "label", "unit", "type"], context: "a column")
    }
  }

  struct RawCell {
    var text: String
    var location: SourceLocation
    /// A quoted YAML or JSON value (`"2025"`) is text unless its column is declared numeric.
    var quoted = false
  }

  var id: String
  var file: String
  var title: String?
  var source: String?
  var period: String?
  var note: String?
  /// A YAML/JSON file with `columns:` and `rows:`, which can carry its own title and labels.
  var hasColumnsForm = false
  var columns: [RawColumn]
  var rows: [[RawCell?]]

  static func fromCSV(_ bytes: [UInt8], id: String, file: String, diagnostics: inout [Diagnostic]) -> RawTable? {
    let (rows, problems) = CSVParser.parse(bytes)
    for problem in problems {
      diagnostics.append(
        .error(problem.message, at: SourceLocation(file: file, line: problem.line, column: problem.column)))
    }
    guard let header = rows.first else {
      return RawTable(id: id, file: file, columns: [], rows: [])
    }
    let columns = header.map {
      RawColumn(
        name: $0.text.trimmed,
        location: SourceLocation(file: file, line: $0.line, column: $0.column))
    }
    var cells: [[RawCell?]] = []
    for row in rows.dropFirst() {
      if row.count != columns.count {
        let first = row.first
        diagnostics.append(
          .error(
            "this row has \(row.count) field\(row.count == 1 ? "" : "s") but the header has \(columns.count); check for a missing or extra comma",
            at: SourceLocation(file: file, line: first?.line, column: 1)))
        continue
      }
      cells.append(
        row.map { RawCell(text: $0.text, location: SourceLocation(file: file, line: $0.line, column: $0.column)) })
    }
    RawTable.checkColumnNames(columns, diagnostics: &diagnostics)
    return RawTable(id: id, file: file, columns: columns, rows: cells)
  }

  static func fromYAML(_ data: Data, id: String, file: String, diagnostics: inout [Diagnostic]) -> RawTable? {
    guard let text = String(validating: data, as: UTF8.self) else {
      diagnostics.append(.error("the file is not UTF-8 text; save it as UTF-8", at: SourceLocation(file: file)))
      return nil
    }
    let yaml = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    let node: Node?
    do {
      // Cells are read as text (their style says whether they were quoted), so the basic
      // resolver serves: the default one runs regular expressions on every scalar.
      node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
    } catch {
      diagnostics += YAMLDocument(yaml: yaml, file: file, lineOffset: 0).diagnostics
      return nil
    }
    let locate = { (node: Node) -> SourceLocation in
      SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
    }
    switch node {
    case .sequence(let records)?:
      return fromRecords(Array(records), id: id, file: file, locate: locate, diagnostics: &diagnostics)
    case .mapping(let mapping)?:
      var document = YAMLDocument(node: mapping, file: file, lineOffset: 0)
      var table = RawTable(id: id, file: file, columns: [], rows: [])
      table.hasColumnsForm = true
      table.title = document.string("title")
      table.source = document.string("source")
      table.period = document.string("period")
      table.note = document.string("note") ?? document.string("notes")
      for var entry in document.mappings("columns") {
        if let column = RawColumn(entry: &entry) { table.columns.append(column) }
        diagnostics += entry.diagnostics
      }
      let rowsNode = document.node("rows")
      document.warnAboutUnknownKeys(
        known: ["title", "source", "period", "note", "notes", "columns", "rows"], context: "a dataset")
      diagnostics += document.diagnostics
      guard !table.columns.isEmpty else {
        diagnostics.append(
          .error(
            "a dataset needs columns: (a list of name, label, unit) and rows:, or a list of records",
            at: SourceLocation(file: file, line: 1, column: 1)))
        return nil
      }
      RawTable.checkColumnNames(table.columns, diagnostics: &diagnostics)
      guard let rowsNode else { return table }
      guard case .sequence(let rows) = rowsNode else {
        diagnostics.append(.error("rows must be a list", at: locate(rowsNode)))
        return nil
      }
      for row in rows {
        switch row {
        case .mapping(let record):
          var cells = [RawCell?](repeating: nil, count: table.columns.count)
          for (key, value) in record {
            let name = key.scalar?.string ?? ""
            guard let index = table.columns.firstIndex(where: { $0.name == name }) else {
              diagnostics.append(
                .error(
                  "'\(name)' is not one of the columns (\(table.columns.map(\.name).joined(separator: ", ")))",
                  at: locate(key)))
              continue
            }
            cells[index] = cell(value, locate: locate, diagnostics: &diagnostics)
          }
          table.rows.append(cells)
        case .sequence(let values):
          if values.count != table.columns.count {
            diagnostics.append(
              .error(
                "this row has \(values.count) values but there are \(table.columns.count) columns", at: locate(row)))
            continue
          }
          table.rows.append(values.map { cell($0, locate: locate, diagnostics: &diagnostics) })
        default:
          diagnostics.append(
            .error("each row must be a set of column: value pairs or a list of values", at: locate(row)))
        }
      }
      return table
    case nil:
      return RawTable(id: id, file: file, columns: [], rows: [])
    case let other?:
      diagnostics.append(.error("a dataset must be a list of records or have columns: and rows:", at: locate(other)))
      return nil
    }
  }

  private static func fromRecords(
    _ records: [Node], id: String, file: String, locate: (Node) -> SourceLocation, diagnostics: inout [Diagnostic]
  ) -> RawTable {
    var table = RawTable(id: id, file: file, columns: [], rows: [])
    var parsed: [[(String, RawCell?)]] = []
    for record in records {
      guard case .mapping(let mapping) = record else {
        diagnostics.append(.error("each record must be a set of key: value pairs", at: locate(record)))
        continue
      }
      var row: [(String, RawCell?)] = []
      for (key, value) in mapping {
        let name = key.scalar?.string ?? ""
        if !table.columns.contains(where: { $0.name == name }) {
          table.columns.append(RawColumn(name: name, location: locate(key)))
        }
        row.append((name, cell(value, locate: locate, diagnostics: &diagnostics)))
      }
      parsed.append(row)
    }
    for row in parsed {
      var cells = [RawCell?](repeating: nil, count: table.columns.count)
      for (name, value) in row {
        if let index = table.columns.firstIndex(where: { $0.name == name }) { cells[index] = value }
      }
      table.rows.append(cells)
    }
    return table
  }

  private static func cell(_ node: Node, locate: (Node) -> SourceLocation, diagnostics: inout [Diagnostic]) -> RawCell?
  {
    guard case .scalar(let scalar) = node else {
      diagnostics.append(.error("a cell must be a single value, not \(YAMLDocument.kind(of: node))", at: locate(node)))
      return nil
    }
    if scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return nil }
    return RawCell(text: scalar.string, location: locate(node), quoted: scalar.style != .plain)
  }

  private static func checkColumnNames(_ columns: [RawColumn], diagnostics: inout [Diagnostic]) {
    var seen: Set<String> = []
    for column in columns {
      if column.name.isEmpty {
        diagnostics.append(.error("a column has no name", at: column.location))
      } else if !seen.insert(column.name).inserted {
        diagnostics.append(.error("column '\(column.name)' appears twice", at: column.location))
      }
    }
  }

  /// Decides which columns hold numbers and reads their cells. A column is numeric when
  /// the file says so (`type: number` or a `unit`), and then any other text in it is an
  /// error; or when every cell is a number. An empty cell is a gap. A chart that plots a
  /// text column reports its first non-number cell.
  func build() -> (Dataset, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let unitColumn = columns.firstIndex { Dataset.unitColumnNames.contains($0.name) }
    var built: [Column] = []
    var cells = rows.map { $0.map { $0.map { Cell.text($0.text) } ?? .empty } }
    for (index, raw) in columns.enumerated() {
      let values = rows.compactMap { $0[index] }.filter { !$0.text.trimmed.isEmpty }
      let parsed = values.map { $0.quoted ? nil : Quantity.parse($0.text) }
      let numbers = parsed.compactMap { $0 }.count
      let numeric: Bool =
        switch raw.type {
        case "number": true
        case "text": false
        // A column without any value (an empty dataset) can be plotted: as gaps.
        default: raw.unit != nil || (numbers == values.count && index != unitColumn)
        }
      var column = Column(name: raw.name, label: raw.label, unit: raw.unit.map(Unit.init), isNumeric: numeric)
      if numeric {
        if column.unit == nil && unitColumn == nil {
          // The column's unit is the one most of its cells carry, when every cell's unit
          // converts to it. Indicator tables put a unit on each row (亿元, %, 家): then
          // each cell keeps its own and the column has none.
          let units = parsed.compactMap { $0?.unit }.filter { !$0.symbol.isEmpty }
          if let common = Dictionary(grouping: units.map(\.symbol), by: { $0 }).max(by: {
            ($0.value.count, $1.key) < ($1.value.count, $0.key)
          })?.key, units.allSatisfy({ $0.isCompatible(with: Unit(common)) }) {
            column.unit = Unit(common)
          }
        }
        for (rowIndex, row) in rows.enumerated() {
          guard let raw = row[index], !raw.text.trimmed.isEmpty else {
            cells[rowIndex][index] = .empty
            continue
          }
          guard var quantity = Quantity.parse(raw.text) else {
            diagnostics.append(
              .error(
                "\"\(raw.text)\" is not a number, but column '\(column.name)' holds numbers; write a number such as 12.5 or leave the cell empty",
                at: raw.location))
            continue
          }
          if quantity.unit.symbol.isEmpty, let unitColumn, let unitText = row[unitColumn]?.text, !unitText.isEmpty {
            quantity.unit = Unit(unitText)
          } else if let target = column.unit {
            guard let converted = quantity.converted(to: target) else {
              diagnostics.append(
                .error(
                  "unit \(quantity.unit.symbol) does not match the unit \(target.symbol) declared for column '\(column.name)'; remove the column's unit: to let each cell keep its own",
                  at: raw.location))
              continue
            }
            quantity = converted
          }
          cells[rowIndex][index] = .number(quantity, raw: raw.text.trimmed)
        }
      }
      built.append(column)
    }
    var dataset = Dataset(
      id: id, file: file, title: title ?? id, source: source, period: period, note: note, columns: built, rows: cells)
    dataset.hasTitle = title != nil
    dataset.hasColumnsForm = hasColumnsForm
    dataset.cellLocations = rows.map { $0.map { $0?.location } }
    return (dataset, diagnostics)
  }
}
