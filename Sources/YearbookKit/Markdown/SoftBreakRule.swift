import CCmark
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookModel

/// Chinese is written without spaces, but browsers show a line break in the source as a
/// space. A soft break between two Chinese characters (or Chinese punctuation) is dropped
/// so hard-wrapped Chinese Markdown reads as one unbroken sentence.
enum SoftBreakRule {
  static func joinsWithoutSpace(_ softBreak: OpaquePointer) -> Bool {
    guard let before = lastCharacter(before: softBreak), let after = firstCharacter(after: softBreak) else {
      return false
    }
    let (a, b) = (kind(of: before), kind(of: after))
    return (a == .cjk && b != .other) || (b == .cjk && a != .other)
  }

  enum Kind { case cjk, eitherWay, other }

  static func kind(of scalar: Unicode.Scalar) -> Kind {
    switch scalar.value {
    case 0x2E80...0x2FDF,  // CJK radicals
      0x3000...0x303F,  // CJK symbols and punctuation: 。、「」
      0x3040...0x30FF,  // kana
      0x3100...0x312F, 0x31A0...0x31BF,  // bopomofo
      0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,  // Han
      0xFF00...0xFFEF,  // full-width forms: ，！？（）
      0x20000...0x3134F:  // Han extensions
      .cjk
    case 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x00B7:
      // — ‘ ’ “ ” … · serve both scripts: they follow the character on the other side.
      .eitherWay
    default:
      .other
    }
  }

  private static func lastCharacter(before node: OpaquePointer) -> Unicode.Scalar? {
    var current = cmark_node_previous(node)
    while let candidate = current {
      if let literal = literal(of: candidate) { return literal.unicodeScalars.last }
      current = cmark_node_last_child(candidate)
    }
    return nil
  }

  private static func firstCharacter(after node: OpaquePointer) -> Unicode.Scalar? {
    var current = cmark_node_next(node)
    while let candidate = current {
      if let literal = literal(of: candidate) { return literal.unicodeScalars.first }
      current = cmark_node_first_child(candidate)
    }
    return nil
  }

  private static func literal(of node: OpaquePointer) -> String? {
    let type = cmark_node_get_type(node)
    guard type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let pointer = cmark_node_get_literal(node) else {
      return nil
    }
    return String(cString: pointer)
  }
}
