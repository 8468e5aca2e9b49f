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

  package static var closing: Set<Character> { LineBreaks.closing }
  package static var opening: Set<Character> { LineBreaks.opening }

  /// Breaks `text` into lines no wider than `maxWidth`: between words and short phrases in
  /// marks (`LineBreaks`), inside one only when it is wider than a line; past `maxLines`
  /// the last line ends in …
  package static func wrap(_ text: String, maxWidth: Double, fontSize: Double, maxLines: Int) -> [String] {
    if width(text, fontSize: fontSize) <= maxWidth { return [text] }
    var lines: [String] = []
    var current = ""
    var currentWidth = 0.0
    func startLine(with text: String) {
      lines.append(current.trimmed)
      current = String(text.drop { $0 == " " })
      currentWidth = width(current, fontSize: fontSize)
    }
    for piece in LineBreaks.pieces(text) {
      let pieceWidth = width(piece, fontSize: fontSize)
      if currentWidth + pieceWidth <= maxWidth || current.isEmpty && pieceWidth <= maxWidth {
        current += piece
        currentWidth += pieceWidth
      } else if pieceWidth <= maxWidth {
        startLine(with: piece)
      } else {
        // Wider than a line: broken between characters, the last resort.
        for character in piece {
          let characterWidth = width(of: character, fontSize: fontSize)
          if currentWidth + characterWidth > maxWidth && !current.isEmpty {
            // No line starts with closing punctuation: the character before it comes along.
            let carry = closing.contains(character) && current.count > 1 ? String(current.removeLast()) : ""
            startLine(with: carry + String(character))
          } else {
            current.append(character)
            currentWidth += characterWidth
          }
        }
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
    // The last word of the line above comes down with it, whole.
    var pieces = LineBreaks.pieces(lines[lines.count - 2])
    guard pieces.count > 1, let last = pieces.popLast() else { return lines }
    let above = pieces.joined()
    let moved = last + lone
    guard width(moved, fontSize: fontSize) <= maxWidth else { return lines }
    lines[lines.count - 2] = above
    lines[lines.count - 1] = moved
    return lines
  }
}
