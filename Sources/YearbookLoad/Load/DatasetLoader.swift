import Foundation
import Yams
import YearbookCore
import YearbookModel

/// Reads `Content/data/`: CSV through our own parser, YAML and JSON (read as YAML, which
/// keeps each value's position) either as a list of records or as `columns:` + `rows:`.
package enum DatasetLoader {
  package static func load(folder: URL, displayFolder: SourcePath) -> ([Dataset], [Diagnostic]) {
    var datasets: [Dataset] = []
    var diagnostics: [Diagnostic] = []
    var seen: [String: SourcePath] = [:]
    let names = FolderListing.names(in: folder, file: displayFolder, diagnostics: &diagnostics)
    for name in names where !name.hasPrefix(".") {
      let file = SourcePath("\(displayFolder)/\(name)")
      let url = folder.appendingPathComponent(name)
      if case .skip(let diagnostic) = SymbolicLinks.verdict(
        for: url, file: file, root: folder.deletingLastPathComponent())
      {
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
              .descriptionWithoutDataset(described[0]), at: SourceLocation(file: file)))
        }
        continue
      }
      if fileExtension == "xlsx" {
        let meta = DatasetMeta.metaName(forDataset: name, among: names).map {
          (url: folder.appendingPathComponent($0), file: SourcePath("\(displayFolder)/\($0)"))
        }
        datasets += loadWorkbook(url, file: file, meta: meta, seen: &seen, diagnostics: &diagnostics)
        continue
      }
      if ["xls", "et"].contains(fileExtension) {
        diagnostics.append(
          .error(
            .oldWorkbookFormat(fileExtension),
            at: SourceLocation(file: file)))
        continue
      }
      guard ["csv", "yml", "yaml", "json"].contains(fileExtension) else {
        diagnostics.append(
          .warning(.notADataset(), at: SourceLocation(file: file)))
        continue
      }
      let id = url.deletingPathExtension().lastPathComponent
      if let other = seen[id] {
        diagnostics.append(
          .error(.duplicateDataset(id, other: "\(other)"), at: SourceLocation(file: file)))
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
          folder.appendingPathComponent(metaName), file: SourcePath("\(displayFolder)/\(metaName)"), to: &described,
          diagnostics: &problems)
        table = described
      }
      diagnostics += problems
      if let table, !problems.hasErrors, let dataset = built(table, at: SourceLocation(file: file), &diagnostics) {
        datasets.append(dataset)
      }
    }
    return (datasets, diagnostics)
  }

  /// The dataset of a table read without errors; nil when building it finds some.
  package static func built(_ table: RawTable, at location: SourceLocation, _ diagnostics: inout [Diagnostic])
    -> Dataset?
  {
    let (dataset, more) = table.build()
    diagnostics += more
    if dataset.rows.isEmpty {
      diagnostics.append(
        .warning(
          .datasetWithoutRows(hasHeader: !dataset.columns.isEmpty),
          at: location))
    }
    return more.hasErrors ? nil : dataset
  }

  /// One dataset per visible sheet of an .xlsx workbook, named `workbook/sheet`.
  private static func loadWorkbook(
    _ url: URL, file: SourcePath, meta: (url: URL, file: SourcePath)?, seen: inout [String: SourcePath],
    diagnostics: inout [Diagnostic]
  ) -> [Dataset] {
    guard FileManager.default.isReadableFile(atPath: url.path) else {
      diagnostics.append(.error(.cannotReadData(), at: SourceLocation(file: file)))
      return []
    }
    let (datasets, found) = WorkbookDatasets.read(url, file: file, meta: meta)
    diagnostics += found
    return datasets.filter { dataset in
      if let other = seen[dataset.id] {
        diagnostics.append(
          .error(
            .duplicateDataset(dataset.id, other: "\(other)"),
            at: SourceLocation(file: file)))
        return false
      }
      seen[dataset.id] = file
      return true
    }
  }

  /// A data file's text, decoded; nil (with the reason) when it cannot be read.
  package static func readText(_ url: URL, file: SourcePath, diagnostics: inout [Diagnostic]) -> String? {
    guard let data = FileManager.default.contents(atPath: url.path) else {
      diagnostics.append(.error(.cannotReadData(), at: SourceLocation(file: file)))
      return nil
    }
    let (decoded, encodingProblem) = TextDecoding.decode(data, file: file)
    if let encodingProblem { diagnostics.append(encodingProblem) }
    return decoded
  }
}

