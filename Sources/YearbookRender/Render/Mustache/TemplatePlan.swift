import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookMarkdown
import YearbookModel

/// A page template compiled against the values it renders (`TemplateCompiler`): text runs,
/// values and sections, each field already bound to its getter. Rendering runs the steps
/// into one string: no name is looked up, no value cast, no context copied.
package struct TemplatePlan: Sendable {
  package enum Step: Sendable {
    case text(String)
    case value(Lookup, escaped: Bool)
    case section(Lookup, body: [Step])
    case inverted(Lookup, body: [Step])
  }

  /// Where a name's value comes from. Mustache looks a name up from the innermost value
  /// out and passes over a value that lacks it; a field that is nil counts as lacking it
  /// (as swift-mustache, whose pages these must equal, has it), so each value on the
  /// stack that has the field is a candidate, innermost first.
  /// A class: a step holds one reference to it, so running a step retains once, not once
  /// for each of its arrays.
  package final class Lookup: Sendable {
    enum Kind: Sendable { case text, flag, object, list, current }

    struct Candidate: Sendable {
      var frame: Int
      var access: FieldAccess
    }

    let kind: Kind
    let candidates: [Candidate]
    /// The rest of a dotted name (`report.title`), read from the first part's object.
    let path: [FieldAccess]

    init(kind: Kind, candidates: [Candidate], path: [FieldAccess] = []) {
      self.kind = kind
      self.candidates = candidates
      self.path = path
    }
  }

  package var steps: [Step]

  /// What a section over text or a flag puts on the stack: no fields, only itself.
  package final class Scalar {
    let text: String

    init(_ text: String) {
      self.text = text
    }
  }

  package enum Value {
    case none
    case text(String)
    case flag(Bool)
    case object(AnyObject)
    case list([AnyObject])
  }

  /// Renders the plan over `frames`, the outermost value first, each a `TemplateBox`.
  package func render(_ frames: [AnyObject]) -> String {
    var output = ""
    output.reserveCapacity(32 << 10)
    var frames = frames
    Self.run(steps, frames: &frames, into: &output)
    return output
  }

  private static func run(_ steps: [Step], frames: inout [AnyObject], into output: inout String) {
    for index in steps.indices {
      switch steps[index] {
      case .text(let text):
        output += text
      case .value(let lookup, let escaped):
        let text: String
        switch resolve(lookup, frames) {
        case .text(let value): text = value
        case .flag(let value): text = value ? "true" : "false"
        case .none, .object, .list: continue
        }
        output += escaped ? HTML.escape(text) : text
      case .section(let lookup, let body):
        switch resolve(lookup, frames) {
        case .none, .flag(false): continue
        case .text(let text): within(Scalar(text), body, &frames, &output)
        case .flag: within(Scalar("true"), body, &frames, &output)
        case .object(let object): within(object, body, &frames, &output)
        case .list(let items): for item in items { within(item, body, &frames, &output) }
        }
      case .inverted(let lookup, let body):
        switch resolve(lookup, frames) {
        case .none, .flag(false): run(body, frames: &frames, into: &output)
        case .list(let items) where items.isEmpty: run(body, frames: &frames, into: &output)
        default: continue
        }
      }
    }
  }

  private static func within(_ frame: AnyObject, _ body: [Step], _ frames: inout [AnyObject], _ output: inout String) {
    frames.append(frame)
    run(body, frames: &frames, into: &output)
    frames.removeLast()
  }

  private static func resolve(_ lookup: Lookup, _ frames: [AnyObject]) -> Value {
    if lookup.kind == .current {
      return (frames.last as? Scalar).map { .text($0.text) } ?? .none
    }
    guard !lookup.path.isEmpty else {
      for candidate in lookup.candidates {
        let value = read(candidate.access, lookup.kind, frames[candidate.frame])
        if case .none = value { continue }
        return value
      }
      return .none
    }
    // A dotted name: the first part is the first object found; the rest is read from it.
    for candidate in lookup.candidates {
      guard var object = candidate.access.object?(frames[candidate.frame]) else { continue }
      for access in lookup.path.dropLast() {
        guard let next = access.object?(object) else { return .none }
        object = next
      }
      return read(lookup.path[lookup.path.count - 1], lookup.kind, object)
    }
    return .none
  }

  private static func read(_ access: FieldAccess, _ kind: Lookup.Kind, _ frame: AnyObject) -> Value {
    switch kind {
    case .text: access.text?(frame).map(Value.text) ?? .none
    case .flag: access.flag.map { .flag($0(frame)) } ?? .none
    case .object: access.object?(frame).map(Value.object) ?? .none
    case .list: access.list.map { .list($0(frame)) } ?? .none
    case .current: .none
    }
  }
}
