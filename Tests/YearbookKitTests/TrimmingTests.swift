import Testing

@testable import YearbookCore

/// `trimmed` answers most values from their end scalars; both paths must agree with
/// trimming whole characters.
@Suite struct TrimmingTests {
  @Test(arguments: [
    ("标题", "标题"), ("  研发投入 ", "研发投入"), ("\u{3000}全角空格\u{3000}", "全角空格"), ("abc", "abc"),
    ("（万元）", "（万元）"), ("第17位。", "第17位。"), ("\t\n", ""), ("", ""), ("a \u{301}", "a"),
    ("\u{301}x", "\u{301}x"), ("e\u{301}", "e\u{301}"), ("值\r\n", "值"),
  ])
  func trimsWhitespaceCharactersAtBothEnds(text: String, expected: String) {
    #expect(text.trimmed == expected)
    #expect(text[...].trimmed == expected)
    let slow = text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()
    #expect(String(slow) == expected)
  }
}
