import Yams
import YearbookCore
import YearbookLoad
import YearbookModel

/// Reads the YAML of a ```` ```chart ```` block. Positions are counted in the Markdown
/// file, so `type: pie` is reported at its own line inside the article.
package enum ChartSpecParser {
  /// `firstLine` is the file line of the YAML's first line.
  package static func parse(_ yaml: String, file: SourcePath, firstLine: Int) -> (ChartSpec?, [Diagnostic]) {
    var document = YAMLDocument(yaml: yaml, file: file, lineOffset: firstLine - 1)
    guard document.isValid else { return (nil, document.diagnostics) }
    let start = SourceLocation(file: file, line: firstLine, column: 1)
    let typeText = document.string("type", required: true)
    var kind: ChartSpec.Kind?
    if let typeText {
      kind = ChartSpec.Kind(rawValue: typeText)
      if kind == nil {
        document.error(
          "unknown chart type \"\(typeText)\"; use one of \(ChartSpec.Kind.allCases.map(\.rawValue).joined(separator: ", "))",
          at: document.location(of: document.node("type")))
      }
    }
    let data = document.string("data", required: true)
    let title = document.string("title", required: true)
    var spec = ChartSpec(
      kind: kind ?? .table, data: data ?? "", x: document.string("x"), y: document.strings("y"), title: title ?? "",
      unit: document.string("unit"), source: document.string("source"), rows: document.strings("rows"),
      target: document.string("target"), sort: document.string("sort"), note: document.string("note"), location: start)
    if let sort = spec.sort, sort != "asc" && sort != "desc" {
      document.error("sort must be asc or desc, got \"\(sort)\"", at: document.location(of: document.node("sort")))
      spec.sort = nil
    }
    if let id = document.string("id") {
      if !id.isEmpty, id.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" }) {
        spec.id = id.lowercased()
      } else {
        document.error(
          "a chart id may use only letters a-z, digits, - and _, got \"\(id)\"; it names the chart's files",
          at: document.location(of: document.node("id")))
      }
    }
    if let kind, kind != .table && spec.y.isEmpty && document.node("y") == nil {
      document.error("missing required key 'y': the column (or list of columns) to plot", at: start)
    }
    if kind == .progress && spec.target == nil {
      document.error("a progress chart needs target: a column name or a number such as 100", at: start)
    }
    document.warnAboutUnknownErrors(known: ChartSpec.keys)
    // Missing keys are reported at the block's first line rather than the file's.
    let diagnostics = document.diagnostics.map { diagnostic in
      guard diagnostic.message.hasPrefix("missing required key") else { return diagnostic }
      return Diagnostic(diagnostic.severity, diagnostic.message, at: start)
    }
    guard kind != nil, data != nil, title != nil, !diagnostics.hasErrors else { return (nil, diagnostics) }
    return (spec, diagnostics)
  }
}

extension YAMLDocument {
  /// In a chart spec an unknown key is an error: a misspelt `tittle:` would otherwise
  /// silently give a chart without its title.
  package mutating func warnAboutUnknownErrors(known: [String]) {
    let before = diagnostics.count
    warnAboutUnknownKeys(known: known, context: "a chart")
    for index in before..<diagnostics.count {
      diagnostics[index].severity = .error
      diagnostics[index].message = diagnostics[index].message.replacingOccurrences(of: " is ignored", with: "")
    }
  }
}
