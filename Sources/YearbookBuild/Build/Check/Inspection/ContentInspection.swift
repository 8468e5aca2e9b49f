import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookPortal
import YearbookRender

/// The inspection of the text a site publishes (`TextInspection`), over every report's
/// and article's body and every dataset cell. Front matter is read by the loader, which
/// has its text at hand.
package enum ContentInspection {
  package static func run(site: Site) -> [Diagnostic] {
    let inspection = TextInspection(site.config)
    let documents = site.reports.flatMap { [$0.markdown] + $0.articles.map(\.markdown) }
    var found =
      Parallel.map(documents) { source in
        inspection.findings(in: source.text, file: source.file, firstLine: source.lineOffset + 1)
      }.flatMap { $0 } + site.frontMatterFindings
    for dataset in site.datasets {
      for (rowIndex, row) in dataset.rows.enumerated() {
        for (columnIndex, cell) in row.enumerated() {
          let at = dataset.cellLocations[safe: rowIndex]?[safe: columnIndex] ?? nil
          let location = at ?? SourceLocation(file: dataset.file)
          found += inspection.findings(in: cell.text) { column in
            guard let line = location.line, let start = location.column else { return location }
            return SourceLocation(file: location.file, line: line, column: start + column - 1)
          }
        }
      }
    }
    return found
  }
}
