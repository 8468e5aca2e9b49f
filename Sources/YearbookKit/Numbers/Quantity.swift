import Foundation

/// A number as a statistics table gives it: the value, how many decimals were written,
/// and its unit. Decimals are kept so `65.10` is never shown as `65.1` or `65.0999…`.
public struct Quantity: Sendable, Hashable {
  public var value: Double
  public var decimals: Int
  public var unit: Unit

  public init(value: Double, decimals: Int, unit: Unit = Unit("")) {
    self.value = value
    self.decimals = decimals
    self.unit = unit
  }

  /// Reads `１２３，４５６．７`, `1,234`, `-3.5`, `65.1%`, `3500万元`, `12 家`. Returns nil
  /// for anything else, including an empty cell.
  public static func parse(_ text: String) -> Quantity? {
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
        digits.append(".")
        previousWasDigit = false
      } else {
        break
      }
      rest = rest.dropFirst()
    }
    guard let last = digits.last, last != ".", let value = Double(digits), value.isFinite else { return nil }
    let suffix = rest.trimmed
    guard suffix.isEmpty || Unit.knownSuffixes.contains(suffix) else { return nil }
    return Quantity(value: negative ? -value : value, decimals: decimals, unit: Unit(suffix))
  }

  /// The same amount in another unit of the same kind: `3500万元` in `亿元` is `0.35`.
  public func converted(to target: Unit) -> Quantity? {
    if unit.symbol.isEmpty || unit.symbol == target.symbol {
      return Quantity(value: value, decimals: decimals, unit: target)
    }
    guard unit.isCompatible(with: target) else { return nil }
    return rescaled(to: target)
  }

  /// The same amount in `target`, a unit of the same kind; a number without a unit counts
  /// as ones, so `25000` in `万` is `2.5`.
  func rescaled(to target: Unit) -> Quantity {
    let factor = unit.multiplier / target.multiplier
    // 1.38亿元 is 13800万元 exactly: the decimals move with the unit, and the product is
    // rounded to them so float noise (13799.999999999998) never shows.
    let decimals = max(0, min(6, decimals - Int(log10(factor).rounded())))
    let scale = pow(10, Double(decimals))
    return Quantity(value: (value * factor * scale).rounded() / scale, decimals: decimals, unit: target)
  }
}
