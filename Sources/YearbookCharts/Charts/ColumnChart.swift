import YearbookCore
import YearbookLoad
import YearbookModel

/// Vertical bars: one series (`column`), several side by side (`grouped`), or several
/// stacked (`stacked`). The value axis always includes zero; negative values hang below it.
package enum ColumnChart {
  package enum Mode { case single, grouped, stacked }

  package static func svg(_ data: ChartData, id: String, mode: Mode) -> (body: String, height: Double) {
    let layout = ChartLayout.self
    let patterned = data.series.count > 1
    var out = SVG.patterns(id: id, count: data.series.count)
    let (legend, legendHeight) = layout.legend(
      data.series.map(\.name), id: id, patterned: patterned, top: layout.padding)
    out += legend

    let values: [Double]
    if mode == .stacked {
      values = data.categories.indices.flatMap { index -> [Double] in
        let parts = data.series.compactMap { $0.values[index]?.value }
        return [parts.filter { $0 > 0 }.reduce(0, +), parts.filter { $0 < 0 }.reduce(0, +)]
      }
    } else {
      values = data.allValues
    }
    let scale = NiceScale(values: values, includeZero: true)
    let top = layout.padding + legendHeight + 18
    let plotHeight = 200.0
    let bottom = top + plotHeight
    let left = layout.padding + layout.tickLabelWidth(scale, numbers: data.numbers) + 8
    let right = layout.width - layout.padding
    out += layout.valueAxis(scale, numbers: data.numbers, left: left, right: right, top: top, bottom: bottom)

    let count = max(1, data.categories.count)
    let band = (right - left) / Double(count)
    let centers = (0..<count).map { left + band * (Double($0) + 0.5) }
    let zero = scale.position(0, in: top...bottom, reversed: true)
    let groupWidth = band * 0.72
    // Values stand over their bars only when the widest fits over one (with a % they are
    // wider), so neighbours never run into each other; the table has them all.
    let barRoom = mode == .grouped ? groupWidth / Double(max(1, data.series.count)) + 2 : band - 4
    let widestValue =
      data.series.flatMap { $0.values.compactMap { $0 } }.map {
        TextMetrics.width(data.numbers.label($0), fontSize: ChartLayout.valueSize)
      }.max() ?? 0
    let showValues = barRoom >= 20 && widestValue <= barRoom

    out += "<g class=\"yb-marks\">"
    for (categoryIndex, center) in centers.enumerated() where categoryIndex < data.categories.count {
      var positiveTop = zero
      var negativeBottom = zero
      for (seriesIndex, series) in data.series.enumerated() {
        guard let quantity = series.values[categoryIndex] else { continue }
        let y = scale.position(quantity.value, in: top...bottom, reversed: true)
        let fill = SVG.fill(id: id, index: seriesIndex, patterned: patterned)
        var x = center - groupWidth / 2
        var barWidth = groupWidth
        var barTop = min(y, zero)
        let barHeight = abs(zero - y)
        switch mode {
        case .single:
          break
        case .grouped:
          barWidth = groupWidth / Double(data.series.count)
          x += barWidth * Double(seriesIndex)
        case .stacked:
          if quantity.value >= 0 {
            barTop = positiveTop - barHeight
            positiveTop = barTop
          } else {
            barTop = negativeBottom
            negativeBottom += barHeight
          }
        }
        out += SVG.rect(
          x: x, y: barTop, width: max(barWidth - (mode == .grouped ? 2 : 0), 1), height: barHeight,
          className: fill.className + SVG.estimateClass(data, row: categoryIndex, series: seriesIndex), fill: fill.fill)
        if mode == .stacked {
          // A segment is labelled where its label fits inside it; the table has the rest.
          let label = data.numbers.label(quantity)
          if barHeight >= ChartLayout.valueSize + 4
            && TextMetrics.width(label, fontSize: ChartLayout.valueSize) + 4 <= groupWidth
          {
            // Drawn twice: an outline in the background colour, then the figure, so it
            // reads over any fill or pattern.
            for className in ["yb-halo yb-value", "yb-value yb-on-mark"] {
              out += SVG.text(
                label, x: center, y: barTop + barHeight / 2, className: className, anchor: "middle",
                baseline: "middle")
            }
          }
        } else if showValues {
          let label = data.numbers.label(quantity)
          let labelY = quantity.value >= 0 ? barTop - 5 : barTop + barHeight + 12
          out += SVG.text(
            label, x: x + barWidth / 2 - (mode == .grouped ? 1 : 0), y: labelY, className: "yb-value", anchor: "middle")
        }
      }
      if mode == .stacked && showValues {
        let parts = data.series.compactMap { $0.values[categoryIndex] }
        // A net total over positive and negative parts would read as the bar's height.
        if !parts.isEmpty && parts.allSatisfy({ $0.value >= 0 }), let total = Quantity.sum(parts) {
          out += SVG.text(
            data.numbers.label(total), x: center, y: positiveTop - 5,
            className: "yb-value",
            anchor: "middle")
        }
      }
    }
    out += "</g>"
    let (labels, labelHeight) = layout.categoryLabels(data.categories, centers: centers, band: band, top: bottom)
    out += labels
    return (out, bottom + labelHeight + layout.padding)
  }
}
