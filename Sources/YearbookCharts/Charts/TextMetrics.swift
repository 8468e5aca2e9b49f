import YearbookCore
import YearbookLoad
import YearbookModel

/// Estimates text widths without a font: a Chinese character is one em wide, Latin letters
/// and digits about half. Enough to wrap labels and keep them apart.
package enum TextMetrics {
  package static func width(_ text: String, fontSize: Double) -> Double {
    var total = 0.0
    for scalar in text.unicodeScalars { total += ems(of: scalar) }
    return total * fontSize
  }

  package static func ems(of scalar: Unicode.Scalar) -> Double {
    if scalar.isASCII {
      if scalar == " " { return 0.3 }
      return ("A"..."Z").contains(scalar) ? 0.68 : 0.58
    }
    return ScriptKind.of(scalar) == .cjk ? 1 : 0.58
  }

  package static func width(of character: Character, fontSize: Double) -> Double {
    character.unicodeScalars.reduce(0) { $0 + ems(of: $1) } * fontSize
  }

  /// Chinese typesetting never starts a line with these (行首禁则)...
  package static let closing: Set<Character> = [
    "，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "”", "’", "…", "%", "》", "】", "〕", "〉", ")", ",", ".", ";", ":",
    "·",
  ]
  /// ...nor ends one with these (行尾禁则).
  package static let opening: Set<Character> = ["（", "《", "“", "‘", "「", "『", "【", "〔", "〈", "("]

  /// Breaks `text` into lines no wider than `maxWidth`, between characters (never inside
  /// one) and between Latin words where possible; past `maxLines` the last line ends in …
  package static func wrap(_ text: String, maxWidth: Double, fontSize: Double, maxLines: Int) -> [String] {
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
    lines = keptTogether(lines, maxWidth: maxWidth, fontSize: fontSize)
    if lines.count > maxLines {
      var kept = Array(lines.prefix(maxLines))
      var last = kept[maxLines - 1]
      while !last.isEmpty && width(last + "…", fontSize: fontSize) > maxWidth { last.removeLast() }
      kept[maxLines - 1] = last + "…"
      return kept
    }
    return lines
  }

  /// Mends breaks a reader would stumble on: an opening bracket left at a line's end goes
  /// down with what it opens, and a last line of one character takes company from the line
  /// above (moving past closing punctuation, which may not start a line).
  package static func keptTogether(_ lines: [String], maxWidth: Double, fontSize: Double) -> [String] {
    var lines = lines
    for index in lines.indices.dropLast() {
      while let last = lines[index].last, opening.contains(last), lines[index].count > 1 {
        lines[index].removeLast()
        lines[index + 1].insert(last, at: lines[index + 1].startIndex)
      }
    }
    guard lines.count >= 2, let lone = lines.last, lone.count == 1 else { return lines.filter { !$0.isEmpty } }
    var above = lines[lines.count - 2]
    var moved = lone
    repeat {
      guard above.count > 2 else { return lines }
      moved.insert(above.removeLast(), at: moved.startIndex)
    } while moved.first.map(closing.contains) == true || above.last.map(opening.contains) == true
    guard width(moved, fontSize: fontSize) <= maxWidth else { return lines }
    lines[lines.count - 2] = above
    lines[lines.count - 1] = moved
    return lines
  }
}
