import Foundation

/// Every number a reader sees goes through here: fixed decimals (never `0.30000000000000004`),
/// money scaled to 万 and 亿 as Chinese readers expect, shares changing by 个百分点, amounts
/// growing by percent.
public enum ChineseNumberFormat {
  /// `41.96亿元`, `65.1%`, `59家`; money in 元 or 万元 is rescaled (`138000000元` → `1.38亿元`).
  public static func format(_ quantity: Quantity) -> String {
    let scaled = scaledMoney(quantity)
    return number(scaled.value, decimals: scaled.decimals) + scaled.unit.symbol
  }

  /// The number alone with the given decimals; `-0` is shown as `0`.
  public static func number(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return "—" }
    let decimals = max(0, min(decimals, 6))
    let scale = pow(10, Double(decimals))
    // Integer arithmetic is exact and fast; only huge values need printf.
    guard abs(value) * scale < 9e15 else {
      var text = String(format: "%.\(decimals)f", value)
      if text.hasPrefix("-") && Double(text) == 0 { text.removeFirst() }
      return text
    }
    let units = Int((abs(value) * scale).rounded())
    let sign = value < 0 && units != 0 ? "-" : ""
    let whole = units / Int(scale)
    guard decimals > 0 else { return sign + String(whole) }
    let fraction = String(units % Int(scale))
    return sign + String(whole) + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
  }

  /// Money above 1万元 moves to 万元 or 亿元 with at most two decimals, trailing zeros dropped.
  static func scaledMoney(_ quantity: Quantity) -> Quantity {
    guard quantity.unit.isMoney, quantity.unit.base == "元" else { return quantity }
    let yuan = quantity.value * quantity.unit.multiplier
    let target: Unit
    switch abs(yuan) {
    case 1e8...: target = Unit("亿元")
    case 1e4...: target = Unit("万元")
    default: target = Unit("元")
    }
    if target.symbol == quantity.unit.symbol { return quantity }
    let value = yuan / target.multiplier
    return Quantity(value: value, decimals: trimmedDecimals(value, maximum: 2), unit: target)
  }

  /// The fewest decimals (up to `maximum`) that show `value` rounded to `maximum` places.
  static func trimmedDecimals(_ value: Double, maximum: Int) -> Int {
    var decimals = maximum
    let text = String(format: "%.\(maximum)f", value)
    for character in text.reversed() {
      guard decimals > 0, character == "0" else { break }
      decimals -= 1
    }
    return decimals
  }

  /// How a value moved from `old` to `new`, as a clause: `提高0.48个百分点` for shares,
  /// `增长294.3%` for amounts, `持平` when equal. Nil when the units cannot be compared.
  public static func change(from old: Quantity, to new: Quantity) -> String? {
    guard let old = old.converted(to: new.unit) else { return nil }
    if new.unit.isShare {
      let decimals = max(old.decimals, new.decimals)
      let difference = rounded(new.value - old.value, decimals: decimals)
      if difference == 0 { return "持平" }
      return (difference > 0 ? "提高" : "降低") + number(abs(difference), decimals: decimals) + "个百分点"
    }
    guard old.value != 0 else { return nil }
    let percent = rounded((new.value - old.value) / abs(old.value) * 100, decimals: 1)
    if percent == 0 { return "持平" }
    return (percent > 0 ? "增长" : "下降") + number(abs(percent), decimals: 1) + "%"
  }

  static func rounded(_ value: Double, decimals: Int) -> Double {
    let factor = pow(10, Double(decimals))
    return (value * factor).rounded() / factor
  }

  /// Tick labels: as short as the step allows, large numbers with 万 or 亿.
  public static func tick(_ value: Double, step: Double) -> String {
    let magnitude = abs(value)
    if magnitude >= 1e8 && step >= 1e6 { return number(value / 1e8, decimals: decimalsFor(step: step / 1e8)) + "亿" }
    if magnitude >= 1e4 && step >= 1e3 { return number(value / 1e4, decimals: decimalsFor(step: step / 1e4)) + "万" }
    return number(value, decimals: decimalsFor(step: step))
  }

  static func decimalsFor(step: Double) -> Int {
    guard step > 0, step.isFinite, step < 1 else { return 0 }
    return min(6, Int(ceil(-log10(step) - 1e-9)))
  }
}
