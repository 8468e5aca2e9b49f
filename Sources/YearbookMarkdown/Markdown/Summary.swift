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
    let characters = Array(text.prefix(limit + 1))
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
}
