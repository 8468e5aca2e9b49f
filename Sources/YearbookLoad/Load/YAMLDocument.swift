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
  /// The mapping's values by key, found once rather than by a walk of the mapping per key.
  private var values: [String: Node] = [:]
  package var diagnostics: [Diagnostic] = []
  private var readKeys: Set<String> = []

  /// Parses `yaml`; a syntax error becomes a diagnostic and leaves an empty document.
  package init(yaml: String, file: SourcePath, lineOffset: Int) {
    self.file = file
    self.lineOffset = lineOffset
    self.mapping = nil
    var mapping: Node.Mapping?
    do {
      // Keys and values are read as text here, so the basic resolver serves: the default one
      // matches every scalar against regular expressions while checking for duplicate keys.
      let node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
      switch node {
      case nil:
        mapping = Node.Mapping([])
      case .mapping(let value)?:
        mapping = value
      case let other?:
        mapping = nil
        diagnostics.append(
          .error(
            "expected key: value pairs, found \(YAMLDocument.kind(of: other))",
            at: location(of: other)))
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

  /// The first value of each key (Yams refuses a key written twice).
  private static func values(of mapping: Node.Mapping?) -> [String: Node] {
    var values: [String: Node] = [:]
    for (key, value) in mapping ?? Node.Mapping([]) {
      guard let name = key.scalar?.string, values[name] == nil else { continue }
      values[name] = value
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

  package mutating func node(_ key: String) -> Node? {
    readKeys.insert(key)
    guard let value = values[key] else {
      return nil
    }
    if case .scalar(let scalar) = value, scalar.style == .plain,
      ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    {
      return nil
    }
    return value
  }

  package mutating func string(_ key: String, required: Bool = false) -> String? {
    guard let node = node(key) else {
      if required {
        error(
          "missing required key '\(key)'",
          at: SourceLocation(file: file, line: lineOffset == 0 ? 1 : lineOffset, column: 1))
      }
      return nil
    }
    guard case .scalar(let scalar) = node else {
      error("\(key) must be text, found \(YAMLDocument.kind(of: node))", at: location(of: node))
      return nil
    }
    let text = scalar.string.trimmed
    if required && text.isEmpty {
      error("\(key) must not be empty", at: location(of: node))
      return nil
    }
    return text
  }

  package mutating func int(_ key: String) -> Int? {
    guard let node = node(key) else { return nil }
    guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
      error("\(key) must be a whole number, got \(YAMLDocument.quoted(node))", at: location(of: node))
      return nil
    }
    return value
  }

  package mutating func bool(_ key: String) -> Bool? {
    guard let node = node(key) else { return nil }
    guard case .scalar(let scalar) = node, let value = Bool.construct(from: scalar) else {
      error("\(key) must be true or false, got \(YAMLDocument.quoted(node))", at: location(of: node))
      return nil
    }
    return value
  }

  package mutating func date(_ key: String, required: Bool = false) -> ContentDate? {
    guard let text = string(key, required: required) else { return nil }
    guard let date = ContentDate(text) else {
      error("\(key) must be YYYY-MM-DD, got \"\(text)\"", at: location(of: node(key)))
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
      return scalar.string.split(separator: "，").map(\.trimmed).filter { !$0.isEmpty }
    }
    switch node {
    case .scalar(let scalar):
      return entries(scalar)
    case .sequence(let sequence):
      var values: [String] = []
      for item in sequence {
        guard case .scalar(let scalar) = item else {
          error("each entry of \(key) must be text, found \(YAMLDocument.kind(of: item))", at: location(of: item))
          continue
        }
        values += entries(scalar).map(\.trimmed).filter { !$0.isEmpty }
      }
      return values
    default:
      error("\(key) must be a list, found \(YAMLDocument.kind(of: node))", at: location(of: node))
      return []
    }
  }

  /// A nested mapping, read with the same rules.
  package mutating func mapping(_ key: String) -> YAMLDocument? {
    guard let node = node(key) else { return nil }
    guard case .mapping(let value) = node else {
      error("\(key) must be a set of key: value pairs, found \(YAMLDocument.kind(of: node))", at: location(of: node))
      return nil
    }
    return YAMLDocument(node: value, file: file, lineOffset: lineOffset)
  }

  /// A list of mappings, e.g. `key_figures`.
  package mutating func mappings(_ key: String) -> [YAMLDocument] {
    guard let node = node(key) else { return [] }
    guard case .sequence(let sequence) = node else {
      error("\(key) must be a list, found \(YAMLDocument.kind(of: node))", at: location(of: node))
      return []
    }
    var documents: [YAMLDocument] = []
    for item in sequence {
      guard case .mapping(let value) = item else {
        error(
          "each entry of \(key) must be a set of key: value pairs, found \(YAMLDocument.kind(of: item))",
          at: location(of: item))
        continue
      }
      documents.append(YAMLDocument(node: value, file: file, lineOffset: lineOffset))
    }
    return documents
  }

  package mutating func error(_ message: String, at location: SourceLocation) {
    diagnostics.append(.error(message, at: location))
  }

  /// Keys nobody asked for, as warnings: usually a typo such as `tittle:`.
  package mutating func warnAboutUnknownKeys(known: [String], context: String) {
    guard let mapping else { return }
    for (key, _) in mapping {
      guard let name = key.scalar?.string, !known.contains(name) else { continue }
      let hint = KeySuggestion.suggestion(for: name, known: known).map { "; did you mean \($0)?" } ?? ""
      diagnostics.append(
        .warning(
          "unknown key '\(name)' in \(context) is ignored\(hint) (known keys: \(known.joined(separator: ", ")))",
          at: location(of: key)))
    }
  }

  private func yamlDiagnostic(_ error: Error, yaml: String) -> Diagnostic {
    switch error {
    case YamlError.scanner(let context, let problem, let mark, _),
      YamlError.parser(let context, let problem, let mark, _),
      YamlError.composer(let context, let problem, let mark, _):
      var message = "invalid YAML: \(problem)"
      if let context { message += " (\(context.text) at line \(context.mark.line + lineOffset))" }
      if problem.contains("tab")
        || yaml.split(separator: "\n").dropFirst(max(0, mark.line - 1)).first?.hasPrefix("\t") == true
      {
        message += "; YAML does not allow tabs for indentation, use spaces"
      }
      return .error(message, at: SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column))
    case YamlError.duplicatedKeysInMapping(let duplicates, let context):
      return .error(
        "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")): each key may appear once",
        at: SourceLocation(file: file, line: context.mark.line + lineOffset, column: context.mark.column))
    case YamlError.reader(let problem, _, _, _):
      return .error("invalid YAML: \(problem)", at: SourceLocation(file: file, line: lineOffset + 1, column: 1))
    default:
      return .error("invalid YAML: \(error)", at: SourceLocation(file: file, line: lineOffset + 1, column: 1))
    }
  }

  package static func kind(of node: Node) -> String {
    switch node {
    case .scalar(let scalar): "\"\(scalar.string)\""
    case .mapping: "a set of key: value pairs"
    case .sequence: "a list"
    case .alias: "an alias"
    }
  }

  package static func quoted(_ node: Node) -> String {
    if case .scalar(let scalar) = node { return "\"\(scalar.string)\"" }
    return kind(of: node)
  }
}