/// A table as read, before cells become numbers: every cell keeps its position.
package struct RawTable {
  package struct RawColumn {
    var name: String
    var label: String?
    var unit: String?
    /// `number` or `text` when the file says so; otherwise inferred from the cells.
    var type: String?
    var location: SourceLocation
    /// Where `unit:` was written (in the dataset or its `.meta.yml`), for a clash with the header.
    var unitLocation: SourceLocation?

    init(
      name: String, label: String? = nil, unit: String? = nil, type: String? = nil, location: SourceLocation,
      unitLocation: SourceLocation? = nil
    ) {
      self.name = name
      self.label = label
      self.unit = unit
      self.type = type
      self.location = location
      self.unitLocation = unitLocation
    }

    /// One entry of a `columns:` list (in a dataset or a `.meta.yml`), each key checked
    /// where it is written; problems go to `entry`'s diagnostics.
    init?(entry: inout YAMLDocument) {
      guard let name = entry.string("name", required: true) else { return nil }
      let type = entry.string("type")
      if let type, type != "number" && type != "text" {
        entry.error(.badColumnType(type), at: entry.location(of: entry.node("type")))
      }
      let unit = entry.string("unit")
      self.init(
        name: name, label: entry.string("label"), unit: unit, type: type, location: entry.location(ofKey: "name"),
        unitLocation: unit == nil ? nil : entry.location(of: entry.node("unit")))
      entry.reportUnknownKeys(known: ["name", "label", "unit", "type"], context: .column)
    }
  }

  package struct RawCell {
    var text: String
    var location: SourceLocation
    /// A quoted YAML or JSON value (`"2025"`) is text unless its column is declared numeric.
    var quoted = false
  }

  package var id: String
  package var file: SourcePath
  package var title: String?
  package var source: String?
  package var period: String?
  package var note: String?
  /// A YAML/JSON file with `columns:` and `rows:`, which can carry its own title and labels.
  package var hasColumnsForm = false
  package var columns: [RawColumn]
  package var rows: [[RawCell?]]
  /// `单位：万元` on a line above a CSV's header: the unit of its plain numbers.
  package var tableUnit: (unit: String, location: SourceLocation)?

  /// A field of a CSV file or a cell of a sheet, where it was read.
  package struct GridCell {
    var text: String
    var location: SourceLocation
  }

  package static func fromCSV(_ bytes: [UInt8], id: String, file: SourcePath, diagnostics: inout [Diagnostic])
    -> RawTable?
  {
    let (parsed, problems) = CSVParser.parse(bytes)
    for problem in problems {
      diagnostics.append(
        .error(problem.message, at: SourceLocation(file: file, line: problem.line, column: problem.column)))
    }
    let grid = parsed.map { row in
      row.map { GridCell(text: $0.text, location: SourceLocation(file: file, line: $0.line, column: $0.column)) }
    }
    return fromGrid(
      grid, id: id, file: file, widthHint: .csv, diagnostics: &diagnostics)
  }

  /// A table from rows of cells: lines with one field above the header (a title, a
  /// `单位：万元` line), the header, then the rows; empty rows and empty trailing columns
  /// left out with a warning. `widthHint` says what to check in a row of another width.
  package static func fromGrid(
    _ grid: [[GridCell]], id: String, file: SourcePath, widthHint: Message.RowWidthHint, diagnostics: inout [Diagnostic]
  ) -> RawTable {
    var table = RawTable(id: id, file: file, columns: [], rows: [])
    var rows = grid
    // Lines above the header with one field (a title, `单位：万元`), as Excel exports them.
    let isTable = rows.contains { $0.filter { !$0.text.trimmed.isEmpty }.count >= 2 }
    while isTable, let first = rows.first, first.filter({ !$0.text.trimmed.isEmpty }).count <= 1 {
      rows.removeFirst()
      guard let field = first.first(where: { !$0.text.trimmed.isEmpty }) else { continue }
      let location = field.location
      if let unit = HeaderUnit.tableUnit(field.text) {
        table.tableUnit = (unit, location)
      } else if table.title == nil {
        table.title = field.text.trimmed
      }
    }
    guard let header = rows.first else { return table }
    let blankRows = rows.dropFirst().filter { $0.allSatisfy { $0.text.trimmed.isEmpty } }.count
    rows.removeAll { $0.allSatisfy { $0.text.trimmed.isEmpty } }
    // Columns that Excel saved empty at the end of every row (`a,b,`).
    var blankColumns = 0
    while blankColumns < header.count - 1 {
      let index = header.count - 1 - blankColumns
      guard rows.allSatisfy({ $0.count <= index || $0[index].text.trimmed.isEmpty }) else { break }
      blankColumns += 1
    }
    if blankRows > 0 || blankColumns > 0 {
      diagnostics.append(
        .warning(.blankCellsLeftOut(columns: blankColumns, rows: blankRows), at: SourceLocation(file: file)))
    }
    let width = header.count - blankColumns
    table.columns = header.prefix(width).map { RawColumn(name: $0.text.trimmed, location: $0.location) }
    for row in rows.dropFirst() {
      let cells =
        row.count > width && row[width...].allSatisfy({ $0.text.trimmed.isEmpty }) ? Array(row.prefix(width)) : row
      if cells.count != width {
        let first = row.first
        diagnostics.append(
          .error(
            .rowWidth(fields: cells.count, header: width, hint: widthHint),
            at: first.map {
              var start = $0.location; start.column = 1; return start
            } ?? SourceLocation(file: file)))
        continue
      }
      table.rows.append(cells.map { RawCell(text: $0.text, location: $0.location) })
    }
    RawTable.checkColumnNames(table.columns, diagnostics: &diagnostics)
    return table
  }

  package static func fromYAML(_ data: Data, id: String, file: SourcePath, diagnostics: inout [Diagnostic]) -> RawTable?
  {
    guard let text = String(validating: data, as: UTF8.self) else {
      diagnostics.append(.error(.notUTF8Data(), at: SourceLocation(file: file)))
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
      document.reportUnknownKeys(
        known: ["title", "source", "period", "note", "notes", "columns", "rows"], context: .dataset)
      diagnostics += document.diagnostics
      guard !table.columns.isEmpty else {
        diagnostics.append(
          .error(
            .yamlDatasetShape(),
            at: SourceLocation(file: file, line: 1, column: 1)))
        return nil
      }
      RawTable.checkColumnNames(table.columns, diagnostics: &diagnostics)
      guard let rowsNode else { return table }
      guard case .sequence(let rows) = rowsNode else {
        diagnostics.append(.error(.rowsNotList(), at: locate(rowsNode)))
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
                  .notAColumn(name, columns: table.columns.map(\.name)),
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
                .rowValueCount(values: values.count, columns: table.columns.count), at: locate(row)))
            continue
          }
          table.rows.append(values.map { cell($0, locate: locate, diagnostics: &diagnostics) })
        default:
          diagnostics.append(
            .error(.rowShape(), at: locate(row)))
        }
      }
      return table
    case nil:
      return RawTable(id: id, file: file, columns: [], rows: [])
    case let other?:
      diagnostics.append(.error(.datasetNotListOrTable(), at: locate(other)))
      return nil
    }
  }

  private static func fromRecords(
    _ records: [Node], id: String, file: SourcePath, locate: (Node) -> SourceLocation, diagnostics: inout [Diagnostic]
  ) -> RawTable {
    var table = RawTable(id: id, file: file, columns: [], rows: [])
    var parsed: [[(String, RawCell?)]] = []
    for record in records {
      guard case .mapping(let mapping) = record else {
        diagnostics.append(.error(.recordShape(), at: locate(record)))
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
      diagnostics.append(.error(.cellNotSingleValue(YAMLDocument.kind(of: node)), at: locate(node)))
      return nil
    }
    if scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return nil }
    return RawCell(text: scalar.string, location: locate(node), quoted: scalar.style != .plain)
  }

  private static func checkColumnNames(_ columns: [RawColumn], diagnostics: inout [Diagnostic]) {
    var seen: Set<String> = []
    for column in columns {
      if column.name.isEmpty {
        diagnostics.append(.error(.columnWithoutName(), at: column.location))
      } else if !seen.insert(column.name).inserted {
        diagnostics.append(.error(.columnTwice(column.name), at: column.location))
      }
    }
  }

  /// Decides which columns hold numbers, and in which unit, and reads their cells. A
  /// column's unit may be written in its header (`研发投入（万元）`), in `unit:` (here or in
  /// a `.meta.yml`), on a `单位：` line above the table, or in each cell (`3500万元`); two
  /// places that name different units are an error naming both. A column is numeric when
  /// a unit or `type: number` says so (then every other cell must be a number or a gap,
  /// or it is an error at that cell), or when every cell that is not a gap is a number.
  /// Cells keep the unit they were written in; the column's unit is the one every view
  /// shows it in (see `ChineseNumberFormat.shortestUnit`).
  package func build() -> (Dataset, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let unitColumn = columns.firstIndex { Dataset.unitColumnNames.contains($0.name) }
    var built: [Column] = []
    var cells = rows.map { $0.map { $0.map { Cell.text($0.text) } ?? .empty } }
    for (index, raw) in columns.enumerated() {
      let (label, declared) = RawTable.labelAndUnit(of: raw, diagnostics: &diagnostics)
      let values = rows.compactMap { $0[index] }.filter { !Gap.isGap($0.text) }
      let parsed = values.map { $0.quoted ? nil : Quantity.parse($0.text) }
      let numbers = parsed.compactMap { $0 }.count
      let numeric: Bool =
        switch raw.type {
        case "number": true
        case "text": false
        // A column without any value (an empty dataset) can be plotted: as gaps.
        default: declared != nil || (numbers == values.count && index != unitColumn)
        }
      var column = Column(
        name: raw.name, label: label ?? Column.labelsOfKnownKeys[raw.name.lowercased()], unit: nil, isNumeric: numeric)
      guard numeric else {
        built.append(column)
        continue
      }
      // A `单位：` line above the table is the unit of plain numbers in every column but
      // the first (the categories).
      let plain = parsed.allSatisfy { $0?.unit.symbol.isEmpty ?? true }
      let written =
        declared
        ?? (unitColumn == nil && index > 0 && plain ? tableUnit.map { Unit($0.unit) } : nil)
      var quantities: [Quantity] = []
      for (rowIndex, row) in rows.enumerated() {
        guard let raw = row[index], !Gap.isGap(raw.text) else {
          cells[rowIndex][index] = .empty
          continue
        }
        guard var quantity = Quantity.parse(raw.text) else {
          diagnostics.append(
            .error(
              .notANumber(raw.text, column: column.name),
              at: raw.location))
          continue
        }
        // A `unit` column gives the unit of plain numbers in its row, except in the first
        // column (the categories, often years) and in columns that name their own.
        if quantity.unit.symbol.isEmpty, declared == nil, index > 0, let unitColumn,
          let unitText = row[unitColumn]?.text.trimmed, !unitText.isEmpty
        {
          quantity.unit = Unit(unitText)
        } else if let written {
          guard let inColumn = quantity.converted(to: written) else {
            diagnostics.append(
              .error(
                .unitClash(quantity.unit.symbol, given: written.symbol, column: column.name),
                at: raw.location))
            continue
          }
          // A plain number is in the column's unit; a cell that says its own keeps it.
          if quantity.unit.symbol.isEmpty { quantity = inColumn }
        }
        quantities.append(quantity)
        cells[rowIndex][index] = .number(quantity, raw: raw.text.trimmed)
      }
      column.unit = RawTable.columnUnit(of: quantities, written: written)
      built.append(column)
    }
    var dataset = Dataset(
      id: id, file: file, title: title ?? id, source: source, period: period, note: note, columns: built, rows: cells)
    dataset.hasTitle = title != nil
    dataset.hasColumnsForm = hasColumnsForm
    dataset.cellLocations = rows.map { $0.map { $0?.location } }
    return (dataset, diagnostics)
  }

  /// The label readers see, and the unit the file gives a column (in its header, its
  /// label or `unit:`); places that disagree are an error naming both.
  private static func labelAndUnit(of raw: RawColumn, diagnostics: inout [Diagnostic]) -> (String?, Unit?) {
    var label = raw.label
    var sources: [(unit: String, place: Message, location: SourceLocation)] = []
    if let header = HeaderUnit.split(raw.name) {
      sources.append((header.unit, .unitInHeader(raw.name), raw.location))
      if label == nil { label = header.label }
    }
    if let written = raw.label, let header = HeaderUnit.split(written) {
      sources.append((header.unit, .unitInLabel(written), raw.unitLocation ?? raw.location))
      label = header.label
    }
    if let unit = raw.unit {
      sources.append((unit, .unitInKey(unit), raw.unitLocation ?? raw.location))
    }
    guard let first = sources.first else { return (label, nil) }
    if let clash = sources.first(where: { $0.unit != first.unit }) {
      diagnostics.append(
        .error(
          .columnTwoUnits(
            raw.name, first: first.unit, firstPlace: first.place, firstAt: "\(first.location)", second: clash.unit,
            secondPlace: clash.place, secondAt: "\(clash.location)"),
          at: clash.location))
    }
    return (label, Unit(first.unit))
  }

  /// The unit every view shows a column in: the one its figures read shortest in without
  /// losing a digit, starting from the unit written for it or the one most of its cells
  /// carry. Nil when cells carry units of different kinds (an indicator table's 亿元, %
  /// and 家): then each cell keeps its own.
  private static func columnUnit(of quantities: [Quantity], written: Unit?) -> Unit? {
    let units = quantities.map(\.unit).filter { !$0.symbol.isEmpty }
    let common =
      written
      ?? Dictionary(grouping: units.map(\.symbol), by: { $0 }).max(by: {
        ($0.value.count, $1.key) < ($1.value.count, $0.key)
      }).map { Unit($0.key) }
    guard let common else { return quantities.isEmpty ? nil : Unit("") }
    guard units.allSatisfy({ $0.isCompatible(with: common) }) else { return nil }
    return ChineseNumberFormat.shortestUnit(for: quantities, preferring: common)
  }
}
