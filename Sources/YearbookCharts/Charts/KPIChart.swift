import YearbookCore
import YearbookLoad
import YearbookModel

/// Big figures, two to a row. With several columns (or one column and no `rows:`) each
/// tile shows a column's latest value and its change from the value before; with `rows:`
/// each tile shows one row of a single column.
package enum KPIChart {
  package struct Tile {
    var label: String
    var value: Quantity
    var change: String?
    var note: String?
  }

  package static func tiles(_ data: ChartData) -> [Tile] {
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
  package static func yearLabel(_ category: String) -> String {
    category.count == 4 && category.allSatisfy(\.isNumber) ? category + "年" : category
  }

  package static let tileWidth = 180.0

  /// One SVG per tile, so the tiles reflow in a CSS grid: two to a row on a phone, three
  /// or more on a wide screen, with text at a readable size on both.
  package static func tileSVGs(_ data: ChartData) -> [(tile: Tile, body: String, height: Double)] {
    let layout = ChartLayout.self
    let tiles = tiles(data)
    let width = tileWidth
    let laid = tiles.map { tile -> (label: [String], change: [String], note: [String]) in
      (
        TextMetrics.wrap(tile.label, maxWidth: width - 20, fontSize: layout.labelSize, maxLines: 2),
        tile.change.map { TextMetrics.wrap($0, maxWidth: width - 36, fontSize: layout.valueSize, maxLines: 2) } ?? [],
        tile.note.map { TextMetrics.wrap($0, maxWidth: width - 20, fontSize: layout.valueSize, maxLines: 3) } ?? []
      )
    }
    // Every tile is as tall as the tallest, so a row of tiles lines up.
    let lineCounts: [Int] = laid.map { $0.label.count + $0.change.count + $0.note.count }
    let height: Double = 66 + Double(lineCounts.max() ?? 1) * layout.lineHeight
    return zip(tiles, laid).map { tile, lines -> (tile: Tile, body: String, height: Double) in
      var out = SVG.rect(x: 0, y: 0, width: width, height: height, className: "yb-kpi-tile")
      out += SVG.rect(x: 0, y: 0, width: width, height: 4, className: "yb-mark yb-fill-1")
      out += SVG.lines(
        lines.label, x: 10, y: 22 + Double(lines.label.count - 1) * layout.lineHeight / 2,
        lineHeight: layout.lineHeight,
        className: "yb-label", anchor: "start", full: tile.label)
      // The figure in its column's unit, exactly; 约 before it, 以上 after the unit.
      let scaled = tile.value
      let number =
        scaled.qualifier.prefix + (scaled.unit.isRank ? "第" : "") + ChineseNumberFormat.number(scaled)
      let unitText = scaled.unit.symbol + scaled.qualifier.suffix
      let valueY = 46 + Double(lines.label.count) * layout.lineHeight
      let valueSize = min(
        30.0,
        (width - 20 - TextMetrics.width(unitText, fontSize: 14) - 4) / max(1, Double(number.count) * 0.58))
      out +=
        "<text x=\"10\" y=\"\(SVG.number(valueY))\" class=\"yb-kpi-value\" font-size=\"\(SVG.number(valueSize))\">\(HTML.escape(number))<tspan class=\"yb-kpi-unit\" dx=\"4\">\(HTML.escape(unitText))</tspan></text>"
      var lineY = valueY + 20
      if !lines.change.isEmpty, let change = tile.change {
        if change.contains("提高") || change.contains("增长") {
          out +=
            "<path d=\"M10 \(SVG.number(lineY + 4))L15 \(SVG.number(lineY - 5))L20 \(SVG.number(lineY + 4))Z\" class=\"yb-up\"/>"
        } else if change.contains("降低") || change.contains("下降") {
          out +=
            "<path d=\"M10 \(SVG.number(lineY - 5))L15 \(SVG.number(lineY + 4))L20 \(SVG.number(lineY - 5))Z\" class=\"yb-down\"/>"
        }
        out += SVG.lines(
          lines.change, x: 26, y: lineY + Double(lines.change.count - 1) * layout.lineHeight / 2,
          lineHeight: layout.lineHeight,
          className: "yb-tick", anchor: "start")
        lineY += Double(lines.change.count) * layout.lineHeight
      }
      if !lines.note.isEmpty {
        out += SVG.lines(
          lines.note, x: 10, y: lineY + Double(lines.note.count - 1) * layout.lineHeight / 2,
          lineHeight: layout.lineHeight,
          className: "yb-tick", anchor: "start")
      }
      return (tile, out, height)
    }
  }

  /// What a screen reader hears for one tile.
  package static func sentence(_ tile: Tile) -> String {
    var text = tile.label + ChartDescription.be(tile.value, unit: ChartNumbers(unit: nil))
    if let change = tile.change { text += "，\(change)" }
    text += "。"
    if let note = tile.note { text += note.hasSuffix("。") ? note : note + "。" }
    return text
  }
}
