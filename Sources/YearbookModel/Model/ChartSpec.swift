import YearbookCore

/// A chart as an editor asks for it in a ```` ```chart ```` block.
public struct ChartSpec: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    case column, bar, grouped, stacked, line, donut, kpi, progress, table
  }

  public var kind: Kind
  /// Dataset id: the file name under `Content/data/` without extension.
  public var data: String
  /// The column holding categories (years, names); default: the dataset's first column.
  public var x: String?
  /// The columns to plot; empty for `table` means every column.
  public var y: [String]
  public var title: String
  /// Overrides the unit shown in the caption and the table header.
  public var unit: String?
  /// Overrides the dataset's source.
  public var source: String?
  /// Only these rows, in this order, by their `x` value.
  public var rows: [String]
  /// `progress`: a column name or a number the values are measured against.
  public var target: String?
  /// `bar`: `desc` or `asc` sorts by value; default keeps the data's order.
  public var sort: String?
  /// A sentence added after the generated description.
  public var note: String?
  /// Names the chart's file and embed page (`charts/yb-chart-<id>.svg`) instead of its
  /// position in the article, so they stay put when charts are added before it.
  public var id: String? = nil
  /// Where the block's first line of YAML is, for messages about the chart as a whole.
  public var location: SourceLocation

  package init(
    kind: Kind, data: String, x: String? = nil, y: [String], title: String, unit: String? = nil, source: String? = nil,
    rows: [String], target: String? = nil, sort: String? = nil, note: String? = nil, id: String? = nil,
    location: SourceLocation
  ) {
    self.kind = kind
    self.data = data
    self.x = x
    self.y = y
    self.title = title
    self.unit = unit
    self.source = source
    self.rows = rows
    self.target = target
    self.sort = sort
    self.note = note
    self.id = id
    self.location = location
  }

  /// The whole of a dataset as the data page shows it, under `title`.
  package static func dataPageTable(of dataset: Dataset, title: String) -> ChartSpec {
    ChartSpec(
      kind: .table, data: dataset.id, x: nil, y: [], title: title, unit: nil, source: nil, rows: [], target: nil,
      sort: nil, note: nil, location: SourceLocation(file: dataset.file))
  }

  public static let keys = [
    "type", "data", "x", "y", "title", "unit", "source", "rows", "target", "sort", "note", "id",
  ]
}
