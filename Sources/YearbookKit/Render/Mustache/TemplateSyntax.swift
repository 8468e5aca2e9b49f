import Foundation

/// A Mustache template read into its tags, with each tag's place for errors. The forms a
/// theme may use: text, `{{name}}`, `{{{name}}}` and `{{&name}}`, sections `{{#name}}`,
/// inverted sections `{{^name}}`, partials `{{>name}}` and comments `{{!…}}`. Whitespace
/// follows the Mustache specification: a section, comment or partial tag alone on its line
/// takes the line with it, and a partial alone on its line is indented as the tag is.
/// Set-delimiter tags and lambdas are not supported: a delimiter tag is an error at its
/// place, so nothing after it goes unchecked.
struct TemplateSyntax: Sendable, Equatable {
  indirect enum Node: Sendable, Equatable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` and `{{&name}}` (as they are).
    case value(Name, escaped: Bool, at: TemplatePosition)
    case section(Name, inverted: Bool, [Node], at: TemplatePosition)
    /// The partial's text is indented by `indentation` on every line.
    case partial(String, indentation: String, at: TemplatePosition)
  }

  /// `a.b.c` as its parts; `.` (the current value) has none.
  struct Name: Sendable, Equatable, CustomStringConvertible {
    var parts: [String]

    init(_ text: String) {
      parts = text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    var description: String { parts.isEmpty ? "." : parts.joined(separator: ".") }
  }

  var nodes: [Node]

  init(nodes: [Node]) {
    self.nodes = nodes
  }

  init(_ text: String, template: String) throws(TemplateError) {
    var tokens = try Self.tokens(text, template: template)
    Self.removeStandaloneLines(&tokens)
    nodes = try Self.tree(tokens, template: template)
  }

  // MARK: Tokens

  enum TagKind: Equatable {
    case value(escaped: Bool)
    case open(inverted: Bool)
    case close
    case comment
    case partial
  }

  enum Token {
    /// `startsLine`: the text begins a line (the template's start, or after a standalone
    /// tag took the rest of the line before it).
    case text(String, startsLine: Bool)
    case tag(TagKind, String, TemplatePosition, indentation: String)
  }

  private static func tokens(_ text: String, template: String) throws(TemplateError) -> [Token] {
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
    while let open = rest.range(of: "{{") {
      if open.lowerBound > rest.startIndex {
        tokens.append(.text(String(rest[..<open.lowerBound]), startsLine: tokens.isEmpty))
      }
      advanceLines(through: open.lowerBound, from: rest.startIndex)
      let at = position(open.lowerBound)
      let triple = rest[open.upperBound...].hasPrefix("{")
      let closer = triple ? "}}}" : "}}"
      let bodyStart = triple ? rest.index(after: open.upperBound) : open.upperBound
      guard let close = rest[bodyStart...].range(of: closer) else {
        throw TemplateError(message: "this tag has no closing \(closer)", at: at)
      }
      let body = rest[bodyStart..<close.lowerBound]
      let trimmed = body.trimmingCharacters(in: .whitespaces)
      let kind: TagKind
      var name = trimmed
      if triple {
        kind = .value(escaped: false)
      } else if let sigil = trimmed.first, "#^/!>&=".contains(sigil) {
        name = String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)
        switch sigil {
        case "#": kind = .open(inverted: false)
        case "^": kind = .open(inverted: true)
        case "/": kind = .close
        case "!": kind = .comment
        case ">": kind = .partial
        case "&": kind = .value(escaped: false)
        default:
          throw TemplateError(
            message:
              "a set-delimiter tag ({{=… …=}}) is not supported; keep the {{ }} delimiters (write a literal {{ as {{{open}}} from a field)",
            at: at)
        }
      } else {
        kind = .value(escaped: true)
      }
      if kind != .comment {
        guard !name.isEmpty else { throw TemplateError(message: "this tag names nothing", at: at) }
        guard name == "." || !name.contains(where: { $0.isWhitespace || "{}".contains($0) }) else {
          throw TemplateError(message: "“\(name)” is not a name a tag can use", at: at)
        }
      }
      tokens.append(.tag(kind, name, at, indentation: ""))
      advanceLines(through: close.upperBound, from: open.lowerBound)
      rest = rest[close.upperBound...]
    }
    if !rest.isEmpty { tokens.append(.text(String(rest), startsLine: tokens.isEmpty)) }
    return tokens
  }

  /// A section, inverted, closing, comment or partial tag alone on its line (but for
  /// spaces and tabs) takes the whole line; a partial's leading spaces become its indent.
  private static func removeStandaloneLines(_ tokens: inout [Token]) {
    for index in tokens.indices {
      guard case .tag(let kind, let name, let at, _) = tokens[index] else { continue }
      if case .value = kind { continue }
      // Before: the start of the template, or text whose last line is blank and begins a line.
      var indentation = ""
      var before: (index: Int, keep: String)?
      if index > 0 {
        guard case .text(let text, let startsLine) = tokens[index - 1] else { continue }
        let scalars = text.unicodeScalars
        let lineStart: String.Index
        if let newline = scalars.lastIndex(of: "\n") {
          lineStart = scalars.index(after: newline)
        } else {
          guard startsLine else { continue }
          lineStart = scalars.startIndex
        }
        let lastLine = scalars[lineStart...]
        guard lastLine.allSatisfy({ $0 == " " || $0 == "\t" }) else { continue }
        indentation = String(lastLine)
        before = (index - 1, String(scalars[..<lineStart]))
      }
      // After: the end of the template, or text whose first line is blank.
      var after: (index: Int, keep: String)?
      if index + 1 < tokens.count {
        guard case .text(let text, _) = tokens[index + 1] else { continue }
        let rest = text.unicodeScalars.drop { $0 == " " || $0 == "\t" }
        if rest.starts(with: ["\r", "\n"]) {
          after = (index + 1, String(rest.dropFirst(2)))
        } else if rest.first == "\n" {
          after = (index + 1, String(rest.dropFirst()))
        } else if rest.isEmpty && index + 2 == tokens.count {
          after = (index + 1, "")
        } else {
          continue
        }
      }
      if let before, case .text(_, let startsLine) = tokens[before.index] {
        tokens[before.index] = .text(before.keep, startsLine: startsLine)
      }
      if let after { tokens[after.index] = .text(after.keep, startsLine: true) }
      tokens[index] = .tag(kind, name, at, indentation: kind == .partial ? indentation : "")
    }
  }

  // MARK: Tree

  private static func tree(_ tokens: [Token], template: String) throws(TemplateError) -> [Node] {
    var stack: [(name: String, inverted: Bool, at: TemplatePosition, nodes: [Node])] = [("", false, .start, [])]
    for token in tokens {
      switch token {
      case .text(let text, _):
        if !text.isEmpty { stack[stack.count - 1].nodes.append(.text(text)) }
      case .tag(let kind, let name, let at, let indentation):
        switch kind {
        case .value(let escaped):
          stack[stack.count - 1].nodes.append(.value(Name(name), escaped: escaped, at: at))
        case .open(let inverted):
          stack.append((name, inverted, at, []))
        case .close:
          guard stack.count > 1 else {
            throw TemplateError(message: "{{/\(name)}} closes a section that was never opened", at: at)
          }
          let section = stack.removeLast()
          guard section.name == name else {
            throw TemplateError(
              message:
                "{{/\(name)}} closes {{\(section.inverted ? "^" : "#")\(section.name)}} (opened at \(section.at.lineColumn))",
              at: at)
          }
          stack[stack.count - 1].nodes.append(
            .section(Name(name), inverted: section.inverted, section.nodes, at: section.at))
        case .comment:
          continue
        case .partial:
          stack[stack.count - 1].nodes.append(.partial(name, indentation: indentation, at: at))
        }
      }
    }
    guard stack.count == 1 else {
      let open = stack[stack.count - 1]
      throw TemplateError(
        message: "{{\(open.inverted ? "^" : "#")\(open.name)}} is never closed (add {{/\(open.name)}})", at: open.at)
    }
    return stack[0].nodes
  }
}

/// Where in a template a tag is, for errors: `article.mustache:12:5`.
struct TemplatePosition: Sendable, Equatable, CustomStringConvertible {
  var template: String
  var line: Int
  var column: Int

  static let start = TemplatePosition(template: "", line: 1, column: 1)

  var lineColumn: String { "\(line):\(column)" }
  var description: String { "\(template):\(line):\(column)" }
}

struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
  var message: String
  var at: TemplatePosition

  var description: String { "\(at): error: \(message)" }
}
