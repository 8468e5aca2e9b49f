import YearbookCore
import YearbookLoad
import YearbookModel

/// A chart spec checked against its dataset: the categories and the numbers to draw.
package struct ChartData: Sendable {
  package struct Series: Sendable {
    var name: String
    /// The dataset column it shows.
    var column: Int
    /// The figures in the chart's unit: what marks, labels and the description say.
    var values: [Quantity?]
    /// The cells as written, for tables: text columns have no values.
    var texts: [String] = []
    /// The figures as every table shows this column (in its column's unit, the same on
    /// the data page and in the CSV download), even where the chart had to move them to a
    /// unit shared with other columns.
    var shown: [Quantity?] = []
    /// The unit the table states once in this column's header; nil when each cell says its own.
    var shownUnit: Unit?
    /// Whether the column holds figures (a gap in it reads —) rather than text.
    var isNumeric = true
  }

  package var spec: ChartSpec
  package var dataset: Dataset
  package var categoryLabel: String
  package var categories: [String]
  package var series: [Series]
  /// The unit every plotted value shares (values were converted to it).
  package var unit: YearbookCore.Unit
  /// `progress` only: what each value is measured against.
  package var targets: [Quantity?]
  /// `kpi` only: notes from a `note` column, shown under each figure.
  package var notes: [String?]
  /// Rows that are estimates or plans, not results: marked `*` after the category
  /// (`2025*`) or by a `status`/`estimate` column. Lines are dashed into them.
  package var estimates: [Bool] = []

  /// Whether the dataset's unit column is one of the columns shown (tables).
  package var showsUnitColumn: Bool {
    guard let unitColumn = dataset.unitColumn else { return false }
    return series.contains { $0.column == unitColumn }
  }

  package var estimatedCategories: [String] {
    categories.indices.filter { estimates[safe: $0] == true }.map { categories[$0] }
  }

  package var allValues: [Double] { series.flatMap { $0.values.compactMap { $0?.value } } }

  /// Whether plotted values keep units of their own (tiles, tables, progress over an
  /// indicator table): then no unit is said once for the whole chart.
  package var mixedUnits: Bool

  /// How the chart writes its numbers on ticks, labels, tables and in its description.
  package var numbers: ChartNumbers { ChartNumbers(unit: mixedUnits ? nil : unit) }

  package var source: String? { spec.source ?? dataset.source }

  /// Resolves `spec` against `datasets`; every mistake is an error at the spec's position.
  /// `pointLimit` bounds rows × columns: past it the chart is an error, never a page of
  /// hundreds of megabytes.
  package static func resolve(_ spec: ChartSpec, datasets: [String: Dataset], pointLimit: Int = Budgets().chartPoints)
    -> (ChartData?, [Diagnostic])
  {
    let at = spec.location
    guard let dataset = datasets[spec.data] else {
      let known = datasets.keys.sorted()
      return (
        nil,
        [.error(.noSuchDataset(spec.data, known: known), at: at)]
      )
    }
    guard !dataset.rows.isEmpty else {
      return (
        nil,
        [.error(.datasetEmptyForChart(dataset.id, file: "\(dataset.file)"), at: at)]
      )
    }
    func columnIndex(_ name: String) -> Int? { dataset.columnIndex(name) }
    let columnList = dataset.columns.map(\.name)
    var diagnostics: [Diagnostic] = []

    let xIndex: Int
    if let x = spec.x {
      guard let index = columnIndex(x) else {
        return (nil, [.error(.datasetHasNoColumn(dataset.id, column: x, columns: columnList), at: at)])
      }
      xIndex = index
    } else {
      xIndex = 0
    }
    guard !dataset.columns.isEmpty else {
      return (nil, [.error(.datasetHasNoColumns(dataset.id), at: at)])
    }

    var yNames = spec.y
    if spec.kind == .table && yNames.isEmpty {
      yNames = dataset.columns.indices.filter { $0 != xIndex }.map { dataset.columns[$0].name }
    }
    var yIndices: [Int] = []
    for name in yNames {
      guard let index = columnIndex(name) else {
        diagnostics.append(.error(.datasetHasNoColumn(dataset.id, column: name, columns: columnList), at: at))
        continue
      }
      if spec.kind != .table && !dataset.columns[index].isNumeric {
        // The first cell that is neither a figure nor a gap is the one to blame, at its own place.
        let badRow = dataset.rows.indices.first { row in
          let text = dataset.rows[row][index].text
          return !Gap.isGap(text) && Quantity.parse(text) == nil
        }
        let cellLocation = badRow.flatMap { dataset.cellLocations[safe: $0]?[safe: index] ?? nil }
        if let badRow, let cellLocation {
          diagnostics.append(
            .error(
              .plottedCellNotNumber(dataset.rows[badRow][index].text, chart: "\(at)", column: name),
              at: cellLocation))
        } else {
          diagnostics.append(
            .error(.plottedColumnNotNumbers(name, dataset: dataset.id), at: at))
        }
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
            .error(.noSuchRow(key, column: dataset.columns[xIndex].name, dataset: dataset.id), at: at))
          continue
        }
        rowIndices.append(row)
      }
      if diagnostics.hasErrors { return (nil, diagnostics) }
    }

    let points = rowIndices.count * max(1, yIndices.count)
    if points > pointLimit {
      return (
        nil,
        diagnostics + [
          .error(
            .tooManyPoints(
              points: points, rows: rowIndices.count, columns: max(1, yIndices.count), dataset: dataset.id,
              limit: pointLimit),
            at: at)
        ]
      )
    }
    // Marks on one axis need one unit: every plotted number is moved (exactly) to one unit,
    // and numbers in a unit that does not convert are an error naming the rows. Tiles,
    // tables and progress rows show each column in its own unit.
    let plotted = yIndices.flatMap { column in rowIndices.compactMap { dataset.rows[$0][column].quantity } }
    let units = plotted.map(\.unit)
    let columnUnits = yIndices.map { dataset.columns[$0].unit }
    var unit =
      columnUnits.compactMap { $0 }.first { !$0.symbol.isEmpty } ?? units.first { !$0.symbol.isEmpty } ?? Unit("")
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
              .chartUnitIncompatible(wanted.symbol, dataset: dataset.id, written: clash.symbol),
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
        let first = rowIndices.first { row in
          yIndices.contains { dataset.rows[row][$0].quantity?.unit.isCompatible(with: unit) == true }
        }
        let firstRow = first.map { "\(dataset.rows[$0][xIndex].text) (\(unit.symbol))" } ?? unit.symbol
        return (
          nil,
          diagnostics + [
            .error(
              .chartMixesUnits(
                kind: spec.kind.rawValue, dataset: dataset.id, rows: [firstRow] + clashes.prefix(5),
                more: max(0, clashes.count - 5)),
              at: at)
          ]
        )
      }
      // Columns shown in one unit keep it; columns in different units (or rows chosen from
      // an indicator table) share the one their figures read shortest in.
      if wanted == nil && !(columnUnits.allSatisfy { $0 != nil && $0 == columnUnits[0] }) {
        unit = ChineseNumberFormat.shortestUnit(for: plotted, preferring: unit)
      }
    }
    var series: [Series] = []
    for column in yIndices {
      let columnUnit = dataset.columns[column].unit
      let shown = rowIndices.map { row -> Quantity? in
        guard let quantity = dataset.shown(row: row, column: column) else { return nil }
        // Plain numbers take the unit the spec gives them.
        return columnUnit?.symbol.isEmpty == true && wanted != nil ? quantity.converted(to: unit) : quantity
      }
      let values = rowIndices.indices.map { position -> Quantity? in
        if ownUnits && wanted == nil { return shown[position] }
        let row = rowIndices[position]
        guard let written = dataset.rows[row][column].quantity else { return nil }
        guard let converted = written.converted(to: unit) else {
          // Only digits past what a number can hold get here: never drawn as a gap.
          diagnostics.append(
            .error(
              .tooManyDigits(ChineseNumberFormat.withUnit(written), unit: unit.symbol),
              at: (dataset.cellLocations[safe: row]?[safe: column] ?? nil) ?? at))
          return nil
        }
        return converted
      }
      var shownUnit = columnUnit
      if columnUnit?.symbol.isEmpty == true && wanted != nil { shownUnit = unit }
      // Rows chosen from an indicator table that all carry one unit state it once, in the header.
      let rowUnits = Set(shown.compactMap { $0?.unit })
      if columnUnit == nil && rowUnits.count == 1 { shownUnit = rowUnits.first }
      series.append(
        Series(
          name: dataset.columns[column].label, column: column, values: values,
          texts: rowIndices.map { dataset.rows[$0][column].text },
          shown: shown, shownUnit: shownUnit, isNumeric: dataset.columns[column].isNumeric))
    }
    if ownUnits, wanted == nil {
      let shownUnits = Set(series.flatMap { $0.values.compactMap { $0?.unit } })
      if shownUnits.count == 1 { unit = shownUnits.first! }
    }
    // Readers never see a key such as `total`: an unlabelled column is named by the chart's
    // title when it is the only one (系列1, 系列2 otherwise), the category column by 年份 or
    // 类别, and each is a warning saying where to give it a label.
    let unlabelled = yIndices.indices.filter { !dataset.columns[yIndices[$0]].hasReadableLabel }
    for position in unlabelled {
      series[position].name = unlabelled.count == 1 ? spec.title : "系列\(position + 1)"
      diagnostics.append(
        .unlabelledColumn(dataset.columns[yIndices[position]].name, of: dataset, shownAs: series[position].name, at: at)
      )
    }
    var categories = rowIndices.map { dataset.rows[$0][xIndex].text }
    var categoryLabel = dataset.columns[xIndex].label
    if !dataset.columns[xIndex].hasReadableLabel {
      // Years are 年份 whatever their column is called; other categories get a guess and a warning.
      if categories.allSatisfy({ LineChart.year($0.trimmingStar) != nil }) {
        categoryLabel = "年份"
      } else {
        categoryLabel = "类别"
        diagnostics.append(
          .unlabelledColumn(dataset.columns[xIndex].name, of: dataset, shownAs: categoryLabel, at: at))
      }
    }

    var targets: [Quantity?] = []
    if spec.kind == .progress, let target = spec.target {
      let values = series.first?.values ?? []
      if let fixed = Quantity.parse(target) {
        targets = values.map { value in
          fixed.converted(to: value?.unit ?? unit) ?? fixed
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
                .targetUnitClash(
                  row: dataset.rows[row][xIndex].text, dataset: dataset.id, value: ChineseNumberFormat.withUnit(value),
                  target: ChineseNumberFormat.withUnit(goal), targetAt: location.map { "\($0)" }),
                at: at))
            targets.append(nil)
            continue
          }
          targets.append(converted)
        }
      } else {
        diagnostics.append(
          .error(.badTarget(dataset: dataset.id, columns: columnList), at: at))
      }
    }
    if spec.kind == .donut && series.flatMap(\.values).contains(where: { ($0?.value ?? 0) < 0 }) {
      diagnostics.append(.error(.donutNegative(), at: at))
    }
    let estimateColumn = ["status", "estimate", "状态", "预计"].lazy.compactMap(columnIndex).first
    var estimates = rowIndices.map { row in
      estimateColumn.map { Estimate.says(dataset.rows[row][$0].text) } ?? false
    }
    for index in categories.indices where categories[index].trimmingStar != categories[index] {
      categories[index] = categories[index].trimmingStar
      estimates[index] = true
    }
    let noteColumn = ["note", "说明", "备注"].lazy.compactMap(columnIndex).first
    let notes = rowIndices.map { row -> String? in
      guard let noteColumn else { return nil }
      let text = dataset.rows[row][noteColumn].text
      return text.isEmpty ? nil : text
    }
    let data = ChartData(
      spec: spec, dataset: dataset, categoryLabel: categoryLabel,
      categories: categories, series: series, unit: unit, targets: targets,
      notes: notes, estimates: estimates,
      mixedUnits: spec.kind.allowsMixedUnits
        || Set(series.flatMap { $0.values.compactMap { $0?.unit.symbol } }).count > 1
    )
    return (diagnostics.hasErrors ? nil : data, diagnostics)
  }
}

extension Array {
  package subscript(safe index: Int) -> Element? {
    indices.contains(index) ? self[index] : nil
  }
}

extension String {
  /// `2025*` (an estimate, see `Estimate`) without its star.
  package var trimmingStar: String {
    hasSuffix("*") || hasSuffix("＊") ? String(dropLast()).trimmed : self
  }
}

extension Diagnostic {
  /// A column without a label, which readers would otherwise see by its key.
  package static func unlabelledColumn(
    _ name: String, of dataset: Dataset, shownAs shown: String, at location: SourceLocation
  )
    -> Diagnostic
  {
    .warning(
      .unlabelledColumn(name, dataset: dataset.id, shown: shown, columnsForm: dataset.hasColumnsForm), at: location)
  }
}

extension ChartSpec.Kind {
  /// Tiles and tables show each value with its own unit; drawn marks need one unit.
  package var allowsMixedUnits: Bool { self == .kpi || self == .table }
}
