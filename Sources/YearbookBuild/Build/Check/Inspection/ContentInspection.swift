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
      let phoneColumns = dataset.columns.map { column in
        ["电话", "手机", "联系", "号码", "phone", "mobile", "tel"].contains {
          (column.name + column.label).lowercased().contains($0)
        }
      }
      for (rowIndex, row) in dataset.rows.enumerated() {
        for (columnIndex, cell) in row.enumerated() {
          let at = dataset.cellLocations[safe: rowIndex]?[safe: columnIndex] ?? nil
          let location = at ?? SourceLocation(file: dataset.file)
          let amount = cell.quantity != nil && phoneColumns[safe: columnIndex] != true
          found += inspection.findings(in: cell.text, amount: amount) { column in
            guard let line = location.line, let start = location.column else { return location }
            return SourceLocation(file: location.file, line: line, column: start + column - 1)
          }
        }
      }
    }
    return found
  }
}
