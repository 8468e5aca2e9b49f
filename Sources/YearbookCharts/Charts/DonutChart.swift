import Foundation
import YearbookCore
import YearbookLoad
import YearbookModel

/// Parts of a whole as a ring, largest first from twelve o'clock. Each slice has its own
/// pattern and a legend line with name, value and share, so colour is never the only cue.
package enum DonutChart {
  package static func svg(_ data: ChartData, id: String) -> (body: String, height: Double) {
    let layout = ChartLayout.self
    let values = (data.series.first?.values ?? [])
    let parts = data.categories.indices.compactMap { index -> (String, Quantity, Int)? in
      guard let value = values[index], value.value > 0 else { return nil }
      return (data.categories[index], value, index)
    }
    let total = parts.map(\.1.value).reduce(0, +)
    let radius = 80.0
    let inner = 48.0
    let cx = layout.padding + radius + 4
    let cy = layout.padding + radius + 4
    var out = SVG.patterns(id: id, count: max(2, parts.count))
    out += "<g class=\"yb-marks\">"
    var angle = -Double.pi / 2
    for (index, part) in parts.enumerated() {
      let fill = SVG.fill(id: id, index: index, patterned: true)
      let sweep = total > 0 ? part.1.value / total * 2 * .pi : 0
      if parts.count == 1 || sweep >= 2 * .pi - 1e-9 {
        out +=
          "<circle cx=\"\(SVG.number(cx))\" cy=\"\(SVG.number(cy))\" r=\"\(SVG.number((radius + inner) / 2))\" class=\"yb-ring \(fill.className.replacingOccurrences(of: "yb-fill", with: "yb-stroke"))\" stroke-width=\"\(SVG.number(radius - inner))\" fill=\"none\"/>"
      } else {
        out +=
          "<path d=\"\(arc(cx: cx, cy: cy, outer: radius, inner: inner, start: angle, sweep: sweep))\" class=\"\(fill.className) yb-slice\"\(fill.fill.map { " fill=\"\($0)\"" } ?? "")/>"
      }
      angle += sweep
    }
    out += "</g>"
    // The total in the hole.
    // The exact sum, once; nil only past 19 digits, when the hole stays empty and the
    // legend still gives every part.
    let exactTotal = Quantity.sum(parts.map(\.1))
    out += SVG.text(
      exactTotal.map(data.numbers.label) ?? "", x: cx, y: cy - 6, className: "yb-total",
      anchor: "middle",
      baseline: "middle")
    out += SVG.text("合计", x: cx, y: cy + 14, className: "yb-tick", anchor: "middle", baseline: "middle")
    // Legend with values and shares, in ring order.
    var y = layout.padding + 12
    let legendX = cx + radius + 24
    out += "<g class=\"yb-legend\">"
    for (index, part) in parts.enumerated() {
      let fill = SVG.fill(id: id, index: index, patterned: true)
      let share = exactTotal.flatMap { ChineseNumberFormat.share(part.1, of: $0) } ?? "—"
      let text = "\(part.0)：\(data.numbers.label(part.1))（\(share)）"
      let lines = TextMetrics.wrap(
        text, maxWidth: layout.width - legendX - 22 - layout.padding, fontSize: layout.labelSize, maxLines: 2)
      out += SVG.rect(x: legendX, y: y - 7, width: 14, height: 14, className: fill.className, fill: fill.fill)
      out += SVG.lines(
        lines, x: legendX + 20, y: y + Double(lines.count - 1) * layout.lineHeight / 2, lineHeight: layout.lineHeight,
        className: "yb-label", anchor: "start", full: text)
      y += Double(lines.count) * layout.lineHeight + 8
    }
    out += "</g>"
    return (out, max(cy + radius + layout.padding + 4, y + layout.padding))
  }

  package static func arc(cx: Double, cy: Double, outer: Double, inner: Double, start: Double, sweep: Double) -> String
  {
    let end = start + sweep
    let large = sweep > .pi ? 1 : 0
    let s = SVG.number
    let p1 = (cx + outer * cos(start), cy + outer * sin(start))
    let p2 = (cx + outer * cos(end), cy + outer * sin(end))
    let p3 = (cx + inner * cos(end), cy + inner * sin(end))
    let p4 = (cx + inner * cos(start), cy + inner * sin(start))
    return
      "M\(s(p1.0)) \(s(p1.1))A\(s(outer)) \(s(outer)) 0 \(large) 1 \(s(p2.0)) \(s(p2.1))L\(s(p3.0)) \(s(p3.1))A\(s(inner)) \(s(inner)) 0 \(large) 0 \(s(p4.0)) \(s(p4.1))Z"
  }
}
