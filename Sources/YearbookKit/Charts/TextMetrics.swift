/// Estimates text widths without a font: a Chinese character is one em wide, Latin letters
/// and digits about half. Enough to wrap labels and keep them apart.
enum TextMetrics {
  static func width(_ text: String, fontSize: Double) -> Double {
    var total = 0.0
    for scalar in text.unicodeScalars { total += ems(of: scalar) }
    return total * fontSize
  }

  static func ems(of scalar: Unicode.Scalar) -> Double {
    if scalar.isASCII {
      if scalar == " " { return 0.3 }
      return ("A"..."Z").contains(scalar) ? 0.68 : 0.58
    }
    return SoftBreakRule.kind(of: scalar) == .cjk ? 1 : 0.58
  }

  static func width(of character: Character, fontSize: Double) -> Double {
    character.unicodeScalars.reduce(0) { $0 + ems(of: $1) } * fontSize
  }

  static let closing: Set<Character> = ["，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "”", "’", "…", "%", "》"]

  /// Breaks `text` into lines no wider than `maxWidth`, between characters (never inside
  /// one) and between Latin words where possible; past `maxLines` the last line ends in …
  static func wrap(_ text: String, maxWidth: Double, fontSize: Double, maxLines: Int) -> [String] {
    if width(text, fontSize: fontSize) <= maxWidth { return [text] }
    var lines: [String] = []
    var current = ""
    var currentWidth = 0.0
    for character in text {
      let characterWidth = width(of: character, fontSize: fontSize)
      if currentWidth + characterWidth > maxWidth && !current.isEmpty {
        var carry = ""
        // Keep a Latin word or number whole by moving it to the next line.
        if character.isASCII && !character.isWhitespace,
          let space = current.lastIndex(where: { !$0.isASCII || $0 == " " }),
          current[current.index(after: space)...].allSatisfy({ $0.isASCII && $0 != " " }),
          current.distance(from: space, to: current.endIndex) < current.count
        {
          carry = String(current[current.index(after: space)...])
          current = String(current[...space])
        }
        // Chinese typesetting never starts a line with closing punctuation: take the
        // character before it along to the new line.
        if carry.isEmpty && TextMetrics.closing.contains(character) && current.count > 1 {
          carry = String(current.removeLast())
        }
        lines.append(current.trimmed)
        current = carry + (character == " " ? "" : String(character))
        currentWidth = width(current, fontSize: fontSize)
      } else {
        current.append(character)
        currentWidth += characterWidth
      }
    }
    if !current.isEmpty { lines.append(current.trimmed) }
    if lines.count > maxLines {
      var kept = Array(lines.prefix(maxLines))
      var last = kept[maxLines - 1]
      while !last.isEmpty && width(last + "…", fontSize: fontSize) > maxWidth { last.removeLast() }
      kept[maxLines - 1] = last + "…"
      return kept
    }
    return lines
  }
}
