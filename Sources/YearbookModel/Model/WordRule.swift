import YearbookCore

/// One entry of the word list a bureau keeps (`checks: {words: checks/words.txt}`), or of
/// the built-in list of usages official writing treats as errors: a word never to publish,
/// with what to write instead.
public struct WordRule: Sendable, Hashable {
  public var word: String
  public var suggestion: String?
  public var severity: Diagnostic.Severity
  /// The rule holds only where the word is followed by one of these (截止 before a date
  /// means 截至; 截止日期 is right); empty for everywhere.
  public var before: [String]
  /// Where the entry is written, for messages about a hit: the list's line, or nil for
  /// the built-in list.
  public var origin: SourceLocation?

  public init(
    word: String, suggestion: String? = nil, severity: Diagnostic.Severity = .error, before: [String] = [],
    origin: SourceLocation? = nil
  ) {
    self.word = word
    self.suggestion = suggestion
    self.severity = severity
    self.before = before
    self.origin = origin
  }
}
