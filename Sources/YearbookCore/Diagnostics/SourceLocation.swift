/// A position in one of the site's files: the file as the editor would type it from the
/// site's root (`Content/2024/platforms.md`); line and column count from 1.
/// In a workbook, `sheet` names the sheet and line and column are the cell's row and
/// column, written as Excel does: `Content/data/指标.xlsx[Sheet1]!C7`.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var file: SourcePath
  public var line: Int?
  public var column: Int?
  public var sheet: String?

  public init(file: SourcePath, line: Int? = nil, column: Int? = nil) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// A cell of a workbook's sheet (row and column from 1), or the sheet itself.
  public init(file: SourcePath, sheet: String, row: Int? = nil, column: Int? = nil) {
    self.init(file: file, line: row, column: column)
    self.sheet = sheet
  }

  /// `C`, `AA`: a column number as a spreadsheet writes it.
  public static func columnLetters(_ column: Int) -> String {
    var letters = ""
    var rest = column
    while rest > 0 {
      let digit = (rest - 1) % 26
      letters = String(UnicodeScalar(UInt8(65 + digit))) + letters
      rest = (rest - 1) / 26
    }
    return letters
  }

  public var description: String {
    if let sheet {
      guard let line, let column else { return "\(file)[\(sheet)]" }
      return "\(file)[\(sheet)]!\(Self.columnLetters(column))\(line)"
    }
    return switch (line, column) {
    case (let line?, let column?): "\(file):\(line):\(column)"
    case (let line?, nil): "\(file):\(line)"
    default: file.value
    }
  }

  public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
    if a.file != b.file { return a.file < b.file }
    if a.sheet != b.sheet { return (a.sheet ?? "") < (b.sheet ?? "") }
    if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
    return (a.column ?? 0) < (b.column ?? 0)
  }
}
