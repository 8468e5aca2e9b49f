import YearbookCore
import YearbookLoad
import YearbookModel

/// Lines over categories (usually years). A missing value breaks the line: a gap is shown
/// as a gap, never bridged or drawn as zero. Years are placed by time, so 2016, 2018,
/// 2021 are not evenly spaced; the stretch into an estimate is dashed.
package enum LineChart {
  /// Where each category sits between `left` and `right`: by year when every category is
  /// one, otherwise in even bands. Returns the positions and the room each label has.
  package static func positions(_ categories: [String], left: Double, right: Double) -> (x: [Double], band: Double) {
    let count = max(1, categories.count)
    let band = (right - left) / Double(count)
    let even = (0..<count).map { left + band * (Double($0) + 0.5) }
    let years = categories.compactMap(year)
    guard years.count == categories.count, let first = years.first, let last = years.last, last > first,
      zip(years, years.dropFirst()).allSatisfy({ $0 < $1 })
    else { return (even, band) }
    let span = Double(last - first)
    // Room at each end for half a label, so the first and last years are not cut.
    let inset = min(band / 2, categories.map { TextMetrics.width($0, fontSize: ChartLayout.labelSize) }.max()! / 2 + 4)
    let x = years.map { left + inset + (right - left - 2 * inset) * Double($0 - first) / span }
    let closest = zip(x, x.dropFirst()).map { $1 - $0 }.min() ?? band
    return (x, closest)
  }

  /// `2021` or `2021年`.
  package static func year(_ category: String) -> Int? {
    let digits = category.hasSuffix("年") ? String(category.dropLast()) : category
    guard digits.count == 4, digits.allSatisfy(\.isASCII), let year = Int(digits), year >= 1000 else { return nil }
    return year
  }

  package static func svg(_ data: ChartData, id: String) -> (body: String, height: Double) {
    let layout = ChartLayout.self
    var out = ""
    let (legend, legendHeight) = layout.legend(
      data.series.map(\.name), id: id, patterned: false, markers: true, top: layout.padding)
    out += legend
    let scale = NiceScale(values: data.allValues, includeZero: false)
    let top = layout.padding + legendHeight + 14
    let bottom = top + 200
    let left = layout.padding + layout.tickLabelWidth(scale, numbers: data.numbers) + 8
    let right = layout.width - layout.padding - 20
    out += layout.valueAxis(scale, numbers: data.numbers, left: left, right: right + 20, top: top, bottom: bottom)
    let (centers, band) = positions(data.categories, left: left, right: right)
    out += "<g class=\"yb-marks\">"
    var pointsBySeries: [[(Double, Double, Quantity)]] = []
    var segments: [LabelPlacement.Segment] = []
    for (seriesIndex, series) in data.series.enumerated() {
      var path = ""
      var estimated = ""
      var previous: (x: Double, y: Double)?
      // Whether `path`'s pen is at `previous`, or must move there after an estimate.
      var penOnPath = false
      var points: [(Double, Double, Quantity)] = []
      for (index, value) in series.values.enumerated() where index < centers.count {
        guard let value else {
          previous = nil
          penOnPath = false
          continue
        }
        let x = centers[index]
        let y = scale.position(value.value, in: top...bottom, reversed: true)
        let point = "\(SVG.number(x)) \(SVG.number(y))"
        let from = previous.map { "M\(SVG.number($0.x)) \(SVG.number($0.y))L" } ?? "M"
        if let previous { segments.append(.init(from: previous, to: (x, y))) }
        if previous != nil && data.estimates[safe: index] == true {
          estimated += from + point
          penOnPath = false
        } else {
          path += penOnPath ? "L" + point : from + point
          penOnPath = true
        }
        previous = (x, y)
        points.append((x, y, value))
      }
      let stroke = "yb-line yb-stroke-\(seriesIndex % 6 + 1)"
      if !path.isEmpty {
        out += "<path d=\"\(path)\" class=\"\(stroke) yb-dash-\(seriesIndex % 4 + 1)\"/>"
      }
      if !estimated.isEmpty {
        out += "<path d=\"\(estimated)\" class=\"\(stroke) yb-estimate\"/>"
      }
      for point in points { out += Marker.shape(seriesIndex, x: point.0, y: point.1) }
      pointsBySeries.append(points)
    }
    // Value labels go where they cross no line, no marker and no other label: above or
    // below the point first (series alternate, so two lines' labels rarely meet), then
    // beside it; a label with no free place is left out (the data table has every value).
    var placement = LabelPlacement(
      segments: segments, markers: pointsBySeries.flatMap { $0.map { ($0.0, $0.1) } },
      bounds: (left: 0, top: 0, right: layout.width, bottom: bottom))
    for (seriesIndex, points) in pointsBySeries.enumerated() {
      let labelled = points.count <= 12 ? Set(points.indices) : Set([0, points.count - 1])
      for (index, point) in points.enumerated() where labelled.contains(index) {
        let text = data.numbers.label(point.2)
        guard
          let place = placement.place(
            width: TextMetrics.width(text, fontSize: layout.valueSize), height: layout.valueSize,
            at: (point.0, point.1), preferAbove: seriesIndex % 2 == 0)
        else { continue }
        out += SVG.text(text, x: place.x, y: place.baseline, className: "yb-value", anchor: place.anchor)
      }
    }
    out += "</g>"
    let (labels, labelHeight) = layout.categoryLabels(data.categories, centers: centers, band: band, top: bottom)
    out += labels
    return (out, bottom + labelHeight + layout.padding)
  }
}
