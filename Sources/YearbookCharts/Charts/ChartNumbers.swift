import YearbookCore
import YearbookLoad
import YearbookModel

/// How one chart writes its numbers. Ticks, value labels and the description all go
/// through here, so a chart never says 1.5万 on its axis and 13800 on its bars: the unit is
/// the chart's own (the one its figures read shortest in without losing a digit), stated
/// once in the caption; shares carry `%`, ranks read 第N位, and an approximate figure keeps
/// its 约 or 以上 everywhere.
package struct ChartNumbers {
  /// The unit every value shares; nil when each value keeps its own (tiles, indicator tables).
  package var unit: YearbookCore.Unit?

  /// A value label on a mark: `1.38`, `65.1%`, `第4位`, `约1.6`.
  package func label(_ quantity: Quantity) -> String {
    let unit = self.unit ?? quantity.unit
    let digits = ChineseNumberFormat.number(quantity)
    let core: String
    if unit.isRank {
      core = "第\(digits)位"
    } else if unit.isShare || self.unit == nil {
      core = digits + quantity.unit.symbol
    } else {
      core = digits
    }
    return quantity.qualifier.prefix + core + quantity.qualifier.suffix
  }

  /// A value in a sentence, with its unit: `1.38亿元`, `65.1%`, `第4位`, `1.6亿元以上`.
  package func sentence(_ quantity: Quantity) -> String {
    var quantity = quantity
    if let unit = self.unit, !unit.symbol.isEmpty { quantity.unit = unit }
    return ChineseNumberFormat.withUnit(quantity)
  }

  /// A table cell: the number alone (with its qualifier), its unit being in the header.
  package static func cell(_ quantity: Quantity) -> String {
    quantity.qualifier.prefix + ChineseNumberFormat.number(quantity) + quantity.qualifier.suffix
  }

  package func tick(_ value: Double, step: Double) -> String {
    ChineseNumberFormat.tick(value, step: step, unit: unit ?? Unit(""))
  }

  /// What the caption states as 单位：…; nothing when every label already carries it.
  package var caption: String? {
    guard let unit, !unit.symbol.isEmpty, !unit.isShare, !unit.isRank else { return nil }
    return unit.symbol
  }
}
