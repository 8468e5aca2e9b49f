import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookModel

/// Shortens the first paragraph into a summary without cutting a sentence, a word or a
/// character in half: Chinese sentences end at 。！？; a cut mid-sentence gets an ellipsis.
package enum Summary {
  package static let limit = 120

  /// The summary a page shows: the one the editor wrote, or its first paragraph, cut.
  package static func of(given: String?, body: RenderedMarkdown?) -> String {
    given ?? body?.summary ?? ""
  }

  private static let sentenceEnds: Set<Character> = ["。", "！", "？", "!", "?", "；", ";"]
  private static let pauses: Set<Character> = ["，", "、", ",", "；", ";", "：", ":", " "]

  package static func cut(_ text: String, limit: Int = Summary.limit) -> String {
    // Fewer bytes than the limit means fewer characters too: most summaries stop here.
    guard text.utf8.count > limit else { return text }
    // Only the characters up to the limit are looked at: a first paragraph can be long.
    let characters = prefix(of: text, count: limit + 1)
    guard characters.count > limit else { return text }
    let window = characters[..<limit]
    if let end = window.lastIndex(where: sentenceEnds.contains), end >= limit / 2 {
      return String(characters[...end])
    }
    var cut = window.endIndex
    // Latin words are not split: back up to the last space when the cut lands in one.
    if characters[cut - 1].isASCII && characters[cut - 1].isLetter,
      let space = window.lastIndex(of: " "), space >= limit / 2
    {
      cut = space
    }
    var summary = String(characters[..<cut])
    while let last = summary.last, pauses.contains(last) { summary.removeLast() }
    return summary + "……"
  }

  /// The first `count` characters of `text`. Where each of them is one scalar that joins no
  /// neighbour (Chinese, Latin, their punctuation: almost every summary), they are read as
  /// scalars, without the search for character boundaries.
  private static func prefix(of text: String, count: Int) -> [Character] {
    var characters: [Character] = []
    characters.reserveCapacity(count)
    for scalar in text.unicodeScalars.prefix(count + 1) {
      guard standsAlone(scalar.value) else { return Array(text.prefix(count)) }
      characters.append(Character(scalar))
    }
    return Array(characters.prefix(count))
  }

  /// Printable ASCII, CJK punctuation (not its combining tone marks, U+302A–U+302F),
  /// ideographs, full-width forms, dashes and quotes: scalars that are a character on their
  /// own, whatever is next to them (no CR, no combining marks, no joiners, no variation
  /// selectors).
  private static func standsAlone(_ value: UInt32) -> Bool {
    (0x20...0x7E).contains(value) || (0x3000...0x3029).contains(value) || (0x3030...0x303F).contains(value)
      || (0x4E00...0x9FFF).contains(value)
      || (0xFF01...0xFF5E).contains(value) || value == 0x2014 || value == 0x2026 || (0x2018...0x201D).contains(value)
  }
}
