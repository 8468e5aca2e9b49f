/// A position in one of the site's files. `file` is the path as the editor typed it on
/// the command line's root (e.g. `Content/2024/platforms.md`); line and column count from 1.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var file: String
  public var line: Int?
  public var column: Int?

  public init(file: String, line: Int? = nil, column: Int? = nil) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String {
    switch (line, column) {
    case (let line?, let column?): "\(file):\(line):\(column)"
    case (let line?, nil): "\(file):\(line)"
    default: file
    }
  }

  public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
    if a.file != b.file { return a.file < b.file }
    if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
    return (a.column ?? 0) < (b.column ?? 0)
  }
}
