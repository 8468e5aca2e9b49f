/// Big figures, two to a row. With several columns (or one column and no `rows:`) each
/// tile shows a column's latest value and its change from the value before; with `rows:`
/// each tile shows one row of a single column.
enum KPIChart {
  struct Tile {
    var label: String
    var value: Quantity
    var change: String?
    var note: String?
  }

  static func tiles(_ data: ChartData) -> [Tile] {
    if data.spec.rows.isEmpty || data.series.count > 1 {
      return data.series.compactMap { series in
        let present = series.values.indices.filter { series.values[$0] != nil }
        guard let last = present.last, let value = series.values[last] else { return nil }
        var change: String?
        if present.count >= 2, let previous = series.values[present[present.count - 2]],
          let clause = ChineseNumberFormat.change(from: previous, to: value)
        {
          change = "比\(yearLabel(data.categories[present[present.count - 2]]))\(clause)"
        }
        return Tile(label: series.name, value: value, change: change, note: nil)
      }
    }
    let series = data.series[0]
    return data.categories.indices.compactMap { index in
      guard let value = series.values[index] else { return nil }
      return Tile(label: data.categories[index], value: value, change: nil, note: data.notes[safe: index] ?? nil)
    }
  }

  /// `2015` reads as `2015年`; other categories stay as they are.
  static func yearLabel(_ category: String) -> String {
    category.count == 4 && category.allSatisfy(\.isNumber) ? category + "年" : category
  }

  static func svg(_ data: ChartData, id: String) -> (body: String, height: Double) {
    let L = ChartLayout.self
    let tiles = tiles(data)
    let columns = 2
    let gap = 12.0
    let tileWidth = (L.width - 2 * L.padding - gap) / Double(columns)
    struct Laid {
      var label: [String]
      var change: [String]
      var note: [String]
      var height: Double
    }
    let laid = tiles.map { tile -> Laid in
      let label = TextMetrics.wrap(tile.label, maxWidth: tileWidth - 20, fontSize: L.labelSize, maxLines: 2)
      let change =
        tile.change.map { TextMetrics.wrap($0, maxWidth: tileWidth - 36, fontSize: L.valueSize, maxLines: 2) } ?? []
      let note =
        tile.note.map { TextMetrics.wrap($0, maxWidth: tileWidth - 20, fontSize: L.valueSize, maxLines: 2) } ?? []
      let lines = Double(label.count + change.count + note.count)
      return Laid(label: label, change: change, note: note, height: 62 + lines * L.lineHeight + 6)
    }
    var rowHeights: [Double] = []
    for start in stride(from: 0, to: laid.count, by: columns) {
      rowHeights.append(laid[start..<min(start + columns, laid.count)].map(\.height).max() ?? 0)
    }
    var out = ""
    var rowTop = L.padding
    for (index, tile) in tiles.enumerated() {
      let row = index / columns
      if index % columns == 0 && row > 0 { rowTop += rowHeights[row - 1] + gap }
      let x = L.padding + Double(index % columns) * (tileWidth + gap)
      let y = rowTop
      let layout = laid[index]
      out += "<g class=\"yb-kpi\">"
      out += SVG.rect(x: x, y: y, width: tileWidth, height: rowHeights[row], className: "yb-kpi-tile")
      out += SVG.rect(x: x, y: y, width: tileWidth, height: 4, className: "yb-mark yb-fill-1")
      out += SVG.lines(
        layout.label, x: x + 10, y: y + 22 + Double(layout.label.count - 1) * L.lineHeight / 2,
        lineHeight: L.lineHeight, className: "yb-label", anchor: "start")
      let scaled = ChineseNumberFormat.scaledMoney(tile.value)
      let number = ChineseNumberFormat.number(scaled.value, decimals: scaled.decimals)
      let valueY = y + 44 + Double(layout.label.count) * L.lineHeight
      let valueSize = min(30.0, (tileWidth - 60) / max(1, Double(number.count) * 0.6))
      out +=
        "<text x=\"\(SVG.number(x + 10))\" y=\"\(SVG.number(valueY))\" class=\"yb-kpi-value\" font-size=\"\(SVG.number(valueSize))\">\(HTML.escape(number))<tspan class=\"yb-kpi-unit\" dx=\"4\">\(HTML.escape(scaled.unit.symbol))</tspan></text>"
      var lineY = valueY + 20
      if !layout.change.isEmpty, let change = tile.change {
        let s = SVG.number
        if change.contains("提高") || change.contains("增长") {
          out +=
            "<path d=\"M\(s(x + 10)) \(s(lineY + 4))L\(s(x + 15)) \(s(lineY - 5))L\(s(x + 20)) \(s(lineY + 4))Z\" class=\"yb-up\"/>"
        } else if change.contains("降低") || change.contains("下降") {
          out +=
            "<path d=\"M\(s(x + 10)) \(s(lineY - 5))L\(s(x + 15)) \(s(lineY + 4))L\(s(x + 20)) \(s(lineY - 5))Z\" class=\"yb-down\"/>"
        }
        out += SVG.lines(
          layout.change, x: x + 26, y: lineY + Double(layout.change.count - 1) * L.lineHeight / 2,
          lineHeight: L.lineHeight, className: "yb-tick", anchor: "start")
        lineY += Double(layout.change.count) * L.lineHeight
      }
      if !layout.note.isEmpty {
        out += SVG.lines(
          layout.note, x: x + 10, y: lineY + Double(layout.note.count - 1) * L.lineHeight / 2, lineHeight: L.lineHeight,
          className: "yb-tick", anchor: "start")
      }
      out += "</g>"
    }
    let total = rowHeights.reduce(0, +) + gap * Double(max(0, rowHeights.count - 1))
    return (out, L.padding * 2 + max(total, 40))
  }
}
