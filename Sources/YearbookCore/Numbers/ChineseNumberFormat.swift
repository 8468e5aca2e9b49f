import Foundation

/// Every number a reader sees goes through here: the digits a source wrote, exactly
/// (never `0.30000000000000004`, never a digit dropped by rescaling), money in 万 and 亿
/// where that reads shorter and loses nothing, shares changing by 个百分点, amounts growing
/// by percent. Computed figures (growth, shares of a total, completion ratios) are the
/// only ones rounded, always to one decimal.
public enum ChineseNumberFormat {
  /// Decimals of every computed percentage, so one figure is never 300.1% in one place
  /// and 300% in another.
  package static let computedDecimals = 1

  /// `41.96亿元`, `65.1%`, `59家`, `第3位`, `约1.6亿元`: the figure in the unit it reads
  /// shortest in without losing a digit (`100000万元` → `10亿元`, `5993.92万元` stays).
  public static func format(_ quantity: Quantity) -> String {
    withUnit(quantity.converted(to: shortestUnit(for: [quantity], preferring: quantity.unit)) ?? quantity)
  }

  /// The figure with its unit and qualifier, in the unit it has: `约1.6亿元`, `第3位`.
  public static func withUnit(_ quantity: Quantity) -> String {
    let digits = number(quantity)
    let core = quantity.unit.isRank ? "第\(digits)位" : digits + quantity.unit.symbol
    return quantity.qualifier.prefix + core + quantity.qualifier.suffix
  }

