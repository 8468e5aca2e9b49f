import YearbookCore
import YearbookLoad
import YearbookModel

/// Small helpers for writing SVG by hand: coordinates without float noise or NaN, and
/// text escaped for both element content and attributes.
package enum SVG {
  /// `12.5`, `3`, never `NaN` or `inf`: a broken number would make the whole chart invalid.
  package static func number(_ value: Double) -> String {
    guard value.isFinite, abs(value) < 1e12 else { return value.isFinite ? String(Int(value.rounded())) : "0" }
    let tenths = Int((value * 10).rounded())
    if tenths % 10 == 0 { return String(tenths / 10) }
    let sign = tenths < 0 ? "-" : ""
    return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
  }

  package static func text(
    _ content: String, x: Double, y: Double, className: String, anchor: String = "start", baseline: String? = nil
  ) -> String {
    var attributes = "x=\"\(number(x))\" y=\"\(number(y))\" class=\"\(className)\""
    if anchor != "start" { attributes += " text-anchor=\"\(anchor)\"" }
    if let baseline { attributes += " dominant-baseline=\"\(baseline)\"" }
    return "<text \(attributes)>\(HTML.escape(content))</text>"
  }

  /// Several lines of text centred on `y`, for wrapped labels. When wrapping cut the text
  /// short (its last line ends in …), `full` is kept as the text's `<title>`.
  package static func lines(
    _ lines: [String], x: Double, y: Double, lineHeight: Double, className: String, anchor: String,
    full: String? = nil
  ) -> String {
    let cutShort = lines.last?.hasSuffix("…") == true
    let title = if let full, cutShort, !full.hasSuffix("…") { "<title>\(HTML.escape(full))</title>" } else { "" }
    guard lines.count > 1 || !title.isEmpty else {
      return text(lines.first ?? "", x: x, y: y, className: className, anchor: anchor, baseline: "middle")
    }
    let top = y - Double(lines.count - 1) * lineHeight / 2
    var out = "<text x=\"\(number(x))\" y=\"\(number(top))\" class=\"\(className)\""
    if anchor != "start" { out += " text-anchor=\"\(anchor)\"" }
    out += " dominant-baseline=\"middle\">" + title
    for (index, line) in lines.enumerated() {
      out += "<tspan x=\"\(number(x))\" dy=\"\(index == 0 ? "0" : number(lineHeight))\">\(HTML.escape(line))</tspan>"
    }
    return out + "</text>"
  }

  package static func rect(x: Double, y: Double, width: Double, height: Double, className: String, fill: String? = nil)
    -> String
  {
    var out =
      "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(max(0, width)))\" height=\"\(number(max(0, height)))\" class=\"\(className)\""
    if let fill { out += " fill=\"\(fill)\"" }
    return out + "/>"
  }

  package static func line(x1: Double, y1: Double, x2: Double, y2: Double, className: String) -> String {
    "<line x1=\"\(number(x1))\" y1=\"\(number(y1))\" x2=\"\(number(x2))\" y2=\"\(number(y2))\" class=\"\(className)\"/>"
  }

  /// Fill patterns so that series differ by more than colour: solid, hatched, dotted,
  /// cross-hatched, then again with the next colours.
  package static func patterns(id: String, count: Int) -> String {
    guard count > 1 else { return "" }
    var out = "<defs>"
    for index in 0..<count {
      let colour = "yb-fill-\(index % 6 + 1)"
      let patternID = "\(id)-p\(index + 1)"
      switch index % 4 {
      case 1:
        out +=
          "<pattern id=\"\(patternID)\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" class=\"\(colour)\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" class=\"yb-hatch\"/></pattern>"
      case 2:
        out +=
          "<pattern id=\"\(patternID)\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\"><rect width=\"6\" height=\"6\" class=\"\(colour)\"/><circle cx=\"3\" cy=\"3\" r=\"1.2\" class=\"yb-dot\"/></pattern>"
      case 3:
        out +=
          "<pattern id=\"\(patternID)\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\"><rect width=\"8\" height=\"8\" class=\"\(colour)\"/><path d=\"M0 4H8M4 0V8\" class=\"yb-hatch\"/></pattern>"
      default:
        continue
      }
    }
    return out + "</defs>"
  }

  /// A mark for an estimate is paler inside a dashed outline of its series' colour, so it
  /// still stands out from the background (3:1) but does not read as a result.
  package static func estimateClass(_ data: ChartData, row: Int, series: Int) -> String {
    data.estimates[safe: row] == true ? " yb-estimate-mark yb-outline-\(series % 6 + 1)" : ""
  }

  /// The fill for series `index`: a class for solid series, a pattern for the others.
  package static func fill(id: String, index: Int, patterned: Bool) -> (className: String, fill: String?) {
    let colour = "yb-fill-\(index % 6 + 1)"
    // A pattern fill must not also get the colour class: CSS would win over the attribute.
    if patterned && index % 4 != 0 { return ("yb-mark yb-outline-\(index % 6 + 1)", "url(#\(id)-p\(index + 1))") }
    return ("yb-mark \(colour)", nil)
  }
}
