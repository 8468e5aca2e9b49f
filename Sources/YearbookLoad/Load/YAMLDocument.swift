import Foundation
import Yams
import YearbookCore
import YearbookModel

/// A YAML mapping read key by key with positions, so each wrong value is reported at its
/// own line and column in the file rather than as a decoding failure of the whole file.
package struct YAMLDocument {
  package let file: SourcePath
  /// Lines of the file before the YAML text (1 for front matter after `---`).
  package let lineOffset: Int
  private(set) var mapping: Node.Mapping?
  /// The mapping's values with their keys as text, found once rather than by a walk of the
  /// mapping's nodes per key; a list, as a mapping has a few keys and a `Dictionary` costs
  /// more to build than a look along it.
  private var values: [(key: String, value: Node)] = []
  package var diagnostics: [Diagnostic] = []

  /// Yams makes a new constructor, with three dictionaries, every time one is asked for;
  /// one is shared instead. Its maps are constants and `compose` only reads them.
  nonisolated(unsafe) private static let constructor = Constructor.default

  /// Parses `yaml`; a syntax error becomes a diagnostic and leaves an empty document.
  package init(yaml: String, file: SourcePath, lineOffset: Int) {
    self.file = file
    self.lineOffset = lineOffset
    self.mapping = nil
    var mapping: Node.Mapping?
    do {
      // Keys and values are read as text here, so the basic resolver serves: the default one
      // matches every scalar against regular expressions while checking for duplicate keys.
      let node = try Yams.compose(yaml: yaml, .basic, Self.constructor, .utf8)
      switch node {
      case nil:
        mapping = Node.Mapping([])
      case .mapping(let value)?:
        mapping = value
      case let other?:
        mapping = nil
        diagnostics.append(
          .error(.yamlExpectedMapping(found: YAMLDocument.kind(of: other)), at: location(of: other)))
      }
    } catch {
      mapping = nil
      diagnostics.append(yamlDiagnostic(error, yaml: yaml))
    }
    self.mapping = mapping
    values = Self.values(of: mapping)
  }

  package init(node: Node.Mapping, file: SourcePath, lineOffset: Int) {
    self.file = file
    self.lineOffset = lineOffset
    self.mapping = node
    values = Self.values(of: node)
  }

  /// Each key's value, first written first (Yams refuses a key written twice).
  private static func values(of mapping: Node.Mapping?) -> [(key: String, value: Node)] {
    guard let mapping else { return [] }
    var values: [(key: String, value: Node)] = []
    values.reserveCapacity(mapping.count)
    for (key, value) in mapping {
      guard let name = key.scalar?.string else { continue }
      values.append((name, value))
    }
    return values
  }

  package var isValid: Bool { mapping != nil }

  /// The keys as written, in order (`sheets:` names a workbook's sheets).
  package var keys: [String] { mapping?.compactMap { $0.key.scalar?.string } ?? [] }

  package func location(of node: Node?) -> SourceLocation {
    guard let mark = node?.mark else { return SourceLocation(file: file, line: lineOffset + 1, column: 1) }
    return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
  }

  package func location(ofKey key: String) -> SourceLocation {
    location(of: keyNode(key))
  }

  private func keyNode(_ key: String) -> Node? {
    mapping?.first { $0.key.scalar?.string == key }?.key
  }

  package func node(_ key: String) -> Node? {
    guard let value = values.first(where: { $0.key == key })?.value else {
      return nil
    }
    if case .scalar(let scalar) = value, scalar.style == .plain {
      switch scalar.string {
      case "", "~", "null", "Null", "NULL": return nil
      default: break
      }
    }
    return value
  }

  package mutating func string(_ key: String, required: Bool = false) -> String? {
    guard let node = node(key) else {
      if required {
        error(
          .yamlMissingKey(key),
          at: SourceLocation(file: file, line: lineOffset == 0 ? 1 : lineOffset, column: 1))
      }
      return nil
    }
    guard case .scalar(let scalar) = node else {
      error(.yamlNotText(key, found: YAMLDocument.kind(of: node)), at: location(of: node))
      return nil
    }
    let text = scalar.string.trimmed
    if required && text.isEmpty {
      error(.yamlEmpty(key), at: location(of: node))
      return nil
    }
    return text
  }

  package mutating func int(_ key: String) -> Int? {
    guard let node = node(key) else { return nil }
    guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
      error(.yamlNotWholeNumber(key, got: YAMLDocument.quoted(node)), at: location(of: node))
      return nil
    }
    return value
  }

  package mutating func bool(_ key: String) -> Bool? {
    guard let node = node(key) else { return nil }
    guard case .scalar(let scalar) = node, let value = Bool.construct(from: scalar) else {
      error(.yamlNotBool(key, got: YAMLDocument.quoted(node)), at: location(of: node))
      return nil
    }
    return value
  }

  package mutating func date(_ key: String, required: Bool = false) -> ContentDate? {
    guard let text = string(key, required: required) else { return nil }
    guard let date = ContentDate(text) else {
      error(.yamlBadDate(key, got: text, proposal: ContentDate.proposal(for: text)), at: location(of: node(key)))
      return nil
    }
    return date
  }

  /// A list of strings; a single string is accepted as a list of one. Unquoted entries
  /// split at full-width commas too, as Chinese editors type them: `[科技人才，科技投入]`
  /// is two entries (`"科技人才，科技投入"` in quotes stays one).
  package mutating func strings(_ key: String) -> [String] {
    guard let node = node(key) else { return [] }
    func entries(_ scalar: Node.Scalar) -> [String] {
      guard scalar.style == .plain else { return [scalar.string] }
      // Most entries hold no full-width comma: one search for its bytes, not a split.
      guard scalar.string.containsText("，") else {
        let entry = scalar.string.trimmed
        return entry.isEmpty ? [] : [entry]
      }
      return scalar.string.split(separator: "，").map { $0.trimmed }.filter { !$0.isEmpty }
    }
    switch node {
    case .scalar(let scalar):
      return entries(scalar)
    case .sequence(let sequence):
      var values: [String] = []
      for item in sequence {
        guard case .scalar(let scalar) = item else {
          error(.yamlEntryNotText(key, found: YAMLDocument.kind(of: item)), at: location(of: item))
          continue
        }
        // A quoted entry of a list is trimmed too, and left out when empty.
        let found = scalar.style == .plain ? entries(scalar) : [scalar.string.trimmed].filter { !$0.isEmpty }
        values += found
      }
      return values
    default:
      error(.yamlNotList(key, found: YAMLDocument.kind(of: node)), at: location(of: node))
      return []
    }
  }

  /// A nested mapping, read with the same rules.
  package mutating func mapping(_ key: String) -> YAMLDocument? {
    guard let node = node(key) else { return nil }
    guard case .mapping(let value) = node else {
      error(.yamlNotMapping(key, found: YAMLDocument.kind(of: node)), at: location(of: node))
      return nil
    }
    return YAMLDocument(node: value, file: file, lineOffset: lineOffset)
  }

  /// A list of mappings, e.g. `key_figures`.
  package mutating func mappings(_ key: String) -> [YAMLDocument] {
    guard let node = node(key) else { return [] }
    guard case .sequence(let sequence) = node else {
      error(.yamlNotList(key, found: YAMLDocument.kind(of: node)), at: location(of: node))
      return []
    }
    var documents: [YAMLDocument] = []
    for item in sequence {
      guard case .mapping(let value) = item else {
        error(
          .yamlEntryNotMapping(key, found: YAMLDocument.kind(of: item)),
          at: location(of: item))
        continue
      }
      documents.append(YAMLDocument(node: value, file: file, lineOffset: lineOffset))
    }
    return documents
  }

  package mutating func error(_ message: Message, at location: SourceLocation) {
    diagnostics.append(.error(message, at: location))
  }

  /// Keys nobody asked for: usually a typo such as `tittle:`. Warnings where an ignored
  /// key changes nothing a reader sees; errors (`refuse`) where it would, as a misspelt
  /// `darft: true` in front matter would publish a draft.
  package mutating func reportUnknownKeys(known: [String], context: SettingsPlace, refuse: Bool = false) {
    guard let mapping else { return }
    for (key, _) in mapping {
      guard let name = key.scalar?.string, !known.contains(name) else { continue }
      let suggestion = KeySuggestion.suggestion(for: name, known: known)
      diagnostics.append(
        refuse
          ? .error(
            .yamlUnknownKeyRefused(name, in: context, suggestion: suggestion, known: known), at: location(of: key))
          : .warning(.yamlUnknownKey(name, in: context, suggestion: suggestion, known: known), at: location(of: key)))
    }
  }

  private func yamlDiagnostic(_ error: Error, yaml: String) -> Diagnostic {
    switch error {
    case YamlError.scanner(let context, let problem, let mark, _),
      YamlError.parser(let context, let problem, let mark, _),
      YamlError.composer(let context, let problem, let mark, _):
      // libyaml notices a full-width colon or comma a line late (`source：x` is read as
      // text, and the next line is where a `:` goes missing): the character is the cause.
      if let (character, ascii, line, column) = Self.fullWidthPunctuation(in: yaml, before: mark.line) {
        return .error(
          .yamlFullWidth(character, ascii: ascii),
          at: SourceLocation(file: file, line: line + lineOffset, column: column))
      }
      var message = Message.yamlSyntax(
        problem, context: context?.text, contextLine: context.map { $0.mark.line + lineOffset })
      if problem.contains("tab")
        || yaml.split(separator: "\n").dropFirst(max(0, mark.line - 1)).first?.hasPrefix("\t") == true
      {
        message = message.followed(by: .yamlTabs())
      }
      return .error(message, at: SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column))
    case YamlError.duplicatedKeysInMapping(let duplicates, let context):
      return .error(
        .yamlDuplicateKey(duplicates.map(\.description)),
        at: SourceLocation(file: file, line: context.mark.line + lineOffset, column: context.mark.column))
    case YamlError.reader(let problem, _, _, _):
      return .error(
        .yamlSyntax(problem, context: nil, contextLine: nil),
        at: SourceLocation(file: file, line: lineOffset + 1, column: 1))
    default:
      return .error(
        .yamlSyntax("\(error)", context: nil, contextLine: nil),
        at: SourceLocation(file: file, line: lineOffset + 1, column: 1))
    }
  }

  /// Full-width punctuation YAML reads as text where it needs the ASCII sign: `：` after a
  /// key, `，` between the entries of `[…]`, `【】` around a list. The first one on the
  /// line of the error or the two lines of YAML before it (comments between them do not
  /// count), with its line and column (from 1).
  static func fullWidthPunctuation(in yaml: String, before errorLine: Int) -> (Character, String, Int, Int)? {
    let twins: [Character: String] = ["：": ":", "，": ",", "【": "[", "】": "]", "－": "-", "｛": "{", "｝": "}"]
    let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    var candidates: [Int] = []
    var number = min(errorLine, lines.count)
    while number >= 1 && candidates.count < 3 {
      let text = lines[number - 1].drop { $0 == " " }
      if !text.isEmpty && !text.hasPrefix("#") || number == errorLine { candidates.append(number) }
      number -= 1
    }
    for number in candidates.reversed() {
      let line = lines[number - 1]
      // Inside quotes, full-width punctuation is the editor's text.
      guard !line.contains("\""), !line.contains("'") else { continue }
      for (offset, character) in line.enumerated() {
        guard let ascii = twins[character] else { continue }
        // `title: 甲，乙` is a sentence; only a `，` inside brackets or a `：` before any
        // `: ` is punctuation YAML needed.
        let before = line.prefix(offset)
        let isKeyColon = character == "：" && !before.contains(": ") && !before.hasSuffix(":")
        let isListComma = character == "，" && (before.contains("[") || before.contains("【"))
        let isBracket = "【】｛｝".contains(character) && before.contains(":")
        let isDash = character == "－" && before.allSatisfy { $0 == " " }
        if isKeyColon || isListComma || isBracket || isDash {
          return (character, ascii, number, offset + 1)
        }
      }
    }
    return nil
  }

  package static func kind(of node: Node) -> Message {
    switch node {
    case .scalar(let scalar): .yamlValue(scalar.string)
    case .mapping: .yamlKindMapping()
    case .sequence: .yamlKindList()
    case .alias: .yamlKindAlias()
    }
  }

  package static func quoted(_ node: Node) -> Message { kind(of: node) }
}
