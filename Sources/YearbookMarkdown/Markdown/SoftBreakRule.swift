import CCmark
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookModel

/// Chinese is written without spaces, but browsers show a line break in the source as a
/// space. A soft break between two Chinese characters (or Chinese punctuation) is dropped
/// so hard-wrapped Chinese Markdown reads as one unbroken sentence.
package enum SoftBreakRule {
  package static func joinsWithoutSpace(_ softBreak: OpaquePointer) -> Bool {
    guard let before = lastCharacter(before: softBreak), let after = firstCharacter(after: softBreak) else {
      return false
    }
    let (a, b) = (ScriptKind.of(before), ScriptKind.of(after))
    return (a == .cjk && b != .other) || (b == .cjk && a != .other)
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
