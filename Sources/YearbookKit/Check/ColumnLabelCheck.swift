/// The data page shows every column of every dataset: a column known only by a key such as
/// `amount` is shown under another name (the dataset's title, 类别), and the editor is told
/// where to give it a label. Charts warn the same way at their own lines.
enum ColumnLabelCheck {
  static func run(site: Site, documents: [String: DocumentFacts]) -> [Diagnostic] {
    // A dataset without a title is named on the data page by the first chart drawn from it.
    var firstChartTitle: [String: String] = [:]
    for report in site.reports {
      for path in [report.markdown.contentPath] + report.articles.map(\.markdown.contentPath) {
        for chart in documents[path]?.charts ?? [] where firstChartTitle[chart.spec.data] == nil {
          firstChartTitle[chart.spec.data] = chart.spec.title
        }
      }
    }
    let datasets = Dictionary(site.datasets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    return site.datasets.flatMap { dataset -> [Diagnostic] in
      let title = dataset.hasTitle ? dataset.title : firstChartTitle[dataset.id] ?? dataset.title
      let (_, diagnostics) = ChartData.resolve(.dataPageTable(of: dataset, title: title), datasets: datasets)
      return diagnostics.filter { $0.severity == .warning }.map { warning in
        var onDataPage = warning
        onDataPage.message = "on the data page, " + warning.message
        return onDataPage
      }
    }
  }
}
