import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookMarkdown
import YearbookModel

/// What the `embed` template renders: a report, an article or one chart, without the
/// site's chrome, for an iframe in the portal.
struct EmbedContent: TemplateValue {
  var article: ArticleContext?
  var report: ReportContext?
  var chart: ChartEmbedContext?

  static let fields = TemplateFields<Self>([
    .object("article") { $0.article },
    .object("report") { $0.report },
    .object("chart") { $0.chart },
  ])
}

/// One chart on its embed page, with the article it comes from.
struct ChartEmbedContext: TemplateValue {
  var html: String
  var pageTitle: String
  var pageURL: String

  static let fields = TemplateFields<Self>([
    .text("html") { $0.html },
    .text("page_title") { $0.pageTitle },
    .text("page_url") { $0.pageURL },
  ])
}

/// `article.embed` on an article's page: what an editor copies to put it into the portal.
struct EmbedCodes: TemplateValue {
  var embedURL: String
  var iframeCode: String
  var fragmentURL: String
  var inlineFragmentURL: String
  var fragmentStylesheetURL: String
  var charts: [ChartFileLinks]

  init(article: Article, charts: [ChartRenderer.Rendered], site: SiteView) {
    let config = site.config
    let embed = SitePaths.embed(article.sitePath)
    embedURL = config.absolute(embed)
    iframeCode =
      "<iframe src=\"\(HTML.escape(embedURL))\" title=\"\(HTML.escape(article.title))\" width=\"100%\" height=\"1200\" loading=\"lazy\"></iframe>"
    fragmentURL = config.absolute(SitePaths.fragment(report: article.reportID, slug: article.slug))
    inlineFragmentURL = config.absolute(SitePaths.inlineFragment(report: article.reportID, slug: article.slug))
    fragmentStylesheetURL = config.absolute(SitePaths.fragmentStylesheet)
    self.charts = charts.map { chart in
      ChartFileLinks(
        title: chart.spec.title, fileURL: !chart.hasFile ? nil : config.absolute(SitePaths.chartFile(chart.id)),
        embedURL: config.absolute(SitePaths.chartEmbed(chart.id)))
    }
  }

  static let fields = TemplateFields<Self>([
    .text("embed_url") { $0.embedURL },
    .text("iframe_code") { $0.iframeCode },
    .text("fragment_url") { $0.fragmentURL },
    .text("inline_fragment_url") { $0.inlineFragmentURL },
    .text("fragment_stylesheet_url") { $0.fragmentStylesheetURL },
    .list("charts") { $0.charts },
    .flag("has_charts") { !$0.charts.isEmpty },
  ])
}

struct ChartFileLinks: TemplateValue {
  var title: String
  /// Nil for a `table` chart, which has no picture.
  var fileURL: String?
  var embedURL: String

  static let fields = TemplateFields<Self>([
    .text("title") { $0.title },
    .text("file_url") { $0.fileURL },
    .text("embed_url") { $0.embedURL },
  ])
}

/// What the `print` template renders: the report, then each article as a chapter.
struct PrintContent: TemplateValue {
  let report: ReportContext
  let chapters: [ChapterContext]

  static let fields = TemplateFields<Self>([
    .object("report") { $0.report },
    .list("chapters") { $0.chapters },
  ])
}

/// An article as a chapter of the print page: the card's fields, an anchor and its body.
struct ChapterContext: TemplateValue {
  let card: ArticleCard
  let anchor: String
  let body: String

  static let fields = TemplateFields<Self>(
    TemplateFields<Self>.Field.forwarded(ArticleCard.fields) { $0.card } + [
      .text("anchor") { $0.anchor },
      .text("body") { $0.body },
    ])
}
