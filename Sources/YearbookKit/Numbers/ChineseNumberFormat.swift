import Foundation

/// Every number a reader sees goes through here: fixed decimals (never `0.30000000000000004`),
/// money scaled to 万 and 亿 as Chinese readers expect, shares changing by 个百分点, amounts
/// growing by percent.
public enum ChineseNumberFormat {
  /// `41.96亿元`, `65.1%`, `59家`, `第3位`; amounts and counts are rescaled to read well
  /// (`138000000元` → `1.38亿元`, `15000人` → `1.5万人`).
  public static func format(_ quantity: Quantity) -> String {
    withUnit(readable([quantity])[0])
  }

  /// The number with its unit as written, rank and share forms included, without rescaling.
  public static func withUnit(_ quantity: Quantity) -> String {
    let digits = number(quantity.value, decimals: quantity.decimals)
    return quantity.unit.isRank ? "第\(digits)位" : digits + quantity.unit.symbol
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

  /// Values that are read together (a chart's marks, a value and its target) moved to the
  /// one unit that suits the largest of them, so they are stated in one unit and never
  /// with a doubled magnitude (万万元). A rescaled value keeps the decimals its digits need
  /// (10亿元, 1.38亿元), at most two unless a small value would read as zero (then up to four).
  static func readable(_ quantities: [Quantity]) -> [Quantity] {
    guard let unit = quantities.first(where: { !$0.unit.symbol.isEmpty })?.unit ?? quantities.first?.unit,
      quantities.allSatisfy({ $0.unit.symbol.isEmpty || $0.unit.isCompatible(with: unit) })
    else { return quantities }
    let inUnit = quantities.map { $0.converted(to: unit) ?? $0 }
    let largest = inUnit.map { abs($0.value) }.max() ?? 0
    let target = unit.readable(forMagnitude: largest)
    guard target != unit else { return inUnit }
    let converted = inUnit.map { $0.rescaled(to: target) }
    let smallest = converted.map { abs($0.value) }.filter { $0 > 0 }.min() ?? 1
    let readable = smallest < 0.01 ? min(4, Int(ceil(-log10(smallest))) + 1) : 2
    return converted.map { quantity in
      let decimals = trimmedDecimals(quantity.value, maximum: min(readable, quantity.decimals))
      return Quantity(value: rounded(quantity.value, decimals: decimals), decimals: decimals, unit: target)
    }
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

  /// Tick labels: as short as the step allows, in the chart's unit (stated once in its
  /// caption, so never with 万 or 亿 of their own); shares carry `%`.
  public static func tick(_ value: Double, step: Double, unit: Unit) -> String {
    number(value, decimals: decimalsFor(step: step)) + (unit.isShare ? unit.symbol : "")
  }

  static func decimalsFor(step: Double) -> Int {
    guard step > 0, step.isFinite, step < 1 else { return 0 }
    return min(6, Int(ceil(-log10(step) - 1e-9)))
  }
}
