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
  /// Rows that are estimates or plans, not results: marked `*` after the category
  /// (`2025*`) or by a `status`/`estimate` column. Lines are dashed into them.
  var estimates: [Bool] = []

  /// Whether the dataset's unit column is one of the columns shown (tables).
  var showsUnitColumn: Bool {
    guard let unitColumn = dataset.unitColumn else { return false }
    return series.contains { $0.name == dataset.columns[unitColumn].label }
  }

  var estimatedCategories: [String] { categories.indices.filter { estimates[safe: $0] == true }.map { categories[$0] } }

  var allValues: [Double] { series.flatMap { $0.values.compactMap { $0?.value } } }

  /// Whether plotted values keep units of their own (tiles, tables, progress over an
  /// indicator table): then no unit is said once for the whole chart.
  var mixedUnits: Bool

  var unitText: String { mixedUnits ? "" : unit.symbol }

  /// How the chart writes its numbers on ticks, labels, tables and in its description.
  var numbers: ChartNumbers { ChartNumbers(unit: mixedUnits ? nil : unit) }

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
    guard !dataset.rows.isEmpty else {
      return (
        nil,
        [.error("dataset '\(dataset.id)' (\(dataset.file)) has no rows; there is nothing to draw", at: at)]
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

    // Marks on one axis need one unit: every plotted number is converted to the first one
    // found, and numbers in a unit that does not convert are an error naming the rows.
    // Tiles, tables and progress rows show each number in its own unit.
    let units = yIndices.flatMap { column in rowIndices.compactMap { dataset.rows[$0][column].quantity?.unit } }
    var unit = units.first { !$0.symbol.isEmpty } ?? Unit("")
    let ownUnits = spec.kind.allowsMixedUnits || spec.kind == .progress
    // `unit:` in the spec is the unit numbers are shown in: they are converted to it, or
    // take it when the data gives none.
    let wanted = spec.unit.map(Unit.init)
    if let wanted {
      if let clash = units.first(where: { !$0.symbol.isEmpty && !$0.isCompatible(with: wanted) }) {
        return (
          nil,
          diagnostics + [
            .error(
              "unit: \(wanted.symbol) cannot show numbers of dataset '\(dataset.id)' written in \(clash.symbol); give a unit of the same kind (such as \(clash.symbol)) or remove unit:",
              at: at)
          ]
        )
      }
      unit = wanted
    }
    if !ownUnits {
      var clashes: [String] = []
      for column in yIndices {
        for row in rowIndices {
          guard let quantity = dataset.rows[row][column].quantity, quantity.converted(to: unit) == nil else { continue }
          clashes.append("\(dataset.rows[row][xIndex].text) (\(quantity.unit.symbol))")
        }
      }
      if !clashes.isEmpty {
        let first = rowIndices.first { row in yIndices.contains { dataset.rows[row][$0].quantity?.unit == unit } }
        let firstRow = first.map { "\(dataset.rows[$0][xIndex].text) (\(unit.symbol))" } ?? unit.symbol
        return (
          nil,
          diagnostics + [
            .error(
              "a \(spec.kind.rawValue) chart draws one unit, but the rows of dataset '\(dataset.id)' mix units: \(firstRow), \(clashes.prefix(5).joined(separator: ", "))\(clashes.count > 5 ? " and \(clashes.count - 5) more" : ""); choose rows in one unit with rows:, or show them with type: table or kpi",
              at: at)
          ]
        )
      }
    }
    var series: [Series] = []
    for column in yIndices {
      let values = rowIndices.map { row -> Quantity? in
        guard let quantity = dataset.rows[row][column].quantity else { return nil }
        if ownUnits && wanted == nil { return quantity }
        guard var converted = quantity.converted(to: unit) else { return nil }
        // 13800万元 asked for in 亿元 reads 1.38, not 1.3800.
        if quantity.unit != unit {
          converted.decimals = ChineseNumberFormat.trimmedDecimals(converted.value, maximum: converted.decimals)
        }
        return converted
      }
      series.append(
        Series(
          name: dataset.columns[column].label, values: values, texts: rowIndices.map { dataset.rows[$0][column].text }))
    }
    if !ownUnits && wanted == nil {
      unit = readable(&series, unit: unit)
    }
    if spec.kind == .kpi && (spec.rows.isEmpty || series.count > 1) {
      // A tile is named by its column; a key such as `total` is no name for readers.
      let unlabelled = yIndices.indices.filter { !dataset.columns[yIndices[$0]].hasReadableLabel }
      for position in unlabelled {
        let name = dataset.columns[yIndices[position]].name
        if unlabelled.count == 1 { series[position].name = spec.title }
        let describedIn =
          dataset.hasColumnsForm
          ? "its columns: entry (label: …)"
          : "a \(dataset.id).meta.yml beside the data file (columns: - {name: \(name), label: …})"
        diagnostics.append(
          .warning(
            "column '\(name)' of dataset '\(dataset.id)' has no label, so its tile reads \(unlabelled.count == 1 ? "the chart's title" : "'\(name)'"); give it one in \(describedIn)",
            at: at))
      }
    }

    var targets: [Quantity?] = []
    if spec.kind == .progress, let target = spec.target {
      let values = series.first?.values ?? []
      if let fixed = Quantity.parse(target) {
        targets = values.map { value in
          guard fixed.unit.symbol.isEmpty else { return value.flatMap { fixed.converted(to: $0.unit) } ?? fixed }
          return Quantity(value: fixed.value, decimals: fixed.decimals, unit: value?.unit ?? unit)
        }
      } else if let column = columnIndex(target) {
        for (position, row) in rowIndices.enumerated() {
          guard let goal = dataset.rows[row][column].quantity else {
            targets.append(nil)
            continue
          }
          guard let value = values[safe: position] ?? nil else {
            targets.append(goal)
            continue
          }
          guard let converted = goal.converted(to: value.unit) else {
            let location = dataset.cellLocations[safe: row]?[safe: column] ?? nil
            diagnostics.append(
              .error(
                "row '\(dataset.rows[row][xIndex].text)' of dataset '\(dataset.id)' compares \(ChineseNumberFormat.format(value)) with a target of \(ChineseNumberFormat.format(goal)); a row's value and target must be in one unit\(location.map { " (target at \($0))" } ?? "")",
                at: at))
            targets.append(nil)
            continue
          }
          targets.append(converted)
        }
      } else {
        diagnostics.append(
          .error("target must be a number or a column of dataset '\(dataset.id)' (columns: \(columnList))", at: at))
      }
    }
    if spec.kind == .donut && series.flatMap(\.values).contains(where: { ($0?.value ?? 0) < 0 }) {
      diagnostics.append(.error("a donut chart cannot show negative values; use a column or bar chart", at: at))
    }
    let estimateColumn = ["status", "estimate", "状态", "预计"].lazy.compactMap(columnIndex).first
    var estimates = rowIndices.map { row in
      estimateColumn.map { Estimate.says(dataset.rows[row][$0].text) } ?? false
    }
    var categories = rowIndices.map { dataset.rows[$0][xIndex].text }
    for index in categories.indices where categories[index].hasSuffix("*") || categories[index].hasSuffix("＊") {
      categories[index] = String(categories[index].dropLast()).trimmed
      estimates[index] = true
    }
    let noteColumn = ["note", "说明", "备注"].lazy.compactMap(columnIndex).first
    let notes = rowIndices.map { row -> String? in
      guard let noteColumn else { return nil }
      let text = dataset.rows[row][noteColumn].text
      return text.isEmpty ? nil : text
    }
    let data = ChartData(
      spec: spec, dataset: dataset, categoryLabel: dataset.columns[xIndex].label,
      categories: categories, series: series, unit: unit, targets: targets,
      notes: notes, estimates: estimates,
      mixedUnits: spec.kind.allowsMixedUnits
        || Set(series.flatMap { $0.values.compactMap { $0?.unit.symbol } }).count > 1
    )
    return (diagnostics.hasErrors ? nil : data, diagnostics)
  }
}

/// Moves every plotted value to the one unit that reads best for the largest of them
/// (13800万元 → 1.38亿元), so ticks, labels and the table state it once, in the caption.
private func readable(_ series: inout [ChartData.Series], unit: Unit) -> Unit {
  let all = series.flatMap { $0.values.compactMap { $0 } }
  let scaled = ChineseNumberFormat.readable(all)
  guard let shown = scaled.first?.unit, shown != unit else { return unit }
  var next = scaled.makeIterator()
  for index in series.indices {
    series[index].values = series[index].values.map { value in value == nil ? nil : next.next() }
  }
  return shown
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
