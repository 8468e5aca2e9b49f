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
          .unknownChartType(typeText, known: ChartSpec.Kind.allCases.map(\.rawValue)),
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
      document.error(.badSort(sort), at: document.location(of: document.node("sort")))
      spec.sort = nil
    }
    if let id = document.string("id") {
      if !id.isEmpty, id.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" }) {
        spec.id = id.lowercased()
      } else {
        document.error(
          .badChartID(id),
          at: document.location(of: document.node("id")))
      }
    }
    if let kind, kind != .table && spec.y.isEmpty && document.node("y") == nil {
      document.error(.chartWithoutY(), at: start)
    }
    if kind == .progress && spec.target == nil {
      document.error(.progressWithoutTarget(), at: start)
    }
    document.reportUnknownKeys(known: ChartSpec.keys, context: .chart, refuse: true)
    // Missing keys are reported at the block's first line rather than the file's.
    let diagnostics = document.diagnostics.map { diagnostic in
      guard diagnostic.message.id == "yamlMissingKey" else { return diagnostic }
      return Diagnostic(diagnostic.severity, diagnostic.message, at: start)
    }
    guard kind != nil, data != nil, title != nil, !diagnostics.hasErrors else { return (nil, diagnostics) }
    return (spec, diagnostics)
  }
}
