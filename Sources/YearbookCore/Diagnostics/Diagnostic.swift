/// A problem found in the site's files, located like a compiler's message so an editor
/// can jump straight to it: `Content/2024/platforms.md:3:7: error: ...`.
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
  public enum Severity: String, Sendable, Hashable, Codable {
    case error
    case warning

    public func word(_ language: Language) -> String {
      switch (self, language) {
      case (.error, .english): "error"
      case (.warning, .english): "warning"
      case (.error, .chinese): "错误"
      case (.warning, .chinese): "警告"
      }
    }
  }

  public var severity: Severity
  public var location: SourceLocation
  public var message: Message

  public init(_ severity: Severity, _ message: Message, at location: SourceLocation) {
    self.severity = severity
    self.message = message
    self.location = location
  }

  public static func error(_ message: Message, at location: SourceLocation) -> Diagnostic {
    Diagnostic(.error, message, at: location)
  }

  public static func warning(_ message: Message, at location: SourceLocation) -> Diagnostic {
    Diagnostic(.warning, message, at: location)
  }

  /// `Content/2024/platforms.md:3:7: error: …`, or `…:3:7: 错误：…` for a Chinese reader.
  public func text(_ language: Language) -> String {
    let separator = language == .chinese ? "：" : ": "
    return "\(location): \(severity.word(language))\(separator)\(message.text(language))"
  }

  public var description: String { text(.english) }
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
