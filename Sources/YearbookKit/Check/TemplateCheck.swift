/// Checks the theme against the values pages give it, without rendering a page: every
/// `{{name}}` must name a field of the page's context (Mustache would print nothing for a
/// misspelt one), and it records which templates each page template uses and the ids
/// they write, for the dependency graph and for links to `#fragments`.
struct TemplateCheck {
  struct Result: Sendable {
    var diagnostics: [Diagnostic] = []
    /// Page template → every template it renders through (itself, its layout, partials).
    var uses: [String: Set<String>] = [:]
    /// Page template → ids written literally by the templates it uses (`id="main"`).
    var ids: [String: Set<String>] = [:]
  }

  fileprivate enum Frame {
    /// Inside a value whose fields are known.
    case value(TemplateSchema)
    /// Inside a section on text, a number or a flag: nothing new to look up.
    case scalar
    /// Inside an inverted section, a block or a parent's body: the context is unchanged.
    case transparent
  }

  private let templates: [String: TemplateSource]
  private var result = Result()
  private var checked: Set<String> = []
  private var reported: Set<SourceLocation> = []

  init(templates: [String: TemplateSource]) {
    self.templates = templates
  }

  static func run(templates: [String: TemplateSource], pageSchemas: [String: TemplateSchema]) -> Result {
    var check = TemplateCheck(templates: templates)
    for (page, schema) in pageSchemas.sorted(by: { $0.key < $1.key }) where templates[page] != nil {
      var used: Set<String> = []
      check.walk(page, stack: [.value(schema)], used: &used, depth: 0)
      check.result.uses[page] = used
      check.result.ids[page] = used.reduce(into: Set<String>()) { ids, name in
        ids.formUnion(templates[name].map { Self.literalIDs(in: $0.text) } ?? [])
      }
    }
    check.result.diagnostics = check.result.diagnostics.sortedInFileOrder()
    return check.result
  }

  private mutating func walk(_ name: String, stack: [Frame], used: inout Set<String>, depth: Int) {
    guard let template = templates[name], depth < 16 else { return }
    used.insert(name)
    let key = name + "|" + stack.map(\.signature).joined(separator: ",")
    let firstVisit = checked.insert(key).inserted
    var stack = stack
    for tag in template.tags {
      switch tag.kind {
      case .comment: continue
      case .setDelimiters: return  // a rare form; the rest of this template is not checked
      case .variable:
        if firstVisit { resolve(tag, in: stack, file: template.file) }
      case .section:
        let shape = firstVisit ? resolve(tag, in: stack, file: template.file) : lookUp(tag.name, in: stack)
        if let schema = shape?.fields {
          stack.append(.value(schema()))
        } else {
          stack.append(.scalar)
        }
      case .invertedSection:
        if firstVisit { resolve(tag, in: stack, file: template.file) }
        stack.append(.transparent)
      case .block:
        stack.append(.transparent)
      case .close:
        if !stack.isEmpty { stack.removeLast() }
      case .partial:
        walk(tag.name, stack: stack, used: &used, depth: depth + 1)
      case .parent:
        walk(tag.name, stack: stack, used: &used, depth: depth + 1)
        stack.append(.transparent)
      }
    }
  }

  /// Reports a name that nothing on the stack has; returns its shape when found.
  @discardableResult
  private mutating func resolve(_ tag: MustacheTag, in stack: [Frame], file: String) -> TemplateShape? {
    if let shape = lookUp(tag.name, in: stack) { return shape }
    if tag.name == "." || tag.name.isEmpty || tag.name.contains("(") { return nil }
    let location = SourceLocation(file: file, line: tag.line, column: tag.column)
    guard reported.insert(location).inserted else { return nil }
    let known = stack.reversed().lazy.compactMap(\.schema).first.map { schema in
      "; here it can be one of: " + schema.fields.keys.sorted().joined(separator: ", ")
    }
    result.diagnostics.append(
      .warning(
        "{{\(tag.name)}} names nothing the page gives this template, so it would render empty\(known ?? "")",
        at: location))
    return nil
  }

  /// Mustache's look-up: the first part of a dotted name is searched from the innermost
  /// section outwards, the rest inside what it found.
  private func lookUp(_ name: String, in stack: [Frame]) -> TemplateShape? {
    if name == "." { return .text }
    let parts = name.split(separator: ".").map(String.init)
    guard let first = parts.first else { return nil }
    var shape: TemplateShape?
    for frame in stack.reversed() {
      if case .value(let schema) = frame, let found = schema.fields[first] {
        shape = found
        break
      }
    }
    for part in parts.dropFirst() {
      guard let current = shape, current.kind == .object, let schema = current.fields else { return nil }
      shape = schema().fields[part]
    }
    return shape
  }

  /// `id="…"` attributes whose value has no Mustache tag in it.
  static func literalIDs(in text: String) -> Set<String> {
    var ids: Set<String> = []
    var rest = text[...]
    while let start = rest.range(of: " id=\"") {
      let value = rest[start.upperBound...].prefix { $0 != "\"" }
      if !value.contains("{{") { ids.insert(String(value)) }
      rest = rest[start.upperBound...]
    }
    return ids
  }
}

/// A template's file and text, scanned once.
struct TemplateSource: Sendable {
  var file: String
  var text: String
  var tags: [MustacheTag]

  init(file: String, text: String) {
    self.file = file
    self.text = text
    tags = MustacheTag.scan(text)
  }
}

extension TemplateCheck.Frame {
  fileprivate var schema: TemplateSchema? {
    if case .value(let schema) = self { return schema }
    return nil
  }

  fileprivate var signature: String {
    switch self {
    case .value(let schema): schema.typeName
    case .scalar: "scalar"
    case .transparent: "-"
    }
  }
}
