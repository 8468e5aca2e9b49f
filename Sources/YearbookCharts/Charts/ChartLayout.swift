import YearbookCore
import YearbookLoad
import YearbookModel

/// Sizes shared by every chart, in SVG user units. The viewBox is 400 wide and the smallest
/// text 13.5 units, so on a 390-pixel phone, where the chart is 357 pixels wide, no text is
/// under 12 pixels (checked by the browser gate).
package enum ChartLayout {
  package static let width = 400.0
  package static let labelSize = 14.0
  package static let valueSize = 13.5
  package static let tickSize = 13.5
  package static let lineHeight = 16.5
  package static let padding = 8.0

  /// A legend row above the plot, for charts with several series. Returns the markup and
  /// the height it takes.
  package static func legend(_ names: [String], id: String, patterned: Bool, markers: Bool = false, top: Double) -> (
    String, Double
  ) {
    guard names.count > 1 else { return ("", 0) }
    var out = "<g class=\"yb-legend\">"
    var x = padding
    var y = top
    for (index, full) in names.enumerated() {
      let name = TextMetrics.wrap(full, maxWidth: width - 2 * padding - 18, fontSize: labelSize, maxLines: 1)[0]
      let itemWidth = 18 + TextMetrics.width(name, fontSize: labelSize) + 16
      if x + itemWidth > width - padding && x > padding {
        x = padding
        y += 20
      }
      if markers {
        out += SVG.line(
          x1: x, y1: y + 7, x2: x + 14, y2: y + 7,
          className: "yb-line yb-stroke-\(index % 6 + 1) yb-dash-\(index % 4 + 1)")
        out += Marker.shape(index, x: x + 7, y: y + 7)
      } else {
        let fill = SVG.fill(id: id, index: index, patterned: patterned)
        out += SVG.rect(x: x, y: y, width: 14, height: 14, className: fill.className, fill: fill.fill)
      }
      out += SVG.lines(
        [name], x: x + 18, y: y + 7, lineHeight: lineHeight, className: "yb-label", anchor: "start", full: full)
      x += itemWidth
    }
    return (out + "</g>", y - top + 24)
  }

  /// Horizontal grid lines and tick labels for a vertical value axis.
  package static func valueAxis(
    _ scale: NiceScale, numbers: ChartNumbers, left: Double, right: Double, top: Double, bottom: Double
  ) -> String {
    var out = "<g class=\"yb-axis\">"
    for tick in scale.ticks {
      let y = scale.position(tick, in: top...bottom, reversed: true)
      out += SVG.line(x1: left, y1: y, x2: right, y2: y, className: tick == 0 ? "yb-baseline" : "yb-grid")
      out += SVG.text(
        numbers.tick(tick, step: scale.step), x: left - 6, y: y, className: "yb-tick", anchor: "end",
        baseline: "middle")
    }
    return out + "</g>"
  }

  package static func tickLabelWidth(_ scale: NiceScale, numbers: ChartNumbers) -> Double {
    scale.ticks.map { TextMetrics.width(numbers.tick($0, step: scale.step), fontSize: tickSize) }.max() ?? 20
  }

  /// Category labels under a band axis, wrapped to the band; when even two lines do not
  /// fit, only every n-th label is shown (the table below has them all).
  package static func categoryLabels(_ categories: [String], centers: [Double], band: Double, top: Double) -> (
    String, Double
  ) {
    let maxLines = 2
    let wrapped = categories.map {
      TextMetrics.wrap($0, maxWidth: max(band - 4, labelSize), fontSize: labelSize, maxLines: maxLines)
    }
    let widths = categories.map { TextMetrics.width($0, fontSize: labelSize) }
    let widest = widths.max() ?? 0
    // A year or other Latin word is never split across lines ("20" over "16"): when one
    // does not fit its band, labels are thinned instead.
    let widestWord =
      zip(categories, widths).filter { category, _ in
        category.unicodeScalars.allSatisfy { $0.isASCII && !(0x09...0x0D).contains($0.value) && $0 != " " }
      }.map(\.1).max() ?? 0
    var every = 1
    if band < labelSize * 1.5 || (widest > band * Double(maxLines) && band < 40) {
      every = Int((max(widest, labelSize * 2) / max(band, 1)).rounded(.up))
    } else if widestWord > band - 4 {
      every = Int(((widestWord + 4) / max(band, 1)).rounded(.up))
    }
    // Which labels are shown: each one that clears the last shown by a gap, so years
    // spaced by time (2016, 2018, 2021, 2022…) keep as many as fit.
    var shownIndices: Set<Int> = []
    var lastRight = -Double.infinity
    for index in categories.indices where index < centers.count {
      let half = min(widths[index], band * Double(every) - 4) / 2
      if every == 1 || centers[index] - half >= lastRight + 6 {
        shownIndices.insert(index)
        lastRight = centers[index] + half
      }
    }
    var out = "<g class=\"yb-categories\">"
    var height = 0.0
    for (index, lines) in wrapped.enumerated() where shownIndices.contains(index) {
      // A label shown for several bands has their room, on one line, cut short if need be.
      let room = min(band * Double(every) - 4, width - 2 * padding)
      let shown =
        every > 1 ? TextMetrics.wrap(categories[index], maxWidth: room, fontSize: labelSize, maxLines: 1) : lines
      // Centred under its band, but never past the chart's edges.
      let half = (shown.map { TextMetrics.width($0, fontSize: labelSize) }.max() ?? 0) / 2
      let x = min(max(centers[index], padding + half), width - padding - half)
      out += SVG.lines(
        shown, x: x, y: top + 14 + Double(shown.count - 1) * lineHeight / 2, lineHeight: lineHeight,
        className: "yb-label", anchor: "middle", full: categories[index])
      height = max(height, Double(shown.count) * lineHeight + 12)
    }
    return (out + "</g>", height)
  }
}

/// Point markers for line charts: a different shape per series, so lines differ by more
/// than colour.
package enum Marker {
  package static func shape(_ index: Int, x: Double, y: Double) -> String {
    let colour = "yb-marker yb-stroke-\(index % 6 + 1)"
    let s = SVG.number
    switch index % 4 {
    case 1: return "<rect x=\"\(s(x - 3.5))\" y=\"\(s(y - 3.5))\" width=\"7\" height=\"7\" class=\"\(colour)\"/>"
    case 2: return "<path d=\"M\(s(x)) \(s(y - 4.5))L\(s(x + 4.5)) \(s(y + 3.5))H\(s(x - 4.5))Z\" class=\"\(colour)\"/>"
    case 3:
      return
        "<path d=\"M\(s(x)) \(s(y - 4.5))L\(s(x + 4.5)) \(s(y))L\(s(x)) \(s(y + 4.5))L\(s(x - 4.5)) \(s(y))Z\" class=\"\(colour)\"/>"
    default: return "<circle cx=\"\(s(x))\" cy=\"\(s(y))\" r=\"4\" class=\"\(colour)\"/>"
    }
  }
}
