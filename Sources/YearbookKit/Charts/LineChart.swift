/// Lines over categories (usually years). A missing value breaks the line: a gap is shown
/// as a gap, never bridged or drawn as zero.
enum LineChart {
  static func svg(_ data: ChartData, id: String) -> (body: String, height: Double) {
    let layout = ChartLayout.self
    var out = ""
    let (legend, legendHeight) = layout.legend(
      data.series.map(\.name), id: id, patterned: false, markers: true, top: layout.padding)
    out += legend
    let scale = NiceScale(values: data.allValues, includeZero: false)
    let top = layout.padding + legendHeight + 14
    let bottom = top + 200
    let left = layout.padding + layout.tickLabelWidth(scale) + 8
    let right = layout.width - layout.padding - 20
    out += layout.valueAxis(scale, left: left, right: right + 20, top: top, bottom: bottom)
    let count = max(1, data.categories.count)
    let band = (right - left) / Double(count)
    let centers = (0..<count).map { left + band * (Double($0) + 0.5) }
    out += "<g class=\"yb-marks\">"
    for (seriesIndex, series) in data.series.enumerated() {
      var path = ""
      var penDown = false
      var points: [(Double, Double, Quantity)] = []
      for (index, value) in series.values.enumerated() where index < centers.count {
        guard let value else {
          penDown = false
          continue
        }
        let x = centers[index]
        let y = scale.position(value.value, in: top...bottom, reversed: true)
        path += "\(penDown ? "L" : "M")\(SVG.number(x)) \(SVG.number(y))"
        penDown = true
        points.append((x, y, value))
      }
      if !path.isEmpty {
        out += "<path d=\"\(path)\" class=\"yb-line yb-stroke-\(seriesIndex % 6 + 1) yb-dash-\(seriesIndex % 4 + 1)\"/>"
      }
      let labelled = points.count <= 12 ? Set(points.indices) : Set([0, points.count - 1])
      for (index, point) in points.enumerated() {
        out += Marker.shape(seriesIndex, x: point.0, y: point.1)
        if labelled.contains(index) {
          let above = seriesIndex % 2 == 0
          out += SVG.text(
            ChineseNumberFormat.number(point.2.value, decimals: point.2.decimals), x: point.0,
            y: point.1 + (above ? -9 : 17),
            className: "yb-value", anchor: "middle")
        }
      }
    }
    out += "</g>"
    let (labels, labelHeight) = layout.categoryLabels(data.categories, centers: centers, band: band, top: bottom)
    out += labels
    return (out, bottom + labelHeight + layout.padding)
  }
}
