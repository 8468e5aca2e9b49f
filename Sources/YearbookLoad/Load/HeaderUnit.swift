import YearbookCore
import YearbookModel

/// Units written where statistics tables write them outside the cells: in a column's
/// header (`研发投入（万元）`, `研发投入(万元)`, `研发投入/万元`, `研发投入（单位：万元）`) or on a
/// line of its own above the table (`单位：万元`).
package enum HeaderUnit {
  /// The header without its unit, and the unit; nil when the header names no known unit
  /// (`名称（中文）` is a label, not a unit).
  package static func split(_ header: String) -> (label: String, unit: String)? {
    let text = header.trimmed
    guard !isUnit(text) else { return nil }
    for (open, close) in [("（", "）"), ("(", ")"), ("【", "】"), ("[", "]")] where text.hasSuffix(close) {
      guard let start = text.range(of: open, options: .backwards) else { continue }
      let inside = String(text[start.upperBound..<text.index(text.endIndex, offsetBy: -close.count)])
      let label = String(text[..<start.lowerBound]).trimmed
      if let unit = unit(in: inside), !label.isEmpty { return (label, unit) }
    }
    if let slash = text.lastIndex(where: { $0 == "/" || $0 == "／" }) {
      let label = String(text[..<slash]).trimmed
      let unit = String(text[text.index(after: slash)...]).trimmed.replacingOccurrences(of: "％", with: "%")
      if !label.isEmpty, isUnit(unit), !isUnit(label) { return (label, unit) }
    }
    return nil
  }

  /// `单位：万元`, `单位:万元`, `（单位：万元）` → `万元`; nil for other text.
  package static func tableUnit(_ line: String) -> String? {
    var text = line.trimmed
    for (open, close) in [("（", "）"), ("(", ")")] where text.hasPrefix(open) && text.hasSuffix(close) {
      text = String(text.dropFirst(open.count).dropLast(close.count)).trimmed
    }
    guard text.hasPrefix("单位") else { return nil }
    return unit(in: text)
  }

  /// `万元` or `单位：万元` → `万元`.
  private static func unit(in text: String) -> String? {
    var inside = text.trimmed.replacingOccurrences(of: "％", with: "%")
    if inside.hasPrefix("单位") {
      inside = String(inside.dropFirst(2)).trimmed
      guard inside.first == "：" || inside.first == ":" else { return nil }
      inside = String(inside.dropFirst()).trimmed
    }
    return isUnit(inside) ? inside : nil
  }

  private static func isUnit(_ text: String) -> Bool {
    Unit.knownSuffixes.contains(text)
  }
}
