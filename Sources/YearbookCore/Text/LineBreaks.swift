import CWordBreaks
import Synchronization

/// Where a caption or a chart label may break: between words, as ICU's dictionary finds
/// them in Chinese (加大｜科技｜投入), never inside a short phrase in quotation or
/// book-title marks (“十三五”, 《条例》), with punctuation kept on the side Chinese
/// typesetting keeps it (no line starts with ，。》” nor ends with “《（).
package enum LineBreaks {
  /// Closing punctuation, which may not start a line (行首禁则).
  package static let closing: Set<Character> = [
    "，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "”", "’", "…", "%", "》", "】", "〕", "〉", ")", ",", ".", ";", ":",
    "·", "％",
  ]
  /// Opening punctuation, which may not end one (行尾禁则).
  package static let opening: Set<Character> = ["（", "《", "“", "‘", "「", "『", "【", "〔", "〈", "("]
  /// A phrase in marks up to this many characters (the marks included) is kept whole; a
  /// line too short for it still breaks it (the wrapping's last resort).
  package static let phraseLimit = 16

  private static let pairs: [Character: Character] = [
    "“": "”", "‘": "’", "《": "》", "「": "」", "『": "』", "（": "）", "(": ")", "【": "】", "〈": "〉", "〔": "〕",
  ]

  /// `text` cut into the pieces a line may break between; joined, they are `text`.
  package static func pieces(_ text: String) -> [String] {
    if let known = cache.withLock({ $0[text] }) { return known }
    let found = cut(text)
    cache.withLock { cache in
      if cache.count >= cacheLimit { cache.removeAll(keepingCapacity: true) }
      cache[text] = found
    }
    return found
  }

  /// Labels repeat across a site's charts (years, regions, indicators): each is cut once.
  private static let cache = Mutex<[String: [String]]>([:])
  private static let cacheLimit = 20_000

  private static func cut(_ text: String) -> [String] {
    let words = pairedSingles(Self.words(text))
    var pieces: [String] = []
    var index = 0
    while index < words.count {
      var piece = words[index]
      index += 1
      // A short phrase in marks stays whole.
      if piece.count == 1, let mark = piece.first, let closer = pairs[mark] {
        var phrase = piece
        var next = index
        while next < words.count, phrase.count < phraseLimit, !phrase.hasSuffix(String(closer)) {
          phrase += words[next]
          next += 1
        }
        if phrase.hasSuffix(String(closer)) && phrase.count <= phraseLimit {
          piece = phrase
          index = next
        }
      }
      // Closing punctuation and spaces go with what they follow.
      if let first = piece.first, let last = pieces.last,
        closing.contains(first) || first.isWhitespace || (last.last.map(opening.contains) ?? false)
      {
        pieces[pieces.count - 1] = last + piece
      } else {
        pieces.append(piece)
      }
    }
    return pieces
  }

  /// Words ICU's dictionary does not know (同比, 科创, 汇聚) come back one character at a
  /// time; most Chinese words are two characters, so runs of single characters are paired.
  static func pairedSingles(_ words: [String]) -> [String] {
    func isSingleHan(_ word: String) -> Bool {
      word.count == 1 && word.unicodeScalars.allSatisfy { ScriptKind.of($0) == .cjk && $0.properties.isIdeographic }
    }
    var paired: [String] = []
    var index = 0
    while index < words.count {
      if index + 1 < words.count, isSingleHan(words[index]), isSingleHan(words[index + 1]) {
        paired.append(words[index] + words[index + 1])
        index += 2
      } else {
        paired.append(words[index])
        index += 1
      }
    }
    return paired
  }

  /// ICU's word boundaries; the text as one word when ICU cannot segment it.
  static func words(_ text: String) -> [String] {
    let units = Array(text.utf16)
    guard units.count > 1 else { return text.isEmpty ? [] : [text] }
    var breaks = [Int32](repeating: 0, count: units.count + 1)
    let count = units.withUnsafeBufferPointer { buffer in
      breaks.withUnsafeMutableBufferPointer {
        yb_word_breaks(buffer.baseAddress, Int32(buffer.count), $0.baseAddress, Int32($0.count))
      }
    }
    guard count > 0 else { return [text] }
    var words: [String] = []
    var start = 0
    for end in breaks.prefix(Int(count)).map(Int.init) where end > start {
      words.append(String(decoding: units[start..<end], as: UTF16.self))
      start = end
    }
    if start < units.count { words.append(String(decoding: units[start...], as: UTF16.self)) }
    return words
  }
}
