/// A problem found in the site's files, located like a compiler's message so an editor
/// can jump straight to it: `Content/2024/platforms.md:3:7: error: ...`.
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable, Codable {
    case error
    case warning
  }

  public var severity: Severity
  public var location: SourceLocation
  public var message: String

  public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
    self.severity = severity
    self.message = message
    self.location = location
  }

  public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(.error, message, at: location)
  }

  public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(.warning, message, at: location)
  }

  public var description: String {
    "\(location): \(severity.rawValue): \(message)"
  }
}

extension Array where Element == Diagnostic {
  public var hasErrors: Bool { contains { $0.severity == .error } }

  /// File order: by path, then position; problems without a line come first in their file.
  public func sortedInFileOrder() -> [Diagnostic] {
    enumerated().sorted { a, b in
      if a.element.location != b.element.location {
        return a.element.location < b.element.location
      }
      return a.offset < b.offset
    }.map(\.element)
  }
}
