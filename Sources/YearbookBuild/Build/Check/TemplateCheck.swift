import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookPortal
import YearbookRender

/// Checks the theme against the values pages give it, without rendering a page: every
/// `{{name}}` must name a field of the page's context (Mustache would print nothing for a
/// misspelt one), and it records which templates each page template uses and the ids
/// they write, for the dependency graph and for links to `#fragments`.
package struct TemplateCheck {
  package struct Result: Sendable {
    package var diagnostics: [Diagnostic] = []
    /// Page template → every template it renders through (itself, its layout, partials).
    package var uses: [String: Set<String>] = [:]
    /// Page template → ids written literally by the templates it uses (`id="main"`).
    package var ids: [String: Set<String>] = [:]
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

  package init(templates: [String: TemplateSource]) {
    self.templates = templates
  }

  package static func run(templates: [String: TemplateSource], pageSchemas: [String: TemplateSchema]) -> Result {
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
    walk(template.syntax.nodes, stack: stack, file: template.file, report: firstVisit, used: &used, depth: depth)
  }

  /// `report`: whether names are checked here (once per template and stack of values).
  private mutating func walk(
    _ nodes: [TemplateSyntax.Node], stack: [Frame], file: SourcePath, report: Bool, used: inout Set<String>, depth: Int
  ) {
    for node in nodes {
      switch node {
      case .text:
        continue
      case .value(let name, _, let at):
        if report { resolve(name, at: at, in: stack, file: file) }
      case .section(let name, true, let children, let at):
        if report { resolve(name, at: at, in: stack, file: file) }
        walk(children, stack: stack + [.transparent], file: file, report: report, used: &used, depth: depth)
      case .section(let name, false, let children, let at):
        let shape = report ? resolve(name, at: at, in: stack, file: file) : lookUp(name, in: stack)
        let inner = shape?.fields.map { Frame.value($0()) } ?? .scalar
        walk(children, stack: stack + [inner], file: file, report: report, used: &used, depth: depth)
      case .partial(let partial, _, _):
        walk(partial, stack: stack, used: &used, depth: depth + 1)
      case .block(_, let children, _):
        walk(children, stack: stack + [.transparent], file: file, report: report, used: &used, depth: depth)
      case .parent(let layout, _, let blocks, _):
        walk(layout, stack: stack, used: &used, depth: depth + 1)
        walk(blocks, stack: stack + [.transparent], file: file, report: report, used: &used, depth: depth)
      }
    }
  }

  /// Reports a name that nothing on the stack has; returns its shape when found.
  @discardableResult
  private mutating func resolve(_ name: TemplateSyntax.Name, at: TemplatePosition, in stack: [Frame], file: SourcePath)
    -> TemplateShape?
  {
    if let shape = lookUp(name, in: stack) { return shape }
    if name.parts.isEmpty { return nil }
    let location = SourceLocation(file: file, line: at.line, column: at.column)
    guard reported.insert(location).inserted else { return nil }
    let known = stack.reversed().lazy.compactMap(\.schema).first.map { schema in schema.fields.keys.sorted() }
    result.diagnostics.append(
      .warning(
        .templateNameEmpty("\(name)", known: known),
        at: location))
    return nil
  }

  /// Mustache's look-up: the first part of a dotted name is searched from the innermost
  /// section outwards, the rest inside what it found.
  private func lookUp(_ name: TemplateSyntax.Name, in stack: [Frame]) -> TemplateShape? {
    guard let first = name.parts.first else { return .text }
    var shape: TemplateShape?
    for frame in stack.reversed() {
      if case .value(let schema) = frame, let found = schema.fields[first] {
        shape = found
        break
      }
    }
    for part in name.parts.dropFirst() {
      guard let current = shape, current.kind == .object, let schema = current.fields else { return nil }
      shape = schema().fields[part]
    }
    return shape
  }

  /// `id="…"` attributes whose value has no Mustache tag in it.
  package static func literalIDs(in text: String) -> Set<String> {
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
