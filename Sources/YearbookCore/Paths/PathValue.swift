/// What the site's kinds of path share: a string underneath, compared, hashed and printed
/// as that string. Each kind is its own type (`SitePath`, `OutputPath`, `ContentPath`,
/// `SourcePath`), so a path of one kind is never passed where another is meant: the
/// conversions between them are named members, not string surgery at the call site.
public protocol PathValue: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
  var value: String { get }
  init(_ value: String)
}

extension PathValue {
  public init(stringLiteral value: String) { self.init(value) }
  public var description: String { value }
  public static func < (a: Self, b: Self) -> Bool { a.value < b.value }
}