  /// The digits alone, exactly as held: `5993.92`, `0.599392`, `-3.50`.
  public static func number(_ quantity: Quantity) -> String {
    var digits = String(quantity.scaled.magnitude)
    if quantity.decimals > 0 {
      if digits.count <= quantity.decimals {
        digits = String(repeating: "0", count: quantity.decimals - digits.count + 1) + digits
      }
      digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -quantity.decimals))
    }
    return (quantity.scaled < 0 ? "-" : "") + digits
  }

  /// A computed number (a tick, a percentage) with the given decimals; `-0` is shown as `0`.
  public static func number(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return "—" }
    let decimals = max(0, min(decimals, 6))
    guard abs(value) * Quantity.power(decimals) < 9e15 else {
      var text = String(format: "%.\(decimals)f", value)
      if text.hasPrefix("-") && Double(text) == 0 { text.removeFirst() }
      return text
    }
    return number(Quantity(value: value, decimals: decimals))
  }

  /// The unit in which `quantities` read shortest with every digit kept: the unit given,
  /// or for amounts and counts the same thing in 万 or 亿 (13800万元 → 1.38亿元, 15000人 →
  /// 1.5万人). A figure costs its digits, each decimal past the second two more (reports
  /// rarely print more) and a figure below one two more (0.35亿元 reads worse than
  /// 3500万元), so 23456.78万元 stays rather than becoming 2.345678亿元 and 15.74亿元 never
  /// becomes 157400万元. A tie keeps `unit`, then the larger unit.
  /// Figures never move to a unit finer than the finest one written for them (956.8013万元
  /// does not become 9568013元). Units of another kind among `quantities`, or no unit at all (a bare number may be a
  /// code or a year), leave `unit` as it is.
  public static func shortestUnit(for quantities: [Quantity], preferring unit: Unit) -> Unit {
    guard unit.scales, !unit.symbol.isEmpty, !quantities.isEmpty,
      quantities.allSatisfy({ $0.unit.symbol.isEmpty || $0.unit.isCompatible(with: unit) })
    else { return unit }
    // Never finer than the finest unit the source wrote: 956.8013万元 is not 9568013元.
    let finest = quantities.map { $0.unit.symbol.isEmpty ? unit.multiplier : $0.unit.multiplier }.min() ?? 1
    var candidates = [unit]
    for prefix in ["", "万", "亿"] where !candidates.contains(Unit(prefix + unit.base)) {
      let candidate = Unit(prefix + unit.base)
      if candidate.multiplier >= finest { candidates.append(candidate) }
    }
    var best: (unit: Unit, cost: Int)?
    for candidate in candidates {
      let shown = quantities.map { quantity in
        (quantity.unit.symbol.isEmpty ? quantity.converted(to: unit) : quantity)?.converted(to: candidate)
      }
      guard shown.allSatisfy({ $0 != nil }) else { continue }
      let cost = shown.reduce(0) { $0 + readingCost($1!) }
      let rank = (cost, candidate == unit ? 0 : 1, -candidate.multiplier)
      if let current = best, (current.cost, current.unit == unit ? 0 : 1, -current.unit.multiplier) <= rank {
        continue
      }
      best = (candidate, cost)
    }
    return best?.unit ?? unit
  }

  package static func readingCost(_ quantity: Quantity) -> Int {
    let belowOne = quantity.scaled != 0 && quantity.scaled.magnitude < (Quantity.integerPower(quantity.decimals) ?? 1)
    return number(quantity).filter(\.isNumber).count + 2 * max(0, quantity.decimals - 2) + (belowOne ? 2 : 0)
  }

  /// How a value moved from `old` to `new`, as a clause: `提高0.48个百分点` for shares,
  /// `增长294.3%` for amounts, `持平` when equal. Worked out from the exact figures. Nil when
  /// the units cannot be compared, when `old` is zero, or when either is approximate.
  public static func change(from old: Quantity, to new: Quantity) -> String? {
    guard !old.isApproximate, !new.isApproximate, let old = old.converted(to: new.unit),
      let (a, b, decimals) = Quantity.aligned(old, new)
    else { return nil }
    if new.unit.isShare {
      let difference = b - a
      if difference == 0 { return "持平" }
      let magnitude = Quantity(scaled: Int64(clamping: difference.magnitude), decimals: decimals)
      return (difference > 0 ? "提高" : "降低") + number(magnitude) + "个百分点"
    }
    guard a != 0, let percent = percentText(b - a, of: a < 0 ? -a : a) else { return nil }
    if percent.isZero { return "持平" }
    return (b > a ? "增长" : "下降") + percent.text
  }

  /// `part` as a percentage of `whole`, rounded half away from zero to one decimal, from
  /// integers, so 71.35% never reads 71.3% through binary noise. `text` has no sign.
  package static func percentText(_ part: Int128, of whole: Int128) -> (text: String, isZero: Bool)? {
    guard whole != 0 else { return nil }
    let numerator = part.magnitude * 1000  // percent (×100) in tenths (×10)
    let denominator = whole.magnitude
    var tenths = numerator / denominator
    if (numerator % denominator) * 2 >= denominator { tenths += 1 }
    guard let scaled = Int64(exactly: tenths) else { return nil }
    return (number(Quantity(scaled: scaled, decimals: computedDecimals)) + "%", tenths == 0)
  }

  /// `value` as a percentage of `total`, one decimal: `23.5%`. Nil for a zero total or
  /// units of different kinds.
  package static func share(_ value: Quantity, of total: Quantity) -> String? {
    guard let value = value.converted(to: total.unit), let (a, b, _) = Quantity.aligned(value, total) else {
      return nil
    }
    return percentText(a, of: b).map { (a < 0) != (b < 0) && !$0.isZero ? "-" + $0.text : $0.text }
  }

  /// Tick labels: as short as the step allows, in the chart's unit (stated once in its
  /// caption, so never with 万 or 亿 of their own); shares carry `%`.
  public static func tick(_ value: Double, step: Double, unit: Unit) -> String {
    number(value, decimals: decimalsFor(step: step)) + (unit.isShare ? unit.symbol : "")
  }

  package static func decimalsFor(step: Double) -> Int {
    guard step > 0, step.isFinite, step < 1 else { return 0 }
    return min(6, Int(ceil(-log10(step) - 1e-9)))
  }
}
