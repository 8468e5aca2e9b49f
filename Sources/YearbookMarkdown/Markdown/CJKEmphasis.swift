import CCmark
import Foundation
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookModel

/// Bold and italics next to Chinese punctuation. CommonMark counts `。` as punctuation, so
/// in `全年**各项目标全部完成。**这标志着` the second `**` (after `。`, before `这`) can
/// neither close nor usefully open, and cmark leaves both runs as literal asterisks
/// (commonmark-spec issue 650). Chinese writers hit this in almost every article.
///
/// Where a run's flanking fails only because of CJK punctuation next to CJK text, the
/// emphasis of its inline container (a paragraph, heading, table cell or link text) is
/// worked out again: cmark's emphasis is taken apart into its delimiter runs, and
/// CommonMark's delimiter algorithm runs over them with one change to the flanking rules:
/// CJK punctuation (。，「」…) counts as an ordinary character, and so do quotes “”, code
/// spans and links next to a run whose other side is CJK. Containers where no run is
/// affected keep cmark's output exactly, and unmatched asterisks stay text.
package enum CJKEmphasis {
  /// Works again on every container of `texts` (the document's text nodes) that needs it.
  /// `lines` gives the source line a node starts on (a table cell's own text for a node
  /// in a cell) so escaped `\*` is told from a run.
  /// Returns whether anything changed.
  @discardableResult
  package static func apply(toParentsOf texts: [OpaquePointer], lines: (OpaquePointer) -> Substring.UTF8View?) -> Bool {
    var containers: [OpaquePointer] = []
    var seen: Set<OpaquePointer> = []
    for text in texts {
      guard let literal = cmark_node_get_literal(text), strpbrk(literal, "*_") != nil,
        let container = container(of: text), seen.insert(container).inserted
      else { continue }
      containers.append(container)
    }
    var changed = false
    for container in containers where redo(container, lines: lines) { changed = true }
    return changed
  }

  /// The nearest ancestor whose children delimiters can pair across: emphasis is taken
  /// apart with its container, links keep their own.
  private static func container(of node: OpaquePointer) -> OpaquePointer? {
    var current = cmark_node_parent(node)
    while let parent = current {
      let type = cmark_node_get_type(parent)
      if type != CMARK_NODE_EMPH && type != CMARK_NODE_STRONG { return parent }
      current = cmark_node_parent(parent)
    }
    return nil
  }

  // MARK: Taking the container apart

  private enum Item {
    case text([Unicode.Scalar])
    case node(OpaquePointer)
    case run(Int)
    case wrapped(strong: Bool, [Item])
  }

  private struct Run {
    var delimiter: Unicode.Scalar
    var length: Int
    var remaining: Int
    var canOpen = false
    var canClose = false
    var standardOpen = false
    var standardClose = false
  }

  private struct Tokens {
    var items: [Item] = []
    var runs: [Run] = []
    /// Nodes taken apart: freed once the container is rebuilt.
    var discarded: [OpaquePointer] = []

    mutating func addRun(_ delimiter: Unicode.Scalar, length: Int) {
      // Neighbouring runs of one character were one run in the source.
      if case .run(let last)? = items.last, runs[last].delimiter == delimiter {
        runs[last].length += length
        runs[last].remaining += length
        return
      }
      items.append(.run(runs.count))
      runs.append(Run(delimiter: delimiter, length: length, remaining: length))
    }

    mutating func addText(_ scalars: [Unicode.Scalar]) {
      guard !scalars.isEmpty else { return }
      if case .text(let previous)? = items.last {
        items[items.count - 1] = .text(previous + scalars)
      } else {
        items.append(.text(scalars))
      }
    }
  }

  /// Whether any `*` or `_` in the container stands next to CJK punctuation, or next to a
  /// quote, dash or other node with CJK on its other side: the only runs the relaxed rules
  /// treat differently. A quick look, so most paragraphs with bold are left alone.
  private static func mayChange(childrenOf parent: OpaquePointer) -> Bool {
    var child = cmark_node_first_child(parent)
    var previousType = CMARK_NODE_NONE
    while let node = child {
      child = cmark_node_next(node)
      let type = cmark_node_get_type(node)
      defer { previousType = type }
      if type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG {
        if mayChange(childrenOf: node) { return true }
        continue
      }
      guard type == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node), strpbrk(literal, "*_") != nil else {
        continue
      }
      let scalars = Array(String(cString: literal).unicodeScalars)
      let before = isNodeEdge(previousType) ? nodeEdge : "\n"
      let after = child.map { isNodeEdge(cmark_node_get_type($0)) ? nodeEdge : "\n" } ?? "\n"
      var index = 0
      while index < scalars.count {
        let delimiter = scalars[index]
        guard delimiter == "*" || delimiter == "_" else {
          index += 1
          continue
        }
        var end = index
        while end < scalars.count && scalars[end] == delimiter { end += 1 }
        let previous = index > 0 ? scalars[index - 1] : before
        let next = end < scalars.count ? scalars[end] : after
        if isCJKPunctuation(previous) || isCJKPunctuation(next) { return true }
        if isShared(previous) && isCJK(next) || isShared(next) && isCJK(previous) { return true }
        index = end
      }
    }
    return false
  }

  private static func isNodeEdge(_ type: cmark_node_type) -> Bool {
    type == CMARK_NODE_CODE || type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE || type == CMARK_NODE_CUSTOM_INLINE
  }

  /// Punctuation both Chinese and Western text use, and other nodes, which count as
  /// ordinary characters only beside CJK text.
  private static func isShared(_ scalar: Unicode.Scalar) -> Bool {
    scalar == nodeEdge || (isPunctuation(scalar) && !isCJKPunctuation(scalar))
  }

  private static func redo(_ container: OpaquePointer, lines: (OpaquePointer) -> Substring.UTF8View?) -> Bool {
    guard mayChange(childrenOf: container) else { return false }
    var tokens = Tokens()
    tokenize(childrenOf: container, into: &tokens, lines: lines)
    for index in tokens.items.indices {
      guard case .run(let id) = tokens.items[index] else { continue }
      let previous = index > 0 ? lastScalar(of: tokens.items[index - 1], tokens.runs) : start(of: container)
      let next =
        index + 1 < tokens.items.count ? firstScalar(of: tokens.items[index + 1], tokens.runs) : end(of: container)
      let delimiter = tokens.runs[id].delimiter
      (tokens.runs[id].standardOpen, tokens.runs[id].standardClose) = abilities(
        delimiter, previous, next, relaxed: false)
      (tokens.runs[id].canOpen, tokens.runs[id].canClose) = abilities(delimiter, previous, next, relaxed: true)
    }
    guard tokens.runs.contains(where: { $0.canOpen != $0.standardOpen || $0.canClose != $0.standardClose }) else {
      return false
    }
    var items = tokens.items
    var runs = tokens.runs
    match(&items, runs: &runs)
    var child = cmark_node_first_child(container)
    while let node = child {
      child = cmark_node_next(node)
      cmark_node_unlink(node)
    }
    for node in tokens.discarded { cmark_node_unlink(node) }
    for node in build(items, runs: runs) { cmark_node_append_child(container, node) }
    for node in tokens.discarded { cmark_node_free(node) }
    return true
  }

  /// Text becomes characters and delimiter runs; cmark's emphasis becomes its runs again
  /// around its content; other nodes stay whole.
  private static func tokenize(
    childrenOf parent: OpaquePointer, into tokens: inout Tokens, lines: (OpaquePointer) -> Substring.UTF8View?
  ) {
    var child = cmark_node_first_child(parent)
    while let node = child {
      child = cmark_node_next(node)
      switch cmark_node_get_type(node) {
      case CMARK_NODE_TEXT:
        tokens.discarded.append(node)
        let scalars = Array((cmark_node_get_literal(node).map { String(cString: $0) } ?? "").unicodeScalars)
        let real = unescaped(node, scalars: scalars, lines: lines)
        var index = 0
        var plain: [Unicode.Scalar] = []
        while index < scalars.count {
          let scalar = scalars[index]
          guard (scalar == "*" || scalar == "_") && real[index] else {
            plain.append(scalar)
            index += 1
            continue
          }
          var end = index
          while end < scalars.count && scalars[end] == scalar && real[end] { end += 1 }
          tokens.addText(plain)
          plain = []
          tokens.addRun(scalar, length: end - index)
          index = end
        }
        tokens.addText(plain)
      case CMARK_NODE_EMPH, CMARK_NODE_STRONG:
        tokens.discarded.append(node)
        let length = cmark_node_get_type(node) == CMARK_NODE_STRONG ? 2 : 1
        let delimiter = delimiterCharacter(of: node, lines: lines)
        tokens.addRun(delimiter, length: length)
        tokenize(childrenOf: node, into: &tokens, lines: lines)
        tokens.addRun(delimiter, length: length)
      default:
        tokens.items.append(.node(node))
      }
    }
  }

  /// `*` or `_`, read from the source where cmark says the emphasis starts.
  private static func delimiterCharacter(of node: OpaquePointer, lines: (OpaquePointer) -> Substring.UTF8View?)
    -> Unicode.Scalar
  {
    let column = Int(cmark_node_get_start_column(node)) - 1
    guard let line = lines(node), column >= 0,
      let byte = line.dropFirst(column).first
    else { return "*" }
    return byte == UInt8(ascii: "_") ? "_" : "*"
  }

  /// Which characters of a text node were written as themselves: cmark hands `\*` back as
  /// `*` in the same merged text node, so the node is lined up with its source line.
  private static func unescaped(
    _ node: OpaquePointer, scalars: [Unicode.Scalar], lines: (OpaquePointer) -> Substring.UTF8View?
  ) -> [Bool] {
    let none = [Bool](repeating: false, count: scalars.count)
    let line = Int(cmark_node_get_start_line(node))
    guard line > 0, let source = lines(node).map(Array.init), let pointer = cmark_node_get_literal(node) else {
      return none
    }
    let literal = Array(UnsafeBufferPointer(start: pointer, count: strlen(pointer))).map { UInt8(bitPattern: $0) }
    // Flags per byte of the literal; escapes are of ASCII punctuation, one byte each.
    func align(from start: Int) -> [Bool]? {
      var flags = [Bool](repeating: true, count: literal.count)
      var position = start
      for index in literal.indices {
        guard position < source.count else { return nil }
        if source[position] == literal[index] {
          position += 1
        } else if source[position] == UInt8(ascii: "\\"), position + 1 < source.count,
          source[position + 1] == literal[index]
        {
          flags[index] = false
          position += 2
        } else {
          return nil
        }
      }
      return flags
    }
    // cmark's column is right for most lines; a lazy continuation line is off by its indent.
    let column = Int(cmark_node_get_start_column(node)) - 1
    var flags = column >= 0 ? align(from: column) : nil
    var start = 0
    while flags == nil && start < source.count {
      if start != column { flags = align(from: start) }
      start += 1
    }
    guard let flags else { return none }
    var result: [Bool] = []
    result.reserveCapacity(scalars.count)
    var offset = 0
    for scalar in scalars {
      result.append(flags[offset])
      offset += UTF8.width(scalar)
    }
    return result
  }

  /// Stands for a code span, link or image beside a run: punctuation to CommonMark (it
  /// sees the backtick or bracket), an ordinary character next to CJK text here.
  package static let nodeEdge: Unicode.Scalar = "\u{E000}"

  private static func lastScalar(of item: Item, _ runs: [Run]) -> Unicode.Scalar {
    switch item {
    case .text(let scalars): scalars.last ?? "\n"
    case .run(let id): runs[id].delimiter
    case .wrapped: "*"
    case .node(let node):
      switch cmark_node_get_type(node) {
      case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: "\n"
      case CMARK_NODE_HTML_INLINE: ">"
      default: nodeEdge
      }
    }
  }

  private static func firstScalar(of item: Item, _ runs: [Run]) -> Unicode.Scalar {
    switch item {
    case .text(let scalars): scalars.first ?? "\n"
    case .run(let id): runs[id].delimiter
    case .wrapped: "*"
    case .node(let node):
      switch cmark_node_get_type(node) {
      case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: "\n"
      case CMARK_NODE_HTML_INLINE: "<"
      default: nodeEdge
      }
    }
  }

  private static func start(of container: OpaquePointer) -> Unicode.Scalar {
    switch cmark_node_get_type(container) {
    case CMARK_NODE_LINK, CMARK_NODE_IMAGE: "["
    default: "\n"
    }
  }

  private static func end(of container: OpaquePointer) -> Unicode.Scalar {
    switch cmark_node_get_type(container) {
    case CMARK_NODE_LINK, CMARK_NODE_IMAGE: "]"
    default: "\n"
    }
  }

  // MARK: Flanking

  /// CommonMark's left- and right-flanking rules. `relaxed` counts CJK punctuation as an
  /// ordinary character, and quotes, dashes, code spans and links too when the run's
  /// other side is CJK.
  private static func abilities(
    _ delimiter: Unicode.Scalar, _ previous: Unicode.Scalar, _ next: Unicode.Scalar, relaxed: Bool
  ) -> (open: Bool, close: Bool) {
    func punctuation(_ scalar: Unicode.Scalar, across other: Unicode.Scalar) -> Bool {
      guard scalar == nodeEdge || isPunctuation(scalar) else { return false }
      guard relaxed else { return true }
      if isCJKPunctuation(scalar) { return false }
      return !isCJK(other)
    }
    let previousIsPunctuation = punctuation(previous, across: next)
    let nextIsPunctuation = punctuation(next, across: previous)
    let left = !isWhitespace(next) && (!nextIsPunctuation || isWhitespace(previous) || previousIsPunctuation)
    let right = !isWhitespace(previous) && (!previousIsPunctuation || isWhitespace(next) || nextIsPunctuation)
    if delimiter == "_" {
      return (left && (!right || previousIsPunctuation), right && (!left || nextIsPunctuation))
    }
    return (left, right)
  }

  /// Han, kana, hangul, CJK punctuation and full-width forms.
  package static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x2E80...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF:
      true
    default: false
    }
  }

  package static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
      || scalar.properties.generalCategory == .spaceSeparator
  }

  /// As cmark 0.30 has it: ASCII punctuation and Unicode's P categories.
  package static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      return (0x21...0x2F).contains(scalar.value) || (0x3A...0x40).contains(scalar.value)
        || (0x5B...0x60).contains(scalar.value) || (0x7B...0x7E).contains(scalar.value)
    }
    switch scalar.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
      .finalPunctuation, .otherPunctuation:
      return true
    default:
      return false
    }
  }

  /// Punctuation only Chinese, Japanese and Korean text uses: 。，、；：？！ and the other
  /// full-width forms, 「」『』《》【】（）. Quotes “” and dashes are shared with Western
  /// text, so they count only beside CJK text.
  package static func isCJKPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    guard isPunctuation(scalar) else { return false }
    switch scalar.value {
    case 0x3000...0x303F, 0xFF00...0xFFEF, 0xFE10...0xFE1F, 0xFE30...0xFE4F: return true
    default: return false
    }
  }

  // MARK: Pairing

  /// CommonMark's delimiter algorithm ("process emphasis") with relaxed flanking.
  private static func match(_ items: inout [Item], runs: inout [Run]) {
    var openers: [Int] = []
    for closer in runs.indices {
      if runs[closer].canClose {
        while runs[closer].remaining > 0 {
          guard let stackIndex = openers.lastIndex(where: { opens($0, closer, runs) }) else { break }
          let opener = openers[stackIndex]
          let used = runs[opener].remaining >= 2 && runs[closer].remaining >= 2 ? 2 : 1
          wrap(&items, from: opener, to: closer, strong: used == 2)
          runs[opener].remaining -= used
          runs[closer].remaining -= used
          openers.removeSubrange((stackIndex + (runs[opener].remaining == 0 ? 0 : 1))...)
        }
      }
      if runs[closer].remaining > 0 && runs[closer].canOpen { openers.append(closer) }
    }
  }

  private static func opens(_ opener: Int, _ closer: Int, _ runs: [Run]) -> Bool {
    let open = runs[opener]
    let close = runs[closer]
    guard open.delimiter == close.delimiter, open.remaining > 0, open.canOpen else { return false }
    // The rule of three, on the runs' lengths as written.
    if (open.canClose || close.canOpen) && (open.length + close.length) % 3 == 0
      && !(open.length % 3 == 0 && close.length % 3 == 0)
    {
      return false
    }
    return true
  }

  /// Puts the items between two runs into an emphasis item.
  private static func wrap(_ items: inout [Item], from opener: Int, to closer: Int, strong: Bool) {
    func position(of run: Int) -> Int? {
      items.firstIndex {
        if case .run(let id) = $0 { return id == run }
        return false
      }
    }
    guard let start = position(of: opener), let end = position(of: closer), start < end else { return }
    let inner = Array(items[(start + 1)..<end])
    items.replaceSubrange((start + 1)..<end, with: [.wrapped(strong: strong, inner)])
  }

  // MARK: Building nodes

  private static func build(_ items: [Item], runs: [Run]) -> [OpaquePointer] {
    var nodes: [OpaquePointer] = []
    var pending: [Unicode.Scalar] = []
    func flush() {
      guard !pending.isEmpty, let node = cmark_node_new(CMARK_NODE_TEXT) else { return }
      var text = String.UnicodeScalarView()
      text.append(contentsOf: pending)
      cmark_node_set_literal(node, String(text))
      nodes.append(node)
      pending = []
    }
    for item in items {
      switch item {
      case .text(let scalars):
        pending += scalars
      case .run(let id):
        pending += [Unicode.Scalar](repeating: runs[id].delimiter, count: runs[id].remaining)
      case .node(let node):
        flush()
        nodes.append(node)
      case .wrapped(let strong, let inner):
        flush()
        guard let node = cmark_node_new(strong ? CMARK_NODE_STRONG : CMARK_NODE_EMPH) else { continue }
        for child in build(inner, runs: runs) { cmark_node_append_child(node, child) }
        nodes.append(node)
      }
    }
    flush()
    return nodes
  }
}
