import YearbookCore

/// Finds personal numbers in text before it is published: mainland resident ID numbers
/// (18 characters with a valid check digit and birth date), mobile numbers (11 digits
/// from 13 to 19, also written 138 1234 5678 or 138-1234-5678) and bank card numbers
/// (16 to 19 digits passing the Luhn check). A masked number (`3304**********1234`,
/// `138****5678`) is never found: its digits do not run together.
package enum PersonalNumbers {
  package enum Kind: Sendable, Equatable {
    case residentID, mobile, bankCard
  }

  package struct Hit: Sendable, Equatable {
    package var kind: Kind
    /// Byte offset in the line where the number starts.
    package var offset: Int
    /// The number as it should be published: masked.
    package var masked: String
  }

  /// Every personal number in `line`.
  package static func find(in line: Substring) -> [Hit] {
    var text = String(line)
    return text.withUTF8 { find(in: $0[...]) }
  }

  /// Every personal number in a line's UTF-8 bytes (offsets from the slice's start):
  /// digits are ASCII, so the scan never looks inside a Chinese character.
  package static func find(in line: Slice<UnsafeBufferPointer<UInt8>>) -> [Hit] {
    var hits: [Hit] = []
    let bytes = UnsafeBufferPointer(rebasing: line)
    var index = 0
    while index < bytes.count {
      // Most bytes of Chinese text are not digits: skip them without more tests.
      guard isDigit(bytes[index]) else {
        index += 1
        continue
      }
      guard index == 0 || !isWordByte(bytes[index - 1]) else {
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        continue
      }
      // Most numbers are short figures: only a run of 11 digits or more, or the first
      // group of a grouped number (138 1234 5678, 6222 0212 …), can be personal.
      var plainEnd = index
      while plainEnd < bytes.count, isDigit(bytes[plainEnd]) { plainEnd += 1 }
      let length = plainEnd - index
      let mayBeGrouped =
        (length == 3 || length == 4) && plainEnd + 1 < bytes.count
        && (bytes[plainEnd] == 0x20 || bytes[plainEnd] == 0x2D) && isDigit(bytes[plainEnd + 1])
      guard length >= 11 || mayBeGrouped else {
        index = plainEnd
        continue
      }
      let (digits, end) = run(bytes, from: index)
      if digits.count >= 11, !continuesToken(bytes, at: end), let hit = classify(digits, bytes: bytes, end: end) {
        hits.append(Hit(kind: hit, offset: index, masked: mask(digits, kind: hit)))
      }
      index = max(end, index + 1)
    }
    return hits
  }

  /// The digits from `start`: a plain run, or groups joined by single spaces or hyphens in
  /// the shapes numbers are written in (3-4-4 for a mobile, fours for a card), and a final
  /// X of an ID number. `end` is the byte after the number.
  private static func run(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (digits: [UInt8], end: Int) {
    var groups: [[UInt8]] = []
    var index = start
    var separator: UInt8?
    while true {
      var group: [UInt8] = []
      while index < bytes.count, isDigit(bytes[index]) {
        group.append(bytes[index])
        index += 1
      }
      groups.append(group)
      guard index + 1 < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x2D, isDigit(bytes[index + 1]),
        separator == nil || separator == bytes[index]
      else { break }
      separator = bytes[index]
      index += 1
    }
    let sizes = groups.map(\.count)
    let grouped =
      sizes == [3, 4, 4]
      || (sizes.count >= 4 && sizes.dropLast().allSatisfy { $0 == 4 } && (1...4).contains(sizes.last!))
    var digits = grouped ? groups.flatMap { $0 } : groups[0]
    var end = grouped ? index : start + groups[0].count
    if digits.count == 17, end < bytes.count, bytes[end] == UInt8(ascii: "X") || bytes[end] == UInt8(ascii: "x") {
      digits.append(UInt8(ascii: "X"))
      end += 1
    }
    return (digits, end)
  }

  private static func classify(_ digits: [UInt8], bytes: UnsafeBufferPointer<UInt8>, end: Int) -> Kind? {
    switch digits.count {
    case 18 where isResidentID(digits): .residentID
    case 11
    where digits[0] == UInt8(ascii: "1") && (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(digits[1])
      && !followedByUnit(bytes, at: end):
      .mobile
    case 16...19 where (UInt8(ascii: "3")...UInt8(ascii: "6")).contains(digits[0]) && passesLuhn(digits):
      .bankCard
    default: nil
    }
  }

  /// GB 11643: a region code, a real birth date, and the ISO 7064 MOD 11-2 check digit.
  package static func isResidentID(_ digits: [UInt8]) -> Bool {
    guard digits.count == 18, (UInt8(ascii: "1")...UInt8(ascii: "8")).contains(digits[0]),
      digits.dropLast().allSatisfy(isDigit)
    else { return false }
    let values = digits.map { Int($0) - 0x30 }
    let year = values[6..<10].reduce(0) { $0 * 10 + $1 }
    let month = values[10] * 10 + values[11]
    let day = values[12] * 10 + values[13]
    guard (1900...2099).contains(year), (1...12).contains(month), (1...31).contains(day) else { return false }
    let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    let sum = zip(values.prefix(17), weights).reduce(0) { $0 + $1.0 * $1.1 }
    let check = Array("10X98765432".utf8)[sum % 11]
    return digits[17] == check
  }

  package static func passesLuhn(_ digits: [UInt8]) -> Bool {
    var sum = 0
    for (position, digit) in digits.reversed().enumerated() {
      var value = Int(digit) - 0x30
      if position % 2 == 1 {
        value *= 2
        if value > 9 { value -= 9 }
      }
      sum += value
    }
    return sum % 10 == 0
  }

  /// `13800000000元` is an amount, not a phone number.
  private static func followedByUnit(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    guard index < bytes.count else { return false }
    let rest = String(decoding: bytes[index..<min(bytes.count, index + 4)], as: UTF8.self)
    return rest.first.map { "元万亿人家项个台件次吨千百%‰".contains($0) } ?? false
  }

  private static func mask(_ digits: [UInt8], kind: Kind) -> String {
    let text = String(decoding: digits, as: UTF8.self)
    let kept = kind == .mobile ? 3 : 4
    return String(text.prefix(kept)) + String(repeating: "*", count: text.count - kept - 4) + String(text.suffix(4))
  }

  /// A digit or letter right after the number makes it part of a longer code.
  private static func continuesToken(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    index < bytes.count && (isWordByte(bytes[index]) || bytes[index] == UInt8(ascii: "*"))
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  private static func isWordByte(_ byte: UInt8) -> Bool {
    isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || byte == UInt8(ascii: "*")
  }
}
