import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookPortal
import YearbookRender

/// The data page shows every column of every dataset: a column known only by a key such as
/// `amount` is shown under another name (the dataset's title, 类别), and the editor is told
/// where to give it a label. A column a chart shows is warned about at the chart's line
/// instead, once.
package enum ColumnLabelCheck {
  package static func run(site: Site, documents: [ContentPath: DocumentFacts]) -> [Diagnostic] {
    // A dataset without a title is named on the data page by the first chart drawn from it.
    var firstChartTitle: [String: String] = [:]
    var shownByCharts: [String: Set<String>] = [:]
    for report in site.reports {
      for path in [report.markdown.contentPath] + report.articles.map(\.markdown.contentPath) {
        for chart in documents[path]?.charts ?? [] {
          if firstChartTitle[chart.spec.data] == nil { firstChartTitle[chart.spec.data] = chart.spec.title }
          let all = chart.spec.kind == .table && chart.spec.y.isEmpty
          shownByCharts[chart.spec.data, default: []].formUnion(all ? ["*"] : chart.spec.y + [chart.spec.x ?? "*first"])
        }
      }
    }
    let datasets = Dictionary(site.datasets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    return site.datasets.flatMap { dataset -> [Diagnostic] in
      let title = dataset.hasTitle ? dataset.title : firstChartTitle[dataset.id] ?? dataset.title
      let (_, diagnostics) = ChartData.resolve(
        .dataPageTable(of: dataset, title: title), datasets: datasets, pointLimit: .max)
      let shown = shownByCharts[dataset.id] ?? []
      guard !shown.contains("*") else { return [] }
      let warned = dataset.columns.indices.filter { index in
        let column = dataset.columns[index]
        return shown.contains(column.name) || shown.contains(column.label) || (index == 0 && shown.contains("*first"))
      }.map { "column '\(dataset.columns[$0].name)' " }
      return diagnostics.filter { warning in
        warning.severity == .warning && !warned.contains { warning.message.english.hasPrefix($0) }
      }.map { warning in
        var onDataPage = warning
        onDataPage.message = .onDataPage(warning.message)
        return onDataPage
      }
    }
  }
}
