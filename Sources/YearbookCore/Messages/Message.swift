/// One sentence for the editor, in both languages the tool speaks. Messages are made only
/// by the catalogue (`Messages/Catalogue/`), one static function each, so the English and
/// the Chinese of a message sit side by side and neither can be forgotten.
public struct Message: Sendable, Hashable, CustomStringConvertible {
  /// A stable name for the kind of message (`duplicateSlug`), for `check --format json`
  /// and for code that reacts to one kind of problem.
  public let id: String
  public let english: String
  public let chinese: String

  /// `id` defaults to the name of the catalogue function that makes the message.
  public init(en english: String, zh chinese: String, id: String = #function) {
    self.english = english
    self.chinese = chinese
    self.id = String(id.prefix { $0 != "(" })
  }

  public func text(_ language: Language) -> String {
    switch language {
    case .chinese: chinese
    case .english: english
    }
  }

  /// English: what logs, tests and `print` show when no reader's language is known.
  public var description: String { english }
}
