import Foundation

/// A number as a statistics table gives it, kept exactly: `5993.92万元` is the integer
/// 599392 with 2 decimals in 万元. Nothing is stored as a binary fraction, so moving it to
/// 亿元 (0.599392) or back never loses or invents a digit. `value` is for geometry only.
public struct Quantity: Sendable, Hashable {
  /// The number times 10^decimals: 599392 for 5993.92.
  public var scaled: Int64
  /// How many digits follow the point, as written (`65.10` has 2).
  public var decimals: Int
  public var unit: Unit
  /// What an editor wrote around an approximate figure: `约` in `约1.6亿元`, `以上` in
  /// `1.6亿元以上`. Shown wherever the figure is; the figure is drawn at its number.
  public var qualifier = Qualifier()

  public init(scaled: Int64, decimals: Int, unit: Unit = Unit(""), qualifier: Qualifier = Qualifier()) {
    self.scaled = scaled
    self.decimals = decimals
    self.unit = unit
    self.qualifier = qualifier
  }

  /// A computed figure (a tick, a ratio) rounded to `decimals`; data never goes through here.
  public init(value: Double, decimals: Int, unit: Unit = Unit("")) {
    let decimals = max(0, min(decimals, 12))
    let product = (value * Quantity.power(decimals)).rounded()
    self.init(
      scaled: product.isFinite && abs(product) < 9.2e18 ? Int64(product) : 0, decimals: decimals, unit: unit)
  }

  /// The number as a binary fraction, for placing marks; never for showing it.
  public var value: Double { Double(scaled) / Quantity.power(decimals) }

  public var isApproximate: Bool { !qualifier.isEmpty }

  package static func power(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<max(0, exponent) { result *= 10 }
    return result
  }

  /// 10^exponent as an integer, or nil past Int64.
  package static func integerPower(_ exponent: Int) -> Int64? {
    guard exponent >= 0, exponent <= 18 else { return nil }
    var result: Int64 = 1
    for _ in 0..<exponent { result *= 10 }
    return result
  }

