import Foundation
import YearbookCore
import YearbookModel

/// The number formats of a workbook's cell styles, to show a number as Excel shows it: a
/// figure formatted `0.0` whose saved value is 71.35699999999999 reads 71.4, a share
/// formatted `0.0%` saved as 0.253 reads 25.3%, a date serial reads 2024-12-31.
package struct NumberFormats {
  package enum Kind: Equatable {
    /// Up to 15 significant digits, as Excel's General format.
    case general
    case fixed(decimals: Int)
    case percent(decimals: Int)
    case date
  }

  /// Cell style index → kind of its number format.
  private var styles: [Kind] = []

  package init(_ styleSheet: WorkbookXML?) {
    var codes: [Int: String] = [:]
    for format in styleSheet?.child("numFmts")?.children("numFmt") ?? [] {
      if let id = format.attributes["numFmtId"].flatMap(Int.init), let code = format.attributes["formatCode"] {
        codes[id] = code
      }
    }
    styles = (styleSheet?.child("cellXfs")?.children("xf") ?? []).map { xf in
      let id = xf.attributes["numFmtId"].flatMap(Int.init) ?? 0
      return codes[id].map(Self.kind(ofCode:)) ?? Self.builtIn(id)
    }
  }

  /// Excel's built-in formats that matter for figures (ids from ECMA-376 §18.8.30, and
  /// the East Asian date formats Excel and WPS use in Chinese).
  package static func builtIn(_ id: Int) -> Kind {
    switch id {
    case 1, 3: .fixed(decimals: 0)
    case 2, 4: .fixed(decimals: 2)
    case 9: .percent(decimals: 0)
    case 10: .percent(decimals: 2)
    case 14...22, 27...36, 45...47, 50...58: .date
    default: .general
    }
  }

  /// The kind of a custom format code (`#,##0.00`, `0.0%`, `yyyy"年"m"月"d"日"`), read
  /// from its first section, quoted text and `[…]` left out.
  package static func kind(ofCode code: String) -> Kind {
    var plain = ""
    var quoted = false
    var bracket = false
    var escaped = false
    for character in code {
      if escaped {
        escaped = false
        continue
      }
      switch character {
      case "\\": escaped = true
      case "\"": quoted.toggle()
      case "[" where !quoted: bracket = true
      case "]" where !quoted: bracket = false
      case ";" where !quoted && !bracket: break
      default: if !quoted && !bracket { plain.append(character) }
      }
      if character == ";" && !quoted && !bracket { break }
    }
    let lower = plain.lowercased()
    if lower == "general" || lower.isEmpty || lower == "@" { return .general }
    if lower.contains(where: { "ymdhs".contains($0) }) && !lower.contains("0") { return .date }
    let decimals =
      plain.split(separator: ".", maxSplits: 1).dropFirst().first.map {
        $0.prefix { $0 == "0" || $0 == "#" || $0 == "?" }.count
      } ?? 0
    return plain.contains("%") ? .percent(decimals: decimals) : .fixed(decimals: decimals)
  }

  package func kind(ofStyle style: Int) -> Kind {
    styles.indices.contains(style) ? styles[style] : .general
  }

  package func display(_ number: Decimal, style: Int, date1904: Bool) -> String {
    switch kind(ofStyle: style) {
    case .general: return Self.significant(number, digits: 15)
    case .fixed(let decimals): return Self.fixed(number, decimals: decimals)
    case .percent(let decimals): return Self.fixed(number * 100, decimals: decimals) + "%"
    case .date: return Self.date(number, date1904: date1904)
    }
  }

  /// Rounded half away from zero, as Excel shows it, with exactly `decimals` decimals.
  package static func fixed(_ number: Decimal, decimals: Int) -> String {
    var value = number
    var rounded = Decimal()
    NSDecimalRound(&rounded, &value, decimals, .plain)
    var text = "\(rounded)"
    guard decimals > 0 else { return text }
    let present = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? -1
    if present < 0 { text += "." }
    text += String(repeating: "0", count: decimals - max(present, 0))
    return text
  }

  package static func significant(_ number: Decimal, digits: Int) -> String {
    guard number != 0 else { return "0" }
    let magnitude = Int((abs(NSDecimalNumber(decimal: number).doubleValue)).log10Floor) + 1
    var value = number
    var rounded = Decimal()
    NSDecimalRound(&rounded, &value, digits - magnitude, .plain)
    return "\(rounded)"
  }

  /// A date serial as `2024-12-31` (with `HH:mm` when it has a time of day).
  package static func date(_ serial: Decimal, date1904: Bool) -> String {
    let value = NSDecimalNumber(decimal: serial).doubleValue
    var days = Int(value.rounded(.down))
    let minutes = Int(((value - Double(days)) * 24 * 60).rounded())
    if !date1904 && days == 60 { return "1900-02-29" }  // Lotus 1-2-3's leap day, kept by Excel
    // Days since 1970-01-01: 1900 serials count from 1899-12-31 and skip the false leap day.
    days += date1904 ? -24_107 : (days < 60 ? -25_568 : -25_569)
    let (year, month, day) = civilDate(daysSince1970: days + (minutes >= 1440 ? 1 : 0))
    let date = String(format: "%04d-%02d-%02d", year, month, day)
    let time = minutes % 1440
    return time == 0 ? date : date + String(format: " %02d:%02d", time / 60, time % 60)
  }

  /// Howard Hinnant's days-to-civil algorithm (proleptic Gregorian calendar).
  package static func civilDate(daysSince1970: Int) -> (Int, Int, Int) {
    let z = daysSince1970 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}

extension Double {
  fileprivate var log10Floor: Double { Foundation.log10(self).rounded(.down) }
}
