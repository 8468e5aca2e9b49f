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
    for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      found += diagnostics(in: line, matcher: matcher) { column in
        SourceLocation(file: file, line: firstLine + offset, column: column)
      }
    }
    return found
  }

  /// The findings in one line or cell; `at` turns a 1-based character column into where it is.
  private static func diagnostics(
    in line: Substring, matcher: WordMatcher, at: (Int) -> SourceLocation
  ) -> [Diagnostic] {
    var found: [Diagnostic] = []
    for hit in PersonalNumbers.find(in: line) {
      let message: Message =
        switch hit.kind {
        case .residentID: .residentIDNumber(masked: hit.masked)
        case .mobile: .mobileNumber(masked: hit.masked)
        case .bankCard: .bankCardNumber(masked: hit.masked)
        }
      found.append(.error(message, at: at(column(of: hit.offset, in: line))))
    }
    guard !matcher.isEmpty else { return found }
    for (rule, offset) in matcher.find(in: line) {
      let message: Message =
        rule.origin == nil
        ? .officialUsage(rule.word, suggestion: rule.suggestion ?? "")
        : .listedWord(rule.word, suggestion: rule.suggestion, list: rule.origin.map(\.description))
      found.append(Diagnostic(rule.severity, message, at: at(column(of: offset, in: line))))
    }
    return found
  }

  /// The 1-based character column of a byte offset: bytes that start a character.
  private static func column(of offset: Int, in line: Substring) -> Int {
    line.utf8.prefix(offset).reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
  }
}
