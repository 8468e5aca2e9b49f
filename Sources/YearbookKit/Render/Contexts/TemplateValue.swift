import Mustache

/// A value a Mustache template reads. Each type lists its fields once, in `fields`: the
/// same list answers Mustache's look-ups while rendering and tells `TemplateCheck` which
/// names exist, so a misspelt `{{tittle}}` is found before a page renders empty.
public protocol TemplateValue: MustacheParent, Sendable {
  static var fields: TemplateFields<Self> { get }
}

extension TemplateValue {
  public func child(named name: String) -> Any? {
    Self.fields.byName[name]?.value(self)
  }

  public static var schema: TemplateSchema { fields.schema }
}

/// What a template may do with a field: print it, test it, or enter it as an object or
/// a list of objects. A struct rather than an enum with closure payloads: enum tags packed
/// into pointer bits hide the closures from LeakSanitizer, which then reports them.
public struct TemplateShape: Sendable {
  public enum Kind: Sendable { case text, number, flag, object, list }

  public var kind: Kind
  /// The fields of the object or of each list item.
  var fields: (@Sendable () -> TemplateSchema)?

  public static let text = TemplateShape(kind: .text)
  public static let number = TemplateShape(kind: .number)
  public static let flag = TemplateShape(kind: .flag)

  public static func object(_ schema: @escaping @Sendable () -> TemplateSchema) -> TemplateShape {
    TemplateShape(kind: .object, fields: schema)
  }

  public static func list(_ schema: @escaping @Sendable () -> TemplateSchema) -> TemplateShape {
    TemplateShape(kind: .list, fields: schema)
  }
}

/// The names a template can use on one kind of value.
public struct TemplateSchema: Sendable {
  public var typeName: String
  public var fields: [String: TemplateShape]
}

public struct TemplateFields<Root>: Sendable {
  public struct Field: Sendable {
    let name: String
    let shape: TemplateShape
    let value: @Sendable (Root) -> Any?
  }

  let byName: [String: Field]
  let schema: TemplateSchema

  public init(_ fields: [Field]) {
    byName = Dictionary(fields.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    schema = TemplateSchema(
      typeName: String(describing: Root.self), fields: byName.mapValues(\.shape))
  }
}

extension TemplateFields.Field {
  /// Text, escaped by `{{…}}`; nil (or an absent value) renders nothing and is false in
  /// a section. Empty text is given as nil, because Mustache counts "" as true.
  public static func text(_ name: String, _ value: @escaping @Sendable (Root) -> String?) -> Self {
    Self(name: name, shape: .text) { root in value(root).flatMap { $0.isEmpty ? nil : TemplateText($0) } }
  }

  public static func number(_ name: String, _ value: @escaping @Sendable (Root) -> Int) -> Self {
    Self(name: name, shape: .number) { TemplateText(String(value($0))) }
  }

  public static func flag(_ name: String, _ value: @escaping @Sendable (Root) -> Bool) -> Self {
    Self(name: name, shape: .flag) { value($0) }
  }

  public static func object<Child: TemplateValue>(
    _ name: String, _ value: @escaping @Sendable (Root) -> Child?
  ) -> Self {
    Self(name: name, shape: .object({ Child.schema })) { value($0).map(TemplateBox.init) }
  }

  /// An object boxed in advance, for values templates name many times on one page.
  public static func object<Child: TemplateValue>(
    _ name: String, boxed value: @escaping @Sendable (Root) -> TemplateBox<Child>
  ) -> Self {
    Self(name: name, shape: .object({ Child.schema })) { value($0) }
  }

  public static func list<Child: TemplateValue>(
    _ name: String, _ value: @escaping @Sendable (Root) -> [Child]
  ) -> Self {
    Self(name: name, shape: .list({ Child.schema })) { value($0).map(TemplateBox.init) }
  }
}

/// A context value as Mustache holds it: Mustache keeps values as `Any` and casts them
/// to its protocols at every look-up, which copies a struct whole; a reference is one
/// pointer to copy.
public final class TemplateBox<Value: MustacheParent & Sendable>: MustacheParent, Sendable {
  let value: Value

  init(_ value: Value) {
    self.value = value
  }

  public func child(named name: String) -> Any? { value.child(named: name) }
}

/// Text or a number as a template prints it. Mustache renders a custom renderable without
/// the protocol casts and `String(describing:)` it applies to a plain `String`, and a
/// section on it looks names up in the enclosing values without reflecting on the text.
public struct TemplateText: MustacheCustomRenderable, MustacheParent, Sendable {
  let text: String

  init(_ text: String) {
    self.text = text
  }

  public var renderText: String { text }
  public var isNull: Bool { false }
  public func child(named name: String) -> Any? { nil }
}
