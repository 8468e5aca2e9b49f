/// A chart spec checked against its dataset: the categories and the numbers to draw.
struct ChartData: Sendable {
  struct Series: Sendable {
    var name: String
    var values: [Quantity?]
    /// The cells as written, for tables: text columns have no values.
    var texts: [String] = []
  }

  var spec: ChartSpec
  var dataset: Dataset
  var categoryLabel: String
  var categories: [String]
  var series: [Series]
  /// The unit every plotted value shares (values were converted to it).
  var unit: Unit
  /// `progress` only: what each value is measured against.
  var targets: [Quantity?]
  /// `kpi` only: notes from a `note` column, shown under each figure.
  var notes: [String?]

  var allValues: [Double] { series.flatMap { $0.values.compactMap { $0?.value } } }

  var unitText: String { spec.unit ?? (spec.kind.allowsMixedUnits ? "" : unit.symbol) }

  var source: String? { spec.source ?? dataset.source }

  /// Resolves `spec` against `datasets`; every mistake is an error at the spec's position.
  static func resolve(_ spec: ChartSpec, datasets: [String: Dataset]) -> (ChartData?, [Diagnostic]) {
    let at = spec.location
    guard let dataset = datasets[spec.data] else {
      let known = datasets.keys.sorted().joined(separator: ", ")
      return (
        nil,
        [.error("no dataset '\(spec.data)' in Content/data/\(known.isEmpty ? "" : " (there are: \(known))")", at: at)]
      )
    }
    func columnIndex(_ name: String) -> Int? { dataset.columnIndex(name) }
    let columnList = dataset.columns.map(\.name).joined(separator: ", ")
    var diagnostics: [Diagnostic] = []

    let xIndex: Int
    if let x = spec.x {
      guard let index = columnIndex(x) else {
        return (nil, [.error("dataset '\(dataset.id)' has no column '\(x)' (columns: \(columnList))", at: at)])
      }
      xIndex = index
    } else {
      xIndex = 0
    }
    guard !dataset.columns.isEmpty else {
      return (nil, [.error("dataset '\(dataset.id)' has no columns", at: at)])
    }

    var yNames = spec.y
    if spec.kind == .table && yNames.isEmpty {
      yNames = dataset.columns.indices.filter { $0 != xIndex }.map { dataset.columns[$0].name }
    }
    var yIndices: [Int] = []
    for name in yNames {
      guard let index = columnIndex(name) else {
        diagnostics.append(.error("dataset '\(dataset.id)' has no column '\(name)' (columns: \(columnList))", at: at))
        continue
      }
      if spec.kind != .table && !dataset.columns[index].isNumeric {
        let badRow = dataset.rows.indices.first { row in
          let cell = dataset.rows[row][index]
          return cell != .empty && cell.quantity == nil
        }
        let cellLocation = badRow.flatMap { dataset.cellLocations[safe: $0]?[safe: index] ?? nil }
        let example =
          badRow.map { row in
            "; \"\(dataset.rows[row][index].text)\"\(cellLocation.map { " at \($0)" } ?? "") is not a number"
          } ?? ""
        diagnostics.append(
          .error("column '\(name)' of dataset '\(dataset.id)' must hold numbers to be plotted\(example)", at: at))
        continue
      }
      yIndices.append(index)
    }
    if diagnostics.hasErrors { return (nil, diagnostics) }

    var rowIndices = Array(dataset.rows.indices)
    if !spec.rows.isEmpty {
      rowIndices = []
      for key in spec.rows {
        guard let row = dataset.rowIndex(key, in: xIndex) else {
          diagnostics.append(
            .error("dataset '\(dataset.id)' has no row '\(key)' in column '\(dataset.columns[xIndex].name)'", at: at))
          continue
        }
        rowIndices.append(row)
      }
      if diagnostics.hasErrors { return (nil, diagnostics) }
    }

    // Every plotted number is converted to one unit: the first one found.
    let units = yIndices.flatMap { column in rowIndices.compactMap { dataset.rows[$0][column].quantity?.unit } }
    let unit = units.first { !$0.symbol.isEmpty } ?? Unit("")
    var series: [Series] = []
    for column in yIndices {
      var values: [Quantity?] = []
      for row in rowIndices {
        guard let quantity = dataset.rows[row][column].quantity else {
          values.append(nil)
          continue
        }
        if spec.kind.allowsMixedUnits {
          values.append(quantity)
        } else if let converted = quantity.converted(to: unit) {
          values.append(converted)
        } else {
          let location = dataset.cellLocations[safe: row]?[safe: column] ?? nil
          diagnostics.append(
            .error(
              "cannot plot \(quantity.unit.symbol) together with \(unit.symbol) in one chart; choose rows with one unit",
              at: location ?? at))
          values.append(nil)
        }
      }
      series.append(
        Series(
          name: dataset.columns[column].label, values: values, texts: rowIndices.map { dataset.rows[$0][column].text }))
    }

    var targets: [Quantity?] = []
    if spec.kind == .progress, let target = spec.target {
      if let fixed = Quantity.parse(target) {
        targets = rowIndices.map { _ in
          fixed.unit.symbol.isEmpty ? Quantity(value: fixed.value, decimals: fixed.decimals, unit: unit) : fixed
        }
      } else if let column = columnIndex(target) {
        targets = rowIndices.map { dataset.rows[$0][column].quantity.flatMap { $0.converted(to: unit) } }
      } else {
        diagnostics.append(
          .error("target must be a number or a column of dataset '\(dataset.id)' (columns: \(columnList))", at: at))
      }
    }
    if spec.kind == .donut && series.flatMap(\.values).contains(where: { ($0?.value ?? 0) < 0 }) {
      diagnostics.append(.error("a donut chart cannot show negative values; use a column or bar chart", at: at))
    }
    let noteColumn = columnIndex("note")
    let notes = rowIndices.map { row -> String? in
      guard let noteColumn else { return nil }
      let text = dataset.rows[row][noteColumn].text
      return text.isEmpty ? nil : text
    }
    let data = ChartData(
      spec: spec, dataset: dataset, categoryLabel: dataset.columns[xIndex].label,
      categories: rowIndices.map { dataset.rows[$0][xIndex].text }, series: series, unit: unit, targets: targets,
      notes: notes)
    return (diagnostics.hasErrors ? nil : data, diagnostics)
  }
}

extension Array {
  subscript(safe index: Int) -> Element? {
    indices.contains(index) ? self[index] : nil
  }
}

extension ChartSpec.Kind {
  /// Tiles and tables show each value with its own unit; drawn marks need one unit.
  var allowsMixedUnits: Bool { self == .kpi || self == .table }
}
