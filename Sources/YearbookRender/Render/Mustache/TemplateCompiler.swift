import Foundation
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookMarkdown
import YearbookModel

/// Compiles a page template, with its layout and partials, against the schemas of the
/// values it renders into a `TemplatePlan`. Every name is bound here, so a name no value
/// has, a section over something that cannot be one, or a missing partial is an error at
/// its tag, found before any page renders.
package struct TemplateCompiler {
  /// Template name → its text (`layout`, `article-card`, …).
  package let sources: [String: String]
  /// Template name → its file (`Templates/partials/footer.mustache`), for the places in
  /// errors; a template without one is named `footer.mustache`.
  package var files: [String: SourcePath] = [:]
  /// What a name no value has does: an error at its tag, or (while `TemplateCheck` still
  /// reports it, as a warning) render empty, as swift-mustache renders it.
  package var unknownNames = UnknownNames.error

  package enum UnknownNames {
    case error
    case renderEmpty
  }

  private enum Frame {
    case object(TemplateSchema)
    /// A section over text or a flag: no fields of its own.
    case scalar
  }

  /// Templates parsed so far, by name and indentation: every page includes the same layout
  /// and partials, and one theme is compiled by one compiler.
  private final class ParsedTemplates {
    var nodes: [String: [TemplateSyntax.Node]] = [:]
  }
  private let parsed = ParsedTemplates()

  /// `frames`: the schemas of the values the page is rendered over, outermost first.
  package func compile(_ template: String, frames: [TemplateSchema]) throws(TemplateError) -> TemplatePlan {
    var state = State(stack: frames.map(Frame.object))
    let nodes = try parse(template, indentation: "", from: nil)
    return TemplatePlan(steps: Self.merged(try compile(nodes, &state)))
  }

  private struct State {
    var stack: [Frame]
    /// Blocks a page fills in its layout, the outermost page's first.
    var blocks: [String: [TemplateSyntax.Node]] = [:]
    /// Partials and layouts being compiled, to refuse one that includes itself.
    var including: [String] = []
  }

  private func parse(_ name: String, indentation: String, from tag: TemplatePosition?) throws(TemplateError)
    -> [TemplateSyntax.Node]
  {
    let key = name + "\u{0}" + indentation
    if let parsed = parsed.nodes[key] { return parsed }
    guard let source = sources[name] else {
      throw TemplateError(
        message: .noTemplateNamed(name),
        at: tag ?? TemplatePosition(template: SourcePath("\(name).mustache"), line: 1, column: 1))
    }
    let nodes = try TemplateSyntax(
      TemplateSyntax.indented(source, by: indentation), template: files[name] ?? SourcePath("\(name).mustache")
    ).nodes
    parsed.nodes[key] = nodes
    return nodes
  }

  private func compile(_ nodes: [TemplateSyntax.Node], _ state: inout State) throws(TemplateError)
    -> [TemplatePlan.Step]
  {
    var steps: [TemplatePlan.Step] = []
    for node in nodes {
      switch node {
      case .text(let text):
        steps.append(.text(text))
      case .value(let name, let escaped, let at):
        let lookup = try lookup(name, in: state.stack, at: at)
        guard lookup.kind != .object && lookup.kind != .list else {
          throw TemplateError(
            message: .groupNotText("\(name)"), at: at)
        }
        steps.append(.value(lookup.lookup, escaped: escaped))
      case .section(let name, let inverted, let children, let at):
        let lookup = try lookup(name, in: state.stack, at: at)
        if inverted {
          steps.append(.inverted(lookup.lookup, body: try compile(children, &state)))
          continue
        }
        state.stack.append(lookup.schema.map(Frame.object) ?? .scalar)
        let body = try compile(children, &state)
        state.stack.removeLast()
        steps.append(.section(lookup.lookup, body: body))
      case .partial(let name, let indentation, let at):
        steps += try include(name, indentation: indentation, at: at, &state)
      case .block(let name, let children, _):
        steps += try compile(state.blocks[name] ?? children, &state)
      case .parent(let name, let indentation, let filled, let at):
        let outer = state.blocks
        for case .block(let block, let children, _) in filled where state.blocks[block] == nil {
          state.blocks[block] = children
        }
        steps += try include(name, indentation: indentation, at: at, &state)
        state.blocks = outer
      }
    }
    return steps
  }

  /// A partial or layout compiled where its tag stands.
  private func include(_ name: String, indentation: String, at: TemplatePosition, _ state: inout State)
    throws(TemplateError) -> [TemplatePlan.Step]
  {
    guard !state.including.contains(name) else {
      throw TemplateError(
        message: .includesItself(name, chain: state.including + [name]), at: at)
    }
    let nodes = try parse(name, indentation: indentation, from: at)
    state.including.append(name)
    defer { state.including.removeLast() }
    return try compile(nodes, &state)
  }

  private struct Bound {
    var lookup: TemplatePlan.Lookup
    var kind: TemplatePlan.Lookup.Kind { lookup.kind }
    /// The schema of the object or list items a section enters; nil for text and flags.
    var schema: TemplateSchema?
  }

  private func lookup(_ name: TemplateSyntax.Name, in stack: [Frame], at: TemplatePosition) throws(TemplateError)
    -> Bound
  {
    guard let first = name.parts.first else {
      guard case .scalar? = stack.last else {
        throw TemplateError(message: .dotOutsideTextSection(), at: at)
      }
      return Bound(lookup: TemplatePlan.Lookup(kind: .current, candidates: []))
    }
    // Every value on the stack with the field, innermost first, of the innermost one's kind.
    var candidates: [TemplatePlan.Lookup.Candidate] = []
    var shape: TemplateShape?
    for (index, frame) in stack.enumerated().reversed() {
      guard case .object(let schema) = frame, let found = schema.fields[first], let access = schema.access[first]
      else { continue }
      if let shape, Self.kind(of: shape) != Self.kind(of: found) { continue }
      shape = shape ?? found
      candidates.append(TemplatePlan.Lookup.Candidate(frame: index, access: access))
    }
    let absent = Bound(lookup: TemplatePlan.Lookup(kind: .text, candidates: []))
    guard var shape else {
      if unknownNames == .renderEmpty { return absent }
      throw TemplateError(message: Self.noField(first, in: stack), at: at)
    }
    var path: [FieldAccess] = []
    for part in name.parts.dropFirst() {
      guard let schema = shape.fields?(), let next = schema.fields[part], let access = schema.access[part] else {
        if unknownNames == .renderEmpty { return absent }
        throw TemplateError(message: .noFieldIn("\(name)", part: part, first: first), at: at)
      }
      path.append(access)
      shape = next
    }
    return Bound(
      lookup: TemplatePlan.Lookup(kind: Self.kind(of: shape), candidates: candidates, path: path),
      schema: shape.fields?())
  }

  private static func kind(of shape: TemplateShape) -> TemplatePlan.Lookup.Kind {
    switch shape.kind {
    case .text, .number: .text
    case .flag: .flag
    case .object: .object
    case .list: .list
    }
  }

  private static func noField(_ name: String, in stack: [Frame]) -> Message {
    guard case .object(let schema)? = stack.last(where: { if case .object = $0 { true } else { false } }) else {
      return .noFieldHere(name, type: nil, fields: [])
    }
    return .noFieldHere(name, type: schema.typeName, fields: schema.fields.keys.sorted())
  }

  /// Adjacent text runs joined into one.
  package static func merged(_ steps: [TemplatePlan.Step]) -> [TemplatePlan.Step] {
    var result: [TemplatePlan.Step] = []
    for step in steps {
      switch step {
      case .text(let text):
        if case .text(let previous)? = result.last {
          result[result.count - 1] = .text(previous + text)
        } else if !text.isEmpty {
          result.append(step)
        }
      case .section(let lookup, let body): result.append(.section(lookup, body: merged(body)))
      case .inverted(let lookup, let body): result.append(.inverted(lookup, body: merged(body)))
      case .value: result.append(step)
      }
    }
    return result
  }
}
