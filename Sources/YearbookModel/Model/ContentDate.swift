import Foundation
import YearbookCore

/// A calendar date as editors write it (`2025-01-20`), with the time of publication when
/// they give one (`2025-01-20 09:30`). No time zone and no clock: the same content always
/// gives the same output.
public struct ContentDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int
  /// Minutes after midnight, when the editor wrote a time.
  public let minutes: Int?

  /// Accepts exactly `YYYY-MM-DD` naming a real day, optionally followed by one space and
  /// a time `HH:MM` (the portal's collection systems read a page's publication time).
  public init?(_ text: String) {
    var text = Substring(text)
    var minutes: Int?
    if let space = text.firstIndex(of: " ") {
      let clock = text[text.index(after: space)...].split(separator: ":", omittingEmptySubsequences: false)
      guard clock.count == 2, clock.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
        let hour = Int(clock[0]), let minute = Int(clock[1]), hour < 24, minute < 60
      else { return nil }
      minutes = hour * 60 + minute
      text = text[..<space]
    }
    self.minutes = minutes
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
      (1...12).contains(month), day >= 1, day <= ContentDate.days(inMonth: month, year: year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// The date an editor meant by `2025/1/5`, `2025.1.5`, `2025-1-5`, `2025年1月5日`,
  /// `20250105` or full-width digits, written as `YYYY-MM-DD`; nil when it names no real day.
  public static func proposal(for text: String) -> String? {
    let halfWidth = String(
      text.unicodeScalars.map { scalar -> Character in
        // Full-width forms (０-９, －, ／, ．) sit 0xFEE0 above their ASCII twins.
        (0xFF01...0xFF5E).contains(scalar.value) ? Character(UnicodeScalar(scalar.value - 0xFEE0)!) : Character(scalar)
      })
    var numbers = halfWidth.split { !$0.isASCII || !$0.isNumber }.map(String.init)
    if numbers.count == 1, numbers[0].count == 8 {
      let digits = numbers[0]
      numbers = [String(digits.prefix(4)), String(digits.dropFirst(4).prefix(2)), String(digits.suffix(2))]
    }
    guard numbers.count == 3, numbers[0].count == 4, let month = Int(numbers[1]), let day = Int(numbers[2]),
      let date = ContentDate(
        numbers[0] + (month < 10 ? "-0" : "-") + String(month) + (day < 10 ? "-0" : "-") + String(day))
    else { return nil }
    return date.description
  }

  private static func days(inMonth month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// `2025-01-20`
  public var description: String {
    func padded(_ number: Int, _ width: Int) -> String {
      let digits = String(number)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
  }

  /// Today in China (UTC+8), where the sites are edited.
  public static var today: ContentDate {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
    let parts = calendar.dateComponents([.year, .month, .day], from: Date())
    return ContentDate(String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!))!
  }

  /// `2025-01-20 09:30`, the form government page metadata (`PubDate`) takes; midnight
  /// when the editor gave no time.
  public var publication: String {
    let minutes = minutes ?? 0
    let (hour, minute) = (minutes / 60, minutes % 60)
    return description + (hour < 10 ? " 0" : " ") + String(hour) + (minute < 10 ? ":0" : ":") + String(minute)
  }

  /// Whether the day is after `other`'s, whatever the times.
  public func isLater(dayThan other: ContentDate) -> Bool {
    (year, month, day) > (other.year, other.month, other.day)
  }

  /// `2025年1月20日`, as Chinese readers expect it.
  public var chinese: String { "\(year)年\(month)月\(day)日" }

  /// Midnight UTC, for Atom's RFC 3339 timestamps.
  public var rfc3339: String { description + "T00:00:00Z" }

  public static func < (a: ContentDate, b: ContentDate) -> Bool {
    (a.year, a.month, a.day, a.minutes ?? 0) < (b.year, b.month, b.day, b.minutes ?? 0)
  }
}
