import Foundation
import YearbookCore
import YearbookModel

/// Finds the word list's entries in text: rules are grouped by their first byte, so a line
/// is read once whatever the length of the list.
package struct WordMatcher: Sendable {
  private let rules: [[UInt8]: [WordRule]]
  /// For each pair of first bytes, where its words are in `entries` (start and end, or
  /// -1 for none): a table, as every byte pair of the text is looked up, and Chinese
  /// characters share their first byte.
  private let slots: [Int32]
  /// The words of each slot in turn (a one-byte word under every pair it starts), as
  /// ranges of `wordBytes`: a line's scan then touches no array of arrays, whose every
  /// read retains its element.
  private let entries: [Range<Int>]
  private let slotEntries: [Range<Int>]
  private let wordBytes: [UInt8]

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
    var slots = [Int32](repeating: -1, count: 1 << 16)
    var lists: [[[UInt8]]] = []
    for word in byWord.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
      let keys = word.count > 1 ? [Self.key(word[0], word[1])] : (0...255).map { Self.key(word[0], UInt8($0)) }
      for key in keys {
        if slots[key] < 0 {
          slots[key] = Int32(lists.count)
          lists.append([])
        }
        lists[Int(slots[key])].append(word)
      }
    }
    var wordBytes: [UInt8] = []
    var entries: [Range<Int>] = []
    var slotEntries: [Range<Int>] = []
    for list in lists {
      let first = entries.count
      for word in list {
        entries.append(wordBytes.count..<(wordBytes.count + word.count))
        wordBytes += word
      }
      slotEntries.append(first..<entries.count)
    }
    self.slots = slots
    self.entries = entries
    self.slotEntries = slotEntries
    self.wordBytes = wordBytes
  }

  package var isEmpty: Bool { rules.isEmpty }

  private static func key(_ first: UInt8, _ second: UInt8) -> Int { Int(first) << 8 | Int(second) }

  /// Each hit in `line`: the rule and the byte offset where its word starts.
  package func find(in line: Substring) -> [(rule: WordRule, offset: Int)] {
    var text = String(line)
    return text.withUTF8 { find(in: $0[...]) }
  }

  /// Each hit in a line's UTF-8 bytes, with offsets from the slice's start.
  package func find(in line: Slice<UnsafeBufferPointer<UInt8>>) -> [(rule: WordRule, offset: Int)] {
    var hits: [(rule: WordRule, offset: Int)] = []
    let bytes = UnsafeBufferPointer(rebasing: line)
    guard bytes.count > 0 else { return [] }
    slots.withUnsafeBufferPointer { slots in
      entries.withUnsafeBufferPointer { entries in
        slotEntries.withUnsafeBufferPointer { slotEntries in
          wordBytes.withUnsafeBufferPointer { wordBytes in
            var key = Int(bytes[0])
            for index in 0..<bytes.count {
              key = (key & 0xFF) << 8 | (index + 1 < bytes.count ? Int(bytes[index + 1]) : 0)
              let slot = slots[key]
              guard slot >= 0 else { continue }
              for entry in entries[slotEntries[Int(slot)]]
              where index + entry.count <= bytes.count
                && memcmp(bytes.baseAddress! + index, wordBytes.baseAddress! + entry.lowerBound, entry.count) == 0
              {
                let word = Array(wordBytes[entry])
                for rule in rules[word] ?? []
                where rule.before.isEmpty
                  || rule.before.contains(where: { bytes[(index + word.count)...].starts(with: $0.utf8) })
                {
                  hits.append((rule, index))
                }
              }
            }
          }
        }
      }
    }
    return hits
  }
}
