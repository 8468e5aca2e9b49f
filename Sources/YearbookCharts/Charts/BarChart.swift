import YearbookCore
import YearbookLoad
import YearbookModel

/// Horizontal bars, for rankings and long Chinese labels: labels wrap onto up to three
/// lines on the left, values stand at the bar ends, negative bars extend left of zero.
package enum BarChart {
  package static func svg(_ data: ChartData, id: String) -> (body: String, height: Double) {
    let layout = ChartLayout.self
    var order = Array(data.categories.indices)
    let values = data.series.first?.values ?? []
    if let sort = data.spec.sort {
      order.sort { a, b in
        let va = values[a]?.value ?? -.infinity
        let vb = values[b]?.value ?? -.infinity
        return sort == "desc" ? (va, b) > (vb, a) : (va, a) < (vb, b)
      }
    }
    let scale = NiceScale(values: values.compactMap { $0?.value }, includeZero: true)
    // Room on the right for the longest value label, and as much on the left of zero
    // when some bars are negative.
    let valueWidth =
      (values.compactMap { $0 }.map {
        TextMetrics.width(data.numbers.label($0), fontSize: layout.valueSize)
      }.max() ?? 20) + 8
    let negativeRoom = scale.lower < 0 ? valueWidth : 0
    // Labels get what is left after at least 120 units of plot.
    let labelRoom = layout.width - 2 * layout.padding - 8 - valueWidth - negativeRoom - 120
    let widestLabel = data.categories.map { TextMetrics.width($0, fontSize: layout.labelSize) }.max() ?? 60
    let labelWidth = max(40, min(180, widestLabel, labelRoom))
    let wrapped = order.map {
      TextMetrics.wrap(data.categories[$0], maxWidth: labelWidth, fontSize: layout.labelSize, maxLines: 3)
    }
    let rowHeights = wrapped.map { max(26, Double($0.count) * layout.lineHeight + 8) }
    let top = layout.padding + 4
    let left = layout.padding + labelWidth + 8
    let right = layout.width - layout.padding - valueWidth
    let plotLeft = left + negativeRoom
    let zero = scale.position(0, in: plotLeft...right)
    var out = "<g class=\"yb-marks\">"
    var y = top
    for (position, index) in order.enumerated() {
      let rowHeight = rowHeights[position]
      let center = y + rowHeight / 2
      out += SVG.lines(
        wrapped[position], x: left - 8, y: center, lineHeight: layout.lineHeight, className: "yb-label",
        anchor: "end", full: data.categories[index])
      if let quantity = values[index] {
        let end = scale.position(quantity.value, in: plotLeft...right)
        let barHeight = min(18, rowHeight - 8)
        out += SVG.rect(
          x: min(zero, end), y: center - barHeight / 2, width: abs(end - zero), height: barHeight,
          className: "yb-mark yb-fill-1" + SVG.estimateClass(data, row: index, series: 0))
        let label = data.numbers.label(quantity)
        let anchor = quantity.value >= 0 ? "start" : "end"
        out += SVG.text(
          label, x: quantity.value >= 0 ? end + 4 : end - 4, y: center, className: "yb-value", anchor: anchor,
          baseline: "middle")
      } else {
        out += SVG.text("无数据", x: zero + 4, y: center, className: "yb-value yb-gap", baseline: "middle")
      }
      y += rowHeight
    }
    out += SVG.line(x1: zero, y1: top - 2, x2: zero, y2: y + 2, className: "yb-baseline")
    out += "</g>"
    return (out, y + layout.padding)
  }
}
