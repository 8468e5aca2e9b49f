import YearbookCore

/// A table from `Content/data/`: columns with labels and units, rows of cells.
public struct Dataset: Sendable, Hashable {
  /// The file name without extension: what chart specs name in `data:`.
  public var id: String
  public var file: SourcePath
  /// The title the file gives, or its id when it gives none (see `hasTitle`).
  public var title: String
  public var hasTitle: Bool = true
  /// Written with `columns:` and `rows:`, so its title and labels belong in the file itself
  /// rather than in a `.meta.yml` beside it.
  public var hasColumnsForm = false
  public var source: String?
  public var period: String?
  public var note: String?
  public var columns: [Column]
  public var rows: [[Cell]]
  /// Where each cell was read, for messages about it (nil for an omitted cell).
  public var cellLocations: [[SourceLocation?]] = []

  public init(
    id: String, file: SourcePath, title: String, source: String? = nil, period: String? = nil, note: String? = nil,
    columns: [Column], rows: [[Cell]]
  ) {
    self.id = id
    self.file = file
    self.title = title
    self.source = source
    self.period = period
    self.note = note
    self.columns = columns
    self.rows = rows
  }

  /// A column that gives the unit of each row's numbers (an indicator table's 单位).
  public static let unitColumnNames: Set<String> = ["unit", "单位"]

  public var unitColumn: Int? { columns.firstIndex { Dataset.unitColumnNames.contains($0.name) } }

  /// The column named `name` as written in the file, or, when no header reads so, the one
  /// column whose label does (`研发投入` for the header `研发投入（万元）`).
  public func columnIndex(_ name: String) -> Int? {
    if let exact = columns.firstIndex(where: { $0.name == name }) { return exact }
    let labelled = columns.indices.filter { columns[$0].label == name }
    return labelled.count == 1 ? labelled[0] : nil
  }

  /// A cell's figure as every table, tile and the CSV download show it: in its column's
  /// unit, or, in a column whose cells carry units of different kinds, as written. Exact
  /// either way; nil for a gap or text.
  public func shown(row: Int, column: Int) -> Quantity? {
    guard let quantity = rows[row][column].quantity else { return nil }
    guard let unit = columns[column].unit else { return quantity }
    return quantity.converted(to: unit) ?? quantity
  }

  /// Whether a cell's unit was taken from the row's unit column (`38.13` beside `%`), so a
  /// table that shows that column shows the number alone.
  public func unitFromUnitColumn(row: Int, column: Int) -> Bool {
    guard unitColumn != nil, case .number(_, let raw) = rows[row][column] else { return false }
    return Quantity.parse(raw)?.unit.symbol.isEmpty == true
  }

  /// The row whose cell in `column` (by default the first) reads `key`.
  public func rowIndex(_ key: String, in column: Int = 0) -> Int? {
    rows.firstIndex { $0.indices.contains(column) && $0[column].text == key }
  }

}

public struct Column: Sendable, Hashable {
  /// The key used in chart specs and data files: `rd_gdp_share`.
  public var name: String
  /// What readers see: `研发经费支出占GDP比重`.
  public var label: String
  /// The unit every view shows this column's figures in (cells keep the unit they were
  /// written in); nil when its cells carry units of different kinds, each kept.
  public var unit: YearbookCore.Unit?
  public var isNumeric: Bool

  /// Whether readers can be shown the column's name: it has a label, or its name is
  /// already words (`企业数`) rather than a key such as `total`.
  public var hasReadableLabel: Bool {
    label != name || !name.unicodeScalars.allSatisfy { $0.isASCII }
  }

  /// Columns whose key Yearbook itself gives a meaning (a row's unit, a note under a tile,
  /// an estimate's status) are named for readers without a label.
  package static let labelsOfKnownKeys = [
    "unit": "单位", "note": "说明", "notes": "说明", "status": "状态", "estimate": "状态", "year": "年份",
  ]

  public init(name: String, label: String? = nil, unit: YearbookCore.Unit? = nil, isNumeric: Bool = false) {
    self.name = name
    self.label = label ?? name
    self.unit = unit
    self.isNumeric = isNumeric
  }
}

public enum Cell: Sendable, Hashable {
  /// A gap: shown as a gap in charts, never as zero.
  case empty
  case text(String)
  /// A number with the text it was read from (`2015` stays `2015` as a category label).
  case number(Quantity, raw: String)

  public var quantity: Quantity? {
    if case .number(let quantity, _) = self { return quantity }
    return nil
  }

  /// The cell as written in the data file.
  public var text: String {
    switch self {
    case .empty: ""
    case .text(let text): text
    case .number(_, let raw): raw
    }
  }
}
