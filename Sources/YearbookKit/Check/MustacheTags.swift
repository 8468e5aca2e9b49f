/// The tags of a Mustache template's text, with their kind, name and position: enough to
/// check what a template asks for without rendering it.
struct MustacheTag: Equatable, Sendable {
  enum Kind: Equatable, Sendable {
    case variable, section, invertedSection, close, partial, parent, block, comment, setDelimiters
  }

  var kind: Kind
  var name: String
  var line: Int
  var column: Int

  static func scan(_ text: String) -> [MustacheTag] {
    var tags: [MustacheTag] = []
    let bytes = Array(text.utf8)
    var line = 1
    var lineStart = 0
    var index = 0
    while index + 1 < bytes.count {
      if bytes[index] == 0x0A {
        line += 1
        lineStart = index + 1
        index += 1
        continue
      }
      guard bytes[index] == 0x7B, bytes[index + 1] == 0x7B else {
        index += 1
        continue
      }
      let triple = index + 2 < bytes.count && bytes[index + 2] == 0x7B
      let closing: [UInt8] = triple ? [0x7D, 0x7D, 0x7D] : [0x7D, 0x7D]
      let contentStart = index + (triple ? 3 : 2)
      var end = contentStart
      while end + closing.count <= bytes.count && !bytes[end..<(end + closing.count)].elementsEqual(closing) {
        end += 1
      }
      guard end + closing.count <= bytes.count else { break }
      let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
      var content = String(decoding: bytes[contentStart..<end], as: UTF8.self).trimmed
      var kind = Kind.variable
      if !triple, let sigil = content.first {
        switch sigil {
        case "#": kind = .section
        case "^": kind = .invertedSection
        case "/": kind = .close
        case ">": kind = .partial
        case "<": kind = .parent
        case "$": kind = .block
        case "!": kind = .comment
        case "=": kind = .setDelimiters
        case "&": kind = .variable
        default: break
        }
        if kind != .variable || sigil == "&" { content = String(content.dropFirst()).trimmed }
      }
      tags.append(MustacheTag(kind: kind, name: content, line: line, column: column))
      for byte in bytes[index..<end] where byte == 0x0A {
        line += 1
      }
      index = end + closing.count
    }
    return tags
  }
}
