import Foundation

/// A Mustache template read into its tags, with each tag's place for errors. The forms a
/// theme may use: text, `{{name}}`, `{{{name}}}` and `{{&name}}`, sections `{{#name}}`,
/// inverted sections `{{^name}}`, partials `{{>name}}`, comments `{{!…}}`, and a layout
/// (`{{<layout}}`) whose blocks (`{{$main}}`) a page fills. Whitespace
/// follows the Mustache specification: a section, comment or partial tag alone on its line
/// takes the line with it, and a partial alone on its line is indented as the tag is.
/// Set-delimiter tags and lambdas (swift-mustache's `{{f(name)}}`) are not supported: each
/// is an error at its place, so nothing after it goes unchecked.
package struct TemplateSyntax: Sendable, Equatable {
  package indirect enum Node: Sendable, Equatable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` and `{{&name}}` (as they are).
    case value(Name, escaped: Bool, at: TemplatePosition)
    case section(Name, inverted: Bool, [Node], at: TemplatePosition)
    /// The partial's text is indented by `indentation` on every line.
    case partial(String, indentation: String, at: TemplatePosition)
    /// `{{$name}}…{{/name}}`: in a layout, what shows unless the page fills the block; in a
    /// page, what fills it.
    case block(String, [Node], at: TemplatePosition)
    /// `{{<layout}}…{{/layout}}`: the layout rendered with these blocks filled.
    case parent(String, indentation: String, blocks: [Node], at: TemplatePosition)
  }

  /// `a.b.c` as its parts; `.` (the current value) has none.
  package struct Name: Sendable, Equatable, CustomStringConvertible {
    package var parts: [String]

    package init(_ text: String) {
      parts = text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    package var description: String { parts.isEmpty ? "." : parts.joined(separator: ".") }
  }

  package var nodes: [Node]

  /// A partial's text for a tag alone on its line: the tag's indent before every line.
  package static func indented(_ text: String, by indentation: String) -> String {
    guard !indentation.isEmpty else { return text }
    var lines = text.components(separatedBy: "\n").map { indentation + $0 }
    if text.hasSuffix("\n") { lines[lines.count - 1] = "" }
    return lines.joined(separator: "\n")
  }

  package init(nodes: [Node]) {
    self.nodes = nodes
  }

  package init(_ text: String, template: SourcePath) throws(TemplateError) {
    var tokens = try Self.tokens(text, template: template)
    Self.removeStandaloneLines(&tokens)
    nodes = try Self.tree(tokens, template: template)
  }

  // MARK: Tokens

  package enum TagKind: Equatable {
    case value(escaped: Bool)
    case open(inverted: Bool)
    case close
    case comment
    case partial
    case block
    case parent
  }

  package enum Token {
    case text(String)
    case tag(TagKind, String, TemplatePosition, indentation: String)
  }

  private static func tokens(_ text: String, template: SourcePath) throws(TemplateError) -> [Token] {
    var tokens: [Token] = []
    var rest = text[...]
    var line = 1
    var lineStart = text.startIndex
    func position(_ index: String.Index) -> TemplatePosition {
      TemplatePosition(template: template, line: line, column: text[lineStart..<index].count + 1)
    }
    // By Unicode scalars: "\r\n" is one Character, which is not "\n".
    func advanceLines(through end: String.Index, from start: String.Index) {
      var index = start
      while let newline = text.unicodeScalars[index..<end].firstIndex(of: "\n") {
        line += 1
        index = text.unicodeScalars.index(after: newline)
        lineStart = index
      }
    }
    while let open = find("{{", in: rest) {
      if open.lowerBound > rest.startIndex {
        tokens.append(.text(String(rest[..<open.lowerBound])))
      }
      advanceLines(through: open.lowerBound, from: rest.startIndex)
      let at = position(open.lowerBound)
      let triple = rest[open.upperBound...].hasPrefix("{")
      let closer = triple ? "}}}" : "}}"
      let bodyStart = triple ? rest.index(after: open.upperBound) : open.upperBound
      guard let close = find(closer, in: rest[bodyStart...]) else {
        throw TemplateError(message: .tagNotClosed(closer), at: at)
      }
      let body = rest[bodyStart..<close.lowerBound]
      let trimmed = body.trimmingCharacters(in: .whitespaces)
      let kind: TagKind
      var name = trimmed
      if triple {
        kind = .value(escaped: false)
      } else if let sigil = trimmed.first, "#^/!>&=$<".contains(sigil) {
        name = String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)
        switch sigil {
        case "#": kind = .open(inverted: false)
        case "^": kind = .open(inverted: true)
        case "/": kind = .close
        case "!": kind = .comment
        case ">": kind = .partial
        case "$": kind = .block
        case "<": kind = .parent
        case "&": kind = .value(escaped: false)
        default:
          throw TemplateError(
            message: .setDelimiterUnsupported(),
            at: at)
        }
      } else {
        kind = .value(escaped: true)
      }
      if kind != .comment {
        guard !name.isEmpty else { throw TemplateError(message: .tagNamesNothing(), at: at) }
        guard !name.contains("(") else {
          throw TemplateError(
            message: .lambdaUnsupported(name),
            at: at)
        }
        guard name == "." || !name.contains(where: { $0.isWhitespace || "{}".contains($0) }) else {
          throw TemplateError(message: .badTagName(name), at: at)
        }
      }
      tokens.append(.tag(kind, name, at, indentation: ""))
      advanceLines(through: close.upperBound, from: open.lowerBound)
      rest = rest[close.upperBound...]
    }
    if !rest.isEmpty { tokens.append(.text(String(rest))) }
    return tokens
  }

  /// Where the ASCII `pattern` first occurs in `text`, compared as UTF-8: Foundation's
  /// `range(of:)` converts the whole template to UTF-16 at every tag.
  private static func find(_ pattern: String, in text: Substring) -> Range<String.Index>? {
    var text = text
    var pattern = pattern
    guard
      let offset = text.withUTF8({ bytes in
        pattern.withUTF8 { ByteSearch.firstIndex(of: $0, in: bytes, from: 0) }
      })
    else { return nil }
    let start = text.utf8.index(text.startIndex, offsetBy: offset)
    return start..<text.utf8.index(start, offsetBy: pattern.utf8.count)
  }

  /// A line that holds only section, inverted, closing, comment, partial, block and layout
  /// tags (one or more) and spaces or tabs is left out whole, its line break too; a partial
  /// or layout there is indented by the line's leading spaces.
  private static func removeStandaloneLines(_ tokens: inout [Token]) {
    var lines: [[Token]] = [[]]
    for token in tokens {
      guard case .text(let text) = token else {
        lines[lines.count - 1].append(token)
        continue
      }
      // Cut the text after each line break ("\r\n" is one Character, so by scalars).
      var scalars = text.unicodeScalars[...]
      while let newline = scalars.firstIndex(of: "\n") {
        let end = scalars.index(after: newline)
        lines[lines.count - 1].append(.text(String(scalars[..<end])))
        lines.append([])
        scalars = scalars[end...]
      }
      if !scalars.isEmpty { lines[lines.count - 1].append(.text(String(scalars))) }
    }
    tokens = lines.flatMap { line -> [Token] in
      var indentation: String?
      var hasTag = false
      for token in line {
        switch token {
        case .text(let text):
          let blank = text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
          guard blank else { return line }
          if !hasTag, indentation == nil { indentation = text.trimmingCharacters(in: .newlines) }
        case .tag(let kind, _, _, _):
          if case .value = kind { return line }
          hasTag = true
        }
      }
      guard hasTag else { return line }
      return line.compactMap { token in
        guard case .tag(let kind, let name, let at, _) = token else { return nil }
        return .tag(kind, name, at, indentation: kind == .partial || kind == .parent ? indentation ?? "" : "")
      }
    }
  }

  // MARK: Tree

  private struct Open {
    var kind: TagKind
    var name: String
    var at: TemplatePosition
    var indentation: String
    var nodes: [Node] = []

    var tag: String {
      let sigil =
        switch kind {
        case .open(let inverted): inverted ? "^" : "#"
        case .block: "$"
        default: "<"
        }
      return "{{\(sigil)\(name)}}"
    }
  }

  private static func tree(_ tokens: [Token], template: SourcePath) throws(TemplateError) -> [Node] {
    var stack = [Open(kind: .comment, name: "", at: .start, indentation: "")]
    for token in tokens {
      switch token {
      case .text(let text):
        if !text.isEmpty { stack[stack.count - 1].nodes.append(.text(text)) }
      case .tag(let kind, let name, let at, let indentation):
        switch kind {
        case .value(let escaped):
          stack[stack.count - 1].nodes.append(.value(Name(name), escaped: escaped, at: at))
        case .open, .block, .parent:
          stack.append(Open(kind: kind, name: name, at: at, indentation: indentation))
        case .close:
          guard stack.count > 1 else {
            throw TemplateError(message: .closesUnopened(name), at: at)
          }
          let open = stack.removeLast()
          guard open.name == name else {
            throw TemplateError(message: .closesOther(name, open: open.tag, openedAt: open.at.lineColumn), at: at)
          }
          let node: Node
          switch open.kind {
          case .open(let inverted): node = .section(Name(name), inverted: inverted, open.nodes, at: open.at)
          case .block: node = .block(name, open.nodes, at: open.at)
          default:
            // Only the blocks inside a layout tag count; other text there is not shown.
            let blocks = open.nodes.filter { if case .block = $0 { true } else { false } }
            node = .parent(name, indentation: open.indentation, blocks: blocks, at: open.at)
          }
          stack[stack.count - 1].nodes.append(node)
        case .comment:
          continue
        case .partial:
          stack[stack.count - 1].nodes.append(.partial(name, indentation: indentation, at: at))
        }
      }
    }
    guard stack.count == 1 else {
      let open = stack[stack.count - 1]
      throw TemplateError(message: .neverClosed(open.tag, name: open.name), at: open.at)
    }
    return stack[0].nodes
  }
}

/// Where in a template a tag is, for errors: `article.mustache:12:5`.
package struct TemplatePosition: Sendable, Equatable, CustomStringConvertible {
  package var template: SourcePath
  package var line: Int
  package var column: Int

  package static let start = TemplatePosition(template: "", line: 1, column: 1)

  package init(template: SourcePath, line: Int, column: Int) {
    self.template = template
    self.line = line
    self.column = column
  }

  package var lineColumn: String { "\(line):\(column)" }
  package var description: String { "\(template):\(line):\(column)" }
}

package struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
  package var message: Message
  package var at: TemplatePosition

  package var description: String { "\(at): error: \(message)" }

  package init(message: Message, at: TemplatePosition) {
    self.message = message
    self.at = at
  }
}
