/// A dataset on the data page, with the charts drawn from it.
struct DatasetContext: TemplateValue {
  let dataset: Dataset
  let table: String
  /// Charts shown in full; the rest are listed as links, so the page stays a readable size.
  let charts: [ChartOnPage]
  let moreCharts: [ChartOnPage]
  let site: SiteView

  static let fields = TemplateFields<Self>([
    .text("id") { SitePaths.datasetAnchor($0.dataset.id) },
    .text("title") { $0.dataset.title },
    .text("csv_url") { $0.site.link(SitePaths.datasetCSV($0.dataset.id)) },
    .number("row_count") { $0.dataset.rows.count },
    .text("table") { $0.table },
    .text("source") { $0.dataset.source },
    .text("period") { $0.dataset.period },
    .text("note") { $0.dataset.note },
    .list("charts") { $0.charts },
    .flag("has_charts") { !$0.charts.isEmpty },
    .list("more_charts") { $0.moreCharts },
    .number("more_chart_count") { $0.moreCharts.count },
    .flag("has_more_charts") { !$0.moreCharts.isEmpty },
  ])
}

/// A chart with the page it appears on.
struct ChartOnPage: TemplateValue {
  let use: ChartUse
  let pageTitle: String
  let pageSitePath: String
  let site: SiteView
  /// The chart drawn again; nil when it is only listed.
  let html: String?

  static let fields = TemplateFields<Self>([
    .text("html") { $0.html },
    .text("title") { $0.use.spec.title },
    .text("page_title") { $0.pageTitle },
    .text("page_url") { $0.site.link($0.pageSitePath) },
  ])
}