  /// Reads `１２３，４５６．７`, `1,234`, `-3.5`, `65.1%`, `3500万元`, `12 家`, and the
  /// approximate forms `约1.6亿元`, `1.6亿元左右`, `超过1.6亿元`, `1.6亿元以上`. Returns nil
  /// for anything else, including an empty cell and a gap (see `Gap`).
  public static func parse(_ text: String) -> Quantity? {
    if let plain = parsePlainASCII(text) { return plain }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0xFF10...0xFF19: scalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)  // full-width digits
      case 0xFF0C: scalars.append(",")
      case 0xFF0E: scalars.append(".")
      case 0xFF05: scalars.append("%")
      case 0xFF0D, 0x2212: scalars.append("-")
      case 0xFF0B: scalars.append("+")
      case 0x3000, 0x00A0: scalars.append(" ")
      default: scalars.append(scalar)
      }
    }
    var rest = Substring(String(scalars).trimmed)
    guard !rest.isEmpty else { return nil }
    var qualifier = Qualifier()
    if let prefix = Qualifier.prefixes.first(where: { rest.hasPrefix($0) }) {
      qualifier.prefix = prefix
      rest = Substring(rest.dropFirst(prefix.count).trimmed)
    }
    if let suffix = Qualifier.suffixes.first(where: { rest.hasSuffix($0) }) {
      qualifier.suffix = suffix
      rest = Substring(rest.dropLast(suffix.count).trimmed)
    }
    // `约超过` is no figure: one qualifier at a time.
    guard qualifier.prefix.isEmpty || qualifier.suffix.isEmpty else { return nil }

    var negative = false
    if rest.first == "-" || rest.first == "+" {
      negative = rest.first == "-"
      rest = rest.dropFirst()
    }
    var digits = ""
    var decimals = 0
    var seenPoint = false
    var previousWasDigit = false
    while let character = rest.first {
      if character.isASCII && character.isNumber {
        digits.append(character)
        if seenPoint { decimals += 1 }
        previousWasDigit = true
      } else if character == "," && previousWasDigit && !seenPoint {
        // A thousands separator must be followed by exactly three digits.
        let next = rest.dropFirst().prefix(4)
        guard next.prefix(3).count == 3, next.prefix(3).allSatisfy({ $0.isASCII && $0.isNumber }),
          next.count < 4 || !(next.last!.isASCII && next.last!.isNumber)
        else { return nil }
        previousWasDigit = false
      } else if character == "." && !seenPoint && previousWasDigit {
        seenPoint = true
        previousWasDigit = false
      } else {
        break
      }
      rest = rest.dropFirst()
    }
    guard !digits.isEmpty, previousWasDigit, let magnitude = Int64(digits) else { return nil }
    let suffix = rest.trimmed
    guard suffix.isEmpty || Unit.knownSuffixes.contains(suffix) else { return nil }
    return Quantity(
      scaled: negative ? -magnitude : magnitude, decimals: decimals, unit: Unit(suffix), qualifier: qualifier)
  }

  /// `-12.50` and the like, the form nearly every cell of a large CSV takes, read from its
  /// bytes: the general reader below walks Characters and spends most of a million-row
  /// dataset's load time on that. Nil hands the text to the general reader.
  private static func parsePlainASCII(_ text: String) -> Quantity? {
    var utf8 = text.utf8[...]
    var negative = false
    if let sign = utf8.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
      negative = sign == UInt8(ascii: "-")
      utf8 = utf8.dropFirst()
    }
    var magnitude: Int64 = 0
    var digits = 0
    var decimals = 0
    var seenPoint = false
    var previousWasDigit = false
    for byte in utf8 {
      if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        let (times, overflow) = magnitude.multipliedReportingOverflow(by: 10)
        let (sum, overflowAgain) = times.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
        guard !overflow, !overflowAgain else { return nil }
        magnitude = sum
        digits += 1
        if seenPoint { decimals += 1 }
        previousWasDigit = true
      } else if byte == UInt8(ascii: ".") && previousWasDigit && !seenPoint {
        seenPoint = true
        previousWasDigit = false
      } else {
        return nil
      }
    }
    guard digits > 0, previousWasDigit else { return nil }
    return Quantity(scaled: negative ? -magnitude : magnitude, decimals: decimals)
  }

  /// The same amount in another unit of the same kind, exactly: `3500万元` in `亿元` is
  /// `0.35`, `1.38亿元` in `万元` is `13800`. A number without a unit takes `target`. Nil
  /// when the kinds differ, or when the digits would not fit.
  public func converted(to target: Unit) -> Quantity? {
    if unit.symbol.isEmpty || unit.symbol == target.symbol {
      var same = self
      same.unit = target
      return same
    }
    guard unit.isCompatible(with: target) else { return nil }
    return rescaled(to: target)
  }

  /// The same amount in `target`, a unit of the same kind. The point moves by the units'
  /// ratio (a power of ten), so no digit changes; zeros the move leaves after the point are
  /// dropped (13800万元 is 1.38亿元, not 1.3800亿元).
  package func rescaled(to target: Unit) -> Quantity? {
    let shift = Int((log10(unit.multiplier / target.multiplier)).rounded())
    var moved = self
    moved.unit = target
    moved.decimals = decimals - shift
    if moved.decimals < 0 {
      guard let factor = Quantity.integerPower(-moved.decimals) else { return nil }
      let (product, overflow) = scaled.multipliedReportingOverflow(by: factor)
      guard !overflow else { return nil }
      moved.scaled = product
      moved.decimals = 0
    }
    return moved.withoutTrailingZeros
  }

  /// The fewest decimals that show the same number: `1.3800` → `1.38`, `10.0` → `10`.
  package var withoutTrailingZeros: Quantity {
    var trimmed = self
    while trimmed.decimals > 0 && trimmed.scaled % 10 == 0 {
      trimmed.scaled /= 10
      trimmed.decimals -= 1
    }
    return trimmed
  }

  /// The number rounded half away from zero to `places` decimals (no fewer than written
  /// means no change), as the integer it then is times 10^places.
  package func rounded(toDecimals places: Int) -> Int64 {
    guard places < decimals, let divisor = Quantity.integerPower(decimals - places) else {
      return scaled * (Quantity.integerPower(places - decimals) ?? 1)
    }
    let (quotient, remainder) = scaled.quotientAndRemainder(dividingBy: divisor)
    return quotient + (remainder.magnitude * 2 >= divisor.magnitude ? (scaled < 0 ? -1 : 1) : 0)
  }

  /// Both numbers as integers over one power of ten, for exact sums and comparisons.
  package static func aligned(_ a: Quantity, _ b: Quantity) -> (Int128, Int128, decimals: Int)? {
    let decimals = max(a.decimals, b.decimals)
    guard let scaleA = integerPower(decimals - a.decimals), let scaleB = integerPower(decimals - b.decimals) else {
      return nil
    }
    return (Int128(a.scaled) * Int128(scaleA), Int128(b.scaled) * Int128(scaleB), decimals)
  }

  /// The exact sum of quantities in one unit, approximate when any part is; nil when empty
  /// or beyond Int64.
  package static func sum(_ parts: [Quantity]) -> Quantity? {
    guard var total = parts.first else { return nil }
    for part in parts.dropFirst() {
      guard let (a, b, decimals) = aligned(total, part), let scaled = Int64(exactly: a + b) else { return nil }
      total = Quantity(scaled: scaled, decimals: decimals, unit: total.unit, qualifier: total.qualifier)
    }
    if parts.contains(where: \.isApproximate) { total.qualifier = Qualifier(prefix: "约") }
    return total
  }

  /// Whether two quantities are the same amount (in any units of one kind).
  public func isSameAmount(as other: Quantity) -> Bool {
    guard let converted = other.converted(to: unit), let (a, b, _) = Quantity.aligned(self, converted) else {
      return false
    }
    return a == b
  }
}

/// Words around an approximate figure: a prefix (`约`, `超过`) or a suffix (`左右`, `以上`).
public struct Qualifier: Sendable, Hashable {
  public var prefix = ""
  public var suffix = ""

  public init(prefix: String = "", suffix: String = "") {
    self.prefix = prefix
    self.suffix = suffix
  }

  public var isEmpty: Bool { prefix.isEmpty && suffix.isEmpty }

  /// Longest first, so `大约` is not read as `约` after a stray `大`.
  package static let prefixes = ["大约", "约为", "将近", "超过", "不足", "不到", "约", "近", "超", "逾"]
  package static let suffixes = ["左右", "以上", "以下", "上下", "之多"]
}

/// The ways editors write "no figure here": a gap, never a zero.
public enum Gap {
  package static let markers: Set<String> = [
    "—", "——", "－", "－－", "-", "--", "–", "/", "／", "…", "……", "...", "无", "空", "暂无",
  ]

  /// Whether `text` (trimmed) says there is no figure.
  public static func isGap(_ text: String) -> Bool {
    let trimmed = text.trimmed
    return trimmed.isEmpty || markers.contains(trimmed)
  }
}
