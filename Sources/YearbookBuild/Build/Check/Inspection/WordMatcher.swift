import YearbookCore
import YearbookModel

/// Finds the word list's entries in text: rules are grouped by their first byte, so a line
/// is read once whatever the length of the list.
package struct WordMatcher: Sendable {
  private let rules: [[UInt8]: [WordRule]]
  private let byFirstByte: [UInt8: [[UInt8]]]

  /// Usages official writing treats as errors, as warnings: each is a common slip that
  /// the 国家通用语言文字 norms and the 党政机关公文 style correct.
  package static let builtIn: [WordRule] = [
    WordRule(
      word: "截止", suggestion: "截至", severity: .warning,
      before: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "目前", "今", "当前", "年底", "到", "上年", "本年"]),
    WordRule(word: "其它", suggestion: "其他", severity: .warning),
    WordRule(word: "做为", suggestion: "作为", severity: .warning),
    WordRule(word: "部份", suggestion: "部分", severity: .warning),
    WordRule(word: "既使", suggestion: "即使", severity: .warning),
    WordRule(word: "一但", suggestion: "一旦", severity: .warning),
    WordRule(word: "再接再励", suggestion: "再接再厉", severity: .warning),
    WordRule(word: "迫不急待", suggestion: "迫不及待", severity: .warning),
    WordRule(word: "按装", suggestion: "安装", severity: .warning),
    WordRule(word: "走头无路", suggestion: "走投无路", severity: .warning),
  ]

  package init(_ rules: [WordRule]) {
    var byWord: [[UInt8]: [WordRule]] = [:]
    for rule in rules { byWord[Array(rule.word.utf8), default: []].append(rule) }
    self.rules = byWord
    byFirstByte = Dictionary(grouping: byWord.keys, by: { $0[0] })
  }

  package var isEmpty: Bool { rules.isEmpty }

  /// Each hit in `line`: the rule and the byte offset where its word starts.
  package func find(in line: Substring) -> [(rule: WordRule, offset: Int)] {
    var hits: [(rule: WordRule, offset: Int)] = []
    let bytes = Array(line.utf8)
    var index = 0
    while index < bytes.count {
      defer { index += 1 }
      guard let words = byFirstByte[bytes[index]] else { continue }
      for word in words
      where index + word.count <= bytes.count && bytes[index..<(index + word.count)].elementsEqual(word) {
        for rule in rules[word] ?? []
        where rule.before.isEmpty
          || rule.before.contains(where: {
            bytes[(index + word.count)...].starts(with: $0.utf8)
          })
        {
          hits.append((rule, index))
        }
      }
    }
    return hits
  }
}
