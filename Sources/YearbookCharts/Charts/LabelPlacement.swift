/// Finds a free place for each value label of a line chart: one that crosses no line
/// segment, covers no point's marker, overlaps no label placed before and stays inside
/// the chart. Text widths are estimates (TextMetrics), so each box keeps a margin.
package struct LabelPlacement {
  package struct Segment {
    var from: (x: Double, y: Double)
    var to: (x: Double, y: Double)

    package init(from: (x: Double, y: Double), to: (x: Double, y: Double)) {
      self.from = from
      self.to = to
    }
  }

  package struct Place: Equatable {
    package var x: Double
    package var baseline: Double
    package var anchor: String
  }

  struct Box {
    var left, top, right, bottom: Double

    func overlaps(_ other: Box) -> Bool {
      left < other.right && other.left < right && top < other.bottom && other.top < bottom
    }

    func contains(_ x: Double, _ y: Double) -> Bool { x >= left && x <= right && y >= top && y <= bottom }

    /// Whether the segment passes through the box (Liang–Barsky clipping).
    func crosses(_ segment: Segment) -> Bool {
      let dx = segment.to.x - segment.from.x
      let dy = segment.to.y - segment.from.y
      var low = 0.0
      var high = 1.0
      for (p, q) in [
        (-dx, segment.from.x - left), (dx, right - segment.from.x), (-dy, segment.from.y - top),
        (dy, bottom - segment.from.y),
      ] {
        if p == 0 {
          if q < 0 { return false }
          continue
        }
        let t = q / p
        if p < 0 { low = max(low, t) } else { high = min(high, t) }
        if low > high { return false }
      }
      return true
    }
  }

  let segments: [Segment]
  let markers: [(x: Double, y: Double)]
  let bounds: (left: Double, top: Double, right: Double, bottom: Double)
  private(set) var placed: [Box] = []

  /// Half the line's stroke and a little air; a marker's radius and the same.
  static let margin = 2.0
  static let markerRadius = 5.0

  package init(
    segments: [Segment], markers: [(x: Double, y: Double)],
    bounds: (left: Double, top: Double, right: Double, bottom: Double)
  ) {
    self.segments = segments
    self.markers = markers
    self.bounds = bounds
  }

  /// The first free place for a label `width` × `height` (font size) at `point`: above or
  /// below it (`preferAbove` first), then to its upper or lower right and left; nil if none.
  package mutating func place(width: Double, height: Double, at point: (x: Double, y: Double), preferAbove: Bool)
    -> Place?
  {
    let gap = 8.0
    let above = Place(x: point.x, baseline: point.y - gap, anchor: "middle")
    let below = Place(x: point.x, baseline: point.y + gap + height * 0.8, anchor: "middle")
    let candidates =
      (preferAbove ? [above, below] : [below, above]) + [
        Place(x: point.x + gap, baseline: point.y - gap * 0.5, anchor: "start"),
        Place(x: point.x - gap, baseline: point.y - gap * 0.5, anchor: "end"),
        Place(x: point.x + gap, baseline: point.y + gap * 0.5 + height * 0.8, anchor: "start"),
        Place(x: point.x - gap, baseline: point.y + gap * 0.5 + height * 0.8, anchor: "end"),
      ]
    for candidate in candidates {
      let box = Self.box(of: candidate, width: width, height: height)
      // Browsers measure text by the font's ascent, which for CJK fonts reaches about 1.16
      // em above the baseline, not the 0.8 the box takes for the glyphs: the chart's top
      // edge keeps that much room.
      guard box.left >= bounds.left, box.right <= bounds.right, box.top - height * 0.4 >= bounds.top,
        box.bottom <= bounds.bottom
      else { continue }
      let padded = Box(
        left: box.left - Self.margin, top: box.top - Self.margin, right: box.right + Self.margin,
        bottom: box.bottom + Self.margin)
      if segments.contains(where: padded.crosses) { continue }
      if markers.contains(where: { marker in
        Box(
          left: marker.x - Self.markerRadius, top: marker.y - Self.markerRadius, right: marker.x + Self.markerRadius,
          bottom: marker.y + Self.markerRadius
        ).overlaps(box)
      }) {
        continue
      }
      if placed.contains(where: { $0.overlaps(padded) }) { continue }
      placed.append(box)
      return candidate
    }
    return nil
  }

  /// The box text covers: from the baseline up 0.8 of the font size and down 0.2.
  static func box(of place: Place, width: Double, height: Double) -> Box {
    let left =
      switch place.anchor {
      case "start": place.x
      case "end": place.x - width
      default: place.x - width / 2
      }
    return Box(
      left: left, top: place.baseline - height * 0.8, right: left + width, bottom: place.baseline + height * 0.2)
  }
}
