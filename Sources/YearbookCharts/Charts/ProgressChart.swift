import YearbookCore
import YearbookLoad
import YearbookModel

/// Achievement against a target, one bar per row. The track is the target; a result over
/// 100% runs past the target mark instead of being capped, so over-achievement shows.
package enum ProgressChart {
  package struct Item {
    var label: String
    var value: Quantity
    var target: Quantity
    var ratio: Double? { target.value != 0 ? value.value / target.value * 100 : nil }

    var ratioText: String { ProgressChart.ratioText(value: value, target: target) }

    /// Value and target as a reader sees them: both in the value's unit, exactly.
    var shown: (value: String, target: String) {
      (ChineseNumberFormat.withUnit(value), ChineseNumberFormat.withUnit(target.converted(to: value.unit) ?? target))
    }

    /// `完成35家 / 目标30家（116.7%）`. A result already in percent of a 100% target says its
    /// ratio once (`完成300.1% / 目标100%`).
    var caption: String {
      let ratio = target.unit.isShare && target.value == 100 ? "" : "（\(ratioText)）"
      return "完成\(shown.value) / 目标\(shown.target)\(ratio)"
    }
  }

  /// `116.7%`, from the exact figures, to one decimal like every computed percentage; a
  /// result short of its target never reads 100.0% (99.96% reads 99.9%).
  package static func ratioText(value: Quantity, target: Quantity) -> String {
    guard let value = value.converted(to: target.unit), let (a, b, _) = Quantity.aligned(value, target),
      let ratio = ChineseNumberFormat.share(value, of: target)
    else { return "—" }
    let approximate = value.isApproximate || target.isApproximate ? "约" : ""
    if a < b && b > 0 && ratio == "100.0%" { return approximate + "99.9%" }
    return approximate + ratio
  }

  package static func items(_ data: ChartData) -> [Item] {
    guard let series = data.series.first else { return [] }
    return data.categories.indices.compactMap { index in
      guard let value = series.values[index], let target = data.targets[safe: index] ?? nil else { return nil }
      return Item(label: data.categories[index], value: value, target: target)
    }
  }

  package static func svg(_ data: ChartData, id: String) -> (body: String, height: Double) {
    let layout = ChartLayout.self
    let items = items(data)
    let left = layout.padding
    let right = layout.width - layout.padding
    var out = "<g class=\"yb-marks\">"
    var y = layout.padding
    for item in items {
      let limit = max(item.value.value, item.target.value, 0)
      let scale = limit > 0 ? (right - left) / limit : 0
      let label = TextMetrics.wrap(
        item.label, maxWidth: layout.width - 2 * layout.padding, fontSize: layout.labelSize, maxLines: 2)
      out += SVG.lines(
        label, x: left, y: y + 8 + Double(label.count - 1) * layout.lineHeight / 2, lineHeight: layout.lineHeight,
        className: "yb-label", anchor: "start", full: item.label)
      let barY = y + Double(label.count) * layout.lineHeight + 6
      let targetEnd = left + max(0, item.target.value) * scale
      let valueEnd = left + max(0, item.value.value) * scale
      out += SVG.rect(x: left, y: barY, width: targetEnd - left, height: 16, className: "yb-progress-track")
      out += SVG.rect(x: left, y: barY + 3, width: valueEnd - left, height: 10, className: "yb-mark yb-fill-1")
      out += SVG.line(x1: targetEnd, y1: barY - 4, x2: targetEnd, y2: barY + 20, className: "yb-target")
      out += SVG.text(item.caption, x: left, y: barY + 32, className: "yb-value")
      y = barY + 46
    }
    out += "</g>"
    return (out, y + layout.padding)
  }
}
