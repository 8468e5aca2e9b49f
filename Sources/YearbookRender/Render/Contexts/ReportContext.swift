import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookMarkdown
import YearbookModel

/// `report` on a report's page, `latest` and `reports` on the home page. Its article
/// list is made only when a template asks for it.
package struct ReportContext: TemplateValue {
  package let report: Report
  package let site: SiteView
  /// The report's introduction as HTML, on its own page.
  package var body: String?
  /// The first KPI chart of the report, on the home page.
  package var kpi: String?

  package static let fields = TemplateFields<Self>([
    .text("title") { $0.report.title },
    .text("period") { $0.report.period },
    .text("date") { $0.report.date.chinese },
    .text("date_iso") { $0.report.date.description },
    .text("url") { $0.site.link($0.report.sitePath) },
    .text("print_url") { $0.site.link(SitePaths.print(report: $0.report.id)) },
    .text("summary") { $0.site.summary(of: $0.report) },
    .list("articles") { context in context.report.articles.map { context.site.card($0) } },
    .number("article_count") { $0.report.articles.count },
    .list("key_figures") { $0.report.keyFigures.map(KeyFigureContext.init) },
    .flag("has_key_figures") { !$0.report.keyFigures.isEmpty },
    .text("body") { $0.body },
    .text("kpi") { $0.kpi },
  ])
}

package struct KeyFigureContext: TemplateValue {
  package let figure: KeyFigure

  package static let fields = TemplateFields<Self>([
    .text("label") { $0.figure.label },
    .text("value") { $0.figure.value },
    .text("unit") { $0.figure.unit },
    .text("note") { $0.figure.note },
  ])
}
