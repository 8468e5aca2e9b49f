import YearbookCore
import YearbookModel

/// Reads the word list a bureau keeps: one entry a line, `错词 => 正确写法` or a word alone,
/// `[提示]` (or `[warning]`) at the end for a warning rather than an error, `#` for comments.
package enum WordList {
  package static func parse(_ text: String, file: SourcePath) -> ([WordRule], [Diagnostic]) {
    var rules: [WordRule] = []
    var problems: [Diagnostic] = []
    let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    for (offset, rawLine) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      var line = rawLine.trimmed
      if line.isEmpty || line.hasPrefix("#") { continue }
      let location = SourceLocation(file: file, line: offset + 1, column: 1)
      var severity = Diagnostic.Severity.error
      for marker in ["[提示]", "[warning]", "【提示】"] where line.hasSuffix(marker) {
        severity = .warning
        line = String(line.dropLast(marker.count)).trimmed
      }
      let parts = line.components(separatedBy: "=>")
      let word = parts[0].trimmed
      let suggestion = parts.count > 1 ? parts.dropFirst().joined(separator: "=>").trimmed : nil
      guard !word.isEmpty, parts.count <= 2 else {
        problems.append(.error(.badWordListEntry(line), at: location))
        continue
      }
      rules.append(
        WordRule(
          word: word, suggestion: suggestion.flatMap { $0.isEmpty ? nil : $0 }, severity: severity,
          origin: location))
    }
    return (rules, problems)
  }
}
