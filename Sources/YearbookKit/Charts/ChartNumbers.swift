/// How one chart writes its numbers. Ticks, value labels, the data table and the
/// description all go through here, so a chart never says 1.5万 on its axis and 13800 on
/// its bars: the unit is the chart's own (already rescaled to 万 or 亿 when that reads
/// better), stated once in the caption; shares carry `%` and ranks read 第N位 everywhere.
struct ChartNumbers {
  /// The unit every value shares; nil when each value keeps its own (tiles, indicator tables).
  var unit: Unit?

  /// A value label on a mark: `1.38`, `65.1%`, `第4位`.
  func label(_ quantity: Quantity) -> String {
    let unit = self.unit ?? quantity.unit
    let digits = ChineseNumberFormat.number(quantity.value, decimals: quantity.decimals)
    if unit.isRank { return "第\(digits)位" }
    if unit.isShare || self.unit == nil { return digits + quantity.unit.symbol }
    return digits
  }

  /// A value in a sentence, with its unit: `1.38亿元`, `65.1%`, `第4位`.
  func sentence(_ quantity: Quantity) -> String {
    let unit = self.unit.map { $0.symbol.isEmpty ? quantity.unit : $0 } ?? quantity.unit
    return ChineseNumberFormat.withUnit(Quantity(value: quantity.value, decimals: quantity.decimals, unit: unit))
  }

  /// A table cell: the number alone, its unit being in the column header.
  func cell(_ quantity: Quantity) -> String {
    ChineseNumberFormat.number(quantity.value, decimals: quantity.decimals)
  }

  func tick(_ value: Double, step: Double) -> String {
    ChineseNumberFormat.tick(value, step: step, unit: unit ?? Unit(""))
  }

  /// What the caption states as 单位：…; nothing when every label already carries it.
  var caption: String? {
    guard let unit, !unit.symbol.isEmpty, !unit.isShare, !unit.isRank else { return nil }
    return unit.symbol
  }
}
