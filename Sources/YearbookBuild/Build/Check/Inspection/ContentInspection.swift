import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookPortal
import YearbookRender

/// What the inspection of a government site looks for in its text, found before anything
/// is published: personal numbers (errors, with the masked form), and the bureau's word
/// list and the built-in usages (errors or warnings as the entry says). Every report and
/// article is read where it is written, front matter and body, and every dataset cell.
package enum ContentInspection {
  package static func run(site: Site) -> [Diagnostic] {
    let matcher = WordMatcher(site.config.wordRules + (site.config.builtinWords ? WordMatcher.builtIn : []))
    let documents = site.reports.flatMap { [$0.markdown] + $0.articles.map(\.markdown) }
    var found = Parallel.map(documents) { source -> [Diagnostic] in
      // The front matter starts on the file's second line, after its `---`.
      inspect(source.frontMatter, file: source.file, firstLine: 2, matcher: matcher)
        + inspect(source.text, file: source.file, firstLine: source.lineOffset + 1, matcher: matcher)
    }.flatMap { $0 }
    for dataset in site.datasets {
      for (rowIndex, row) in dataset.rows.enumerated() {
        for (columnIndex, cell) in row.enumerated() {
          let at = dataset.cellLocations[safe: rowIndex]?[safe: columnIndex] ?? nil
          let location = at ?? SourceLocation(file: dataset.file)
          found += diagnostics(in: Substring(cell.text), matcher: matcher) { column in
            guard let line = location.line, let start = location.column else { return location }
            return SourceLocation(file: location.file, line: line, column: start + column - 1)
          }
        }
      }
    }
    return found
  }

  private static func inspect(_ text: String, file: SourcePath, firstLine: Int, matcher: WordMatcher) -> [Diagnostic] {
    var found: [Diagnostic] = []
    var text = text
    text.withUTF8 { bytes in
      var start = 0
      var line = firstLine
      while start <= bytes.count {
        let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
        let lineNumber = line
        inspect(bytes[start..<end], matcher: matcher, into: &found) { column in
          SourceLocation(file: file, line: lineNumber, column: column)
        }
        start = end + 1
        line += 1
      }
    }
    return found
  }

  private static func diagnostics(
    in text: Substring, matcher: WordMatcher, at: (Int) -> SourceLocation
  ) -> [Diagnostic] {
    var text = String(text)
    var found: [Diagnostic] = []
    text.withUTF8 { inspect($0[...], matcher: matcher, into: &found, at: at) }
    return found
  }

  /// The findings in one line or cell; `at` turns a 1-based character column into where it is.
  private static func inspect(
    _ line: Slice<UnsafeBufferPointer<UInt8>>, matcher: WordMatcher, into found: inout [Diagnostic],
    at: (Int) -> SourceLocation
  ) {
    for hit in PersonalNumbers.find(in: line) {
      let message: Message =
        switch hit.kind {
        case .residentID: .residentIDNumber(masked: hit.masked)
        case .mobile: .mobileNumber(masked: hit.masked)
        case .bankCard: .bankCardNumber(masked: hit.masked)
        }
      found.append(.error(message, at: at(column(of: hit.offset, in: line))))
    }
    guard !matcher.isEmpty else { return }
    for (rule, offset) in matcher.find(in: line) {
      let message: Message =
        rule.origin == nil
        ? .officialUsage(rule.word, suggestion: rule.suggestion ?? "")
        : .listedWord(rule.word, suggestion: rule.suggestion, list: rule.origin.map(\.description))
      found.append(Diagnostic(rule.severity, message, at: at(column(of: offset, in: line))))
    }
  }

  /// The 1-based character column of a byte offset: bytes that start a character.
  private static func column(of offset: Int, in line: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
    line.prefix(offset).reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
  }
}
