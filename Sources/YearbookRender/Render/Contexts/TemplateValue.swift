import Mustache
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookMarkdown
import YearbookModel

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
  package var fields: (@Sendable () -> TemplateSchema)?

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
  /// How a compiled template reads each field from a boxed value of this type.
  package var access: [String: FieldAccess] = [:]
}

/// A field read from its value boxed as `TemplateBox<Root>`, without looking up its name
/// or casting its type: the getter of the field's kind is set, the others are nil.
package struct FieldAccess: Sendable {
  package var text: (@Sendable (AnyObject) -> String?)?
  package var flag: (@Sendable (AnyObject) -> Bool)?
  package var object: (@Sendable (AnyObject) -> AnyObject?)?
  package var list: (@Sendable (AnyObject) -> [AnyObject])?
}

public struct TemplateFields<Root>: Sendable {
  public struct Field: Sendable {
    let name: String
    let shape: TemplateShape
    let value: @Sendable (Root) -> Any?
    let access: FieldAccess
  }

  package let byName: [String: Field]
  package let schema: TemplateSchema

  public init(_ fields: [Field]) {
    byName = Dictionary(fields.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    schema = TemplateSchema(
      typeName: String(describing: Root.self), fields: byName.mapValues(\.shape), access: byName.mapValues(\.access))
  }
}

extension TemplateFields.Field {
  /// The box of a value a compiled template holds, cast without a check: the compiler binds
  /// each field to values of its own type only. A getter reads `unboxed(…).value` in place:
  /// a function returning the value itself would copy the whole context, retaining each of
  /// its references, for every field a page prints.
  private static func unboxed(_ box: AnyObject) -> TemplateBox<Root> where Root: MustacheParent & Sendable {
    unsafeDowncast(box, to: TemplateBox<Root>.self)
  }

  /// Text, escaped by `{{…}}`; nil (or an absent value) renders nothing and is false in
  /// a section. Empty text is given as nil, because Mustache counts "" as true.
  public static func text(_ name: String, _ value: @escaping @Sendable (Root) -> String?) -> Self
  where Root: MustacheParent & Sendable {
    let text: @Sendable (Root) -> String? = { value($0).flatMap { $0.isEmpty ? nil : $0 } }
    return Self(
      name: name, shape: .text, value: { text($0).map(TemplateText.init) },
      access: FieldAccess(text: { text(unboxed($0).value) }))
  }

  public static func number(_ name: String, _ value: @escaping @Sendable (Root) -> Int) -> Self
  where Root: MustacheParent & Sendable {
    Self(
      name: name, shape: .number, value: { TemplateText(String(value($0))) },
      access: FieldAccess(text: { String(value(unboxed($0).value)) }))
  }

  public static func flag(_ name: String, _ value: @escaping @Sendable (Root) -> Bool) -> Self
  where Root: MustacheParent & Sendable {
    Self(name: name, shape: .flag, value: { value($0) }, access: FieldAccess(flag: { value(unboxed($0).value) }))
  }

  public static func object<Child: TemplateValue>(
    _ name: String, _ value: @escaping @Sendable (Root) -> Child?
  ) -> Self where Root: MustacheParent & Sendable {
    Self(
      name: name, shape: .object({ Child.schema }), value: { value($0).map(TemplateBox.init) },
      access: FieldAccess(object: { value(unboxed($0).value).map(TemplateBox.init) }))
  }

  /// An object boxed in advance, for values templates name many times on one page.
  public static func object<Child: TemplateValue>(
    _ name: String, boxed value: @escaping @Sendable (Root) -> TemplateBox<Child>
  ) -> Self where Root: MustacheParent & Sendable {
    Self(
      name: name, shape: .object({ Child.schema }), value: { value($0) },
      access: FieldAccess(object: { value(unboxed($0).value) }))
  }

  /// The fields of a member (an article's card), read through its box, which the value
  /// holds: a box made at each read copied the whole member for every field printed.
  package static func forwarded<Member: TemplateValue>(
    _ fields: TemplateFields<Member>, through member: @escaping @Sendable (Root) -> TemplateBox<Member>
  ) -> [Self] where Root: MustacheParent & Sendable {
    let box: @Sendable (AnyObject) -> AnyObject = { member(unboxed($0).value) }
    var result: [Self] = []
    for field in fields.byName.values {
      let inner = field.access
      var access = FieldAccess()
      if let text = inner.text { access.text = { text(box($0)) } }
      if let flag = inner.flag { access.flag = { flag(box($0)) } }
      if let object = inner.object { access.object = { object(box($0)) } }
      if let list = inner.list { access.list = { list(box($0)) } }
      let value: @Sendable (Root) -> Any? = { field.value(member($0).value) }
      result.append(Self(name: field.name, shape: field.shape, value: value, access: access))
    }
    return result
  }

  public static func list<Child: TemplateValue>(
    _ name: String, _ value: @escaping @Sendable (Root) -> [Child]
  ) -> Self where Root: MustacheParent & Sendable {
    Self(
      name: name, shape: .list({ Child.schema }), value: { value($0).map(TemplateBox.init) },
      access: FieldAccess(list: { value(unboxed($0).value).map(TemplateBox.init) }))
  }
}

/// A context value as Mustache holds it: Mustache keeps values as `Any` and casts them
/// to its protocols at every look-up, which copies a struct whole; a reference is one
/// pointer to copy.
public final class TemplateBox<Value: MustacheParent & Sendable>: MustacheParent, Sendable {
  package let value: Value

  package init(_ value: Value) {
    self.value = value
  }

  public func child(named name: String) -> Any? { value.child(named: name) }
}

/// Text or a number as a template prints it. Mustache renders a custom renderable without
/// the protocol casts and `String(describing:)` it applies to a plain `String`, and a
/// section on it looks names up in the enclosing values without reflecting on the text.
public struct TemplateText: MustacheCustomRenderable, MustacheParent, Sendable {
  package let text: String

  package init(_ text: String) {
    self.text = text
  }

  public var renderText: String { text }
  public var isNull: Bool { false }
  public func child(named name: String) -> Any? { nil }
}
