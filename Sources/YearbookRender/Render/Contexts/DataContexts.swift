import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookMarkdown
import YearbookModel

/// A dataset on the data page, with links to the charts drawn from it (not the charts
/// again: the page stays short enough to scan on a phone).
package struct DatasetContext: TemplateValue {
  package let dataset: Dataset
  package let title: String
  package let table: String
  package let charts: [ChartOnPage]
  package let site: SiteView

  /// The dataset's title; without one, the title of the first chart drawn from it, which
  /// says more to a reader than a file name.
  package static func title(of dataset: Dataset, charts: [ChartOnPage]) -> String {
    dataset.hasTitle ? dataset.title : charts.first?.use.spec.title ?? dataset.title
  }

  package static let fields = TemplateFields<Self>([
    .text("id") { SitePaths.datasetAnchor($0.dataset.id) },
    .text("title") { $0.title },
    .text("file") { $0.dataset.file.value },
    .text("csv_url") { $0.site.link(SitePaths.datasetCSV($0.dataset.id)) },
    .number("row_count") { $0.dataset.rows.count },
    .text("table") { $0.table },
    .text("source") { $0.dataset.source },
    .text("period") { $0.dataset.period },
    .text("note") { $0.dataset.note },
    .list("charts") { $0.charts },
    .flag("has_charts") { !$0.charts.isEmpty },
  ])
}

/// A chart with the page it appears on.
package struct ChartOnPage: TemplateValue {
  package let use: ChartUse
  package let pageTitle: String
  package let pageSitePath: SitePath
  package let site: SiteView

  package static let fields = TemplateFields<Self>([
    .text("url") { $0.site.link($0.pageSitePath) + "#" + $0.use.id },
    .text("title") { $0.use.spec.title },
    .text("page_title") { $0.pageTitle },
    .text("page_url") { $0.site.link($0.pageSitePath) },
  ])
}
