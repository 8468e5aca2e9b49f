import YearbookCore
import YearbookModel

/// What the inspection of a government site looks for in text, line by line: personal
/// numbers (errors, with the masked form to publish), and the bureau's word list and the
/// built-in usages (errors or warnings as the entry says), each at its line and column.
package struct TextInspection: Sendable {
  package let matcher: WordMatcher

  package init(_ config: SiteConfig) {
    matcher = WordMatcher(config.wordRules + (config.builtinWords ? WordMatcher.builtIn : []))
  }

  /// The findings in `text`, whose first line is line `firstLine` of `file`.
  package func findings(in text: String, file: SourcePath, firstLine: Int) -> [Diagnostic] {
    var found: [Diagnostic] = []
    var text = text
    text.withUTF8 { bytes in
      var start = 0
      var line = firstLine
      while start <= bytes.count {
        let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
        let lineNumber = line
        inspect(bytes[start..<end], into: &found) { column in
          SourceLocation(file: file, line: lineNumber, column: column)
        }
        start = end + 1
        line += 1
      }
    }
    return found
  }

  /// The findings in one value (a dataset cell); `at` turns a 1-based character column
  /// into where it is. `amount` says the value is a figure of a column that is not about
  /// phones: 15000000000 there is 150亿, not a mobile number.
  package func findings(in value: String, amount: Bool = false, at: (Int) -> SourceLocation) -> [Diagnostic] {
    var value = value
    var found: [Diagnostic] = []
    value.withUTF8 { inspect($0[...], amount: amount, into: &found, at: at) }
    return found
  }

  private func inspect(
    _ line: Slice<UnsafeBufferPointer<UInt8>>, amount: Bool = false, into found: inout [Diagnostic],
    at: (Int) -> SourceLocation
  ) {
    for hit in PersonalNumbers.find(in: line) where !(amount && hit.kind == .mobile) {
      let message: Message =
        switch hit.kind {
        case .residentID: .residentIDNumber(masked: hit.masked)
        case .mobile: .mobileNumber(masked: hit.masked)
        case .bankCard: .bankCardNumber(masked: hit.masked)
        }
      found.append(.error(message, at: at(Self.column(of: hit.offset, in: line))))
    }
    guard !matcher.isEmpty else { return }
    for (rule, offset) in matcher.find(in: line) {
      let message: Message =
        rule.origin == nil
        ? .officialUsage(rule.word, suggestion: rule.suggestion ?? "")
        : .listedWord(rule.word, suggestion: rule.suggestion, list: rule.origin.map(\.description))
      found.append(Diagnostic(rule.severity, message, at: at(Self.column(of: offset, in: line))))
    }
  }

  /// The 1-based character column of a byte offset: bytes that start a character.
  private static func column(of offset: Int, in line: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
    line.prefix(offset).reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
  }
}
