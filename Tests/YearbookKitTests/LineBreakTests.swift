import Testing

@testable import YearbookCharts
@testable import YearbookCore

/// Captions and chart labels break between words, never inside a two-character word or a
/// short phrase in quotation or book-title marks, when another break exists.
@Suite struct LineBreakTests {
  @Test(arguments: [
    ("加大科技投入力度", ["加大", "科技", "投入", "力度"]),
    ("推动“十三五”规划目标全面完成", ["推动", "“十三五”", "规划", "目标", "全面", "完成"]),
    ("《平湖市科技创新条例》实施情况", ["《平湖市科技创新条例》", "实施", "情况"]),
    ("研发投入，同比增长16.4%。", ["研发", "投入，", "同比", "增长", "16.4%。"]),
    ("G60科创走廊", ["G60", "科创", "走廊"]),
  ])
  func piecesAreWordsAndShortPhrases(text: String, expected: [String]) {
    let pieces = LineBreaks.pieces(text)
    #expect(pieces.joined() == text)
    #expect(pieces == expected)
  }

  @Test func aLongPhraseInMarksMayStillBreak() {
    let text = "“" + String(repeating: "科技", count: 10) + "”"
    #expect(LineBreaks.pieces(text).count > 1)
  }
}
