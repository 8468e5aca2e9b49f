import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookMarkdown
import YearbookModel

/// What the `embed` template renders: a report, an article or one chart, without the
/// site's chrome, for an iframe in the portal.
package struct EmbedContent: TemplateValue {
  package var article: ArticleContext?
  package var report: ReportContext?
  package var chart: ChartEmbedContext?

  package init(article: ArticleContext? = nil, report: ReportContext? = nil, chart: ChartEmbedContext? = nil) {
    self.article = article
    self.report = report
    self.chart = chart
  }

  package static let fields = TemplateFields<Self>([
    .object("article") { $0.article },
    .object("report") { $0.report },
    .object("chart") { $0.chart },
  ])
}

/// One chart on its embed page, with the article it comes from.
package struct ChartEmbedContext: TemplateValue {
  package var html: String
  package var pageTitle: String
  package var pageURL: String

  package init(html: String, pageTitle: String, pageURL: String) {
    self.html = html
    self.pageTitle = pageTitle
    self.pageURL = pageURL
  }

  package static let fields = TemplateFields<Self>([
    .text("html") { $0.html },
    .text("page_title") { $0.pageTitle },
    .text("page_url") { $0.pageURL },
  ])
}

/// `article.embed` on an article's page: what an editor copies to put it into the portal.
package struct EmbedCodes: TemplateValue {
  package var embedURL: String
  package var iframeCode: String
  package var fragmentURL: String
  package var inlineFragmentURL: String
  package var fragmentStylesheetURL: String
  package var charts: [ChartFileLinks]
  /// The body's opening with its styles reverted: the fragment without its stylesheet.
  package var unstyledSample: String

  package init(article: Article, body: String, charts: [ChartRenderer.Rendered], site: SiteView) {
    unstyledSample = UnstyledSample.of(body: body)
    let config = site.config
    let embed = SitePaths.embed(article.sitePath)
    embedURL = config.absolute(embed)
    // The listener sizes the frame to its page; without script it keeps the height given.
    iframeCode =
      "<iframe src=\"\(HTML.escape(embedURL))\" title=\"\(HTML.escape(article.title))\" width=\"100%\" height=\"1200\" loading=\"lazy\"></iframe>\n<script src=\"\(HTML.escape(config.absolute(SitePaths.embedHostScript)))\" async></script>"
    fragmentURL = config.absolute(SitePaths.fragment(report: article.reportID, slug: article.slug))
    inlineFragmentURL = config.absolute(SitePaths.inlineFragment(report: article.reportID, slug: article.slug))
    fragmentStylesheetURL = config.absolute(SitePaths.fragmentStylesheet)
    self.charts = charts.map { chart in
      let fileURL = !chart.hasFile ? nil : config.absolute(SitePaths.chartFile(chart.id))
      return ChartFileLinks(
        title: chart.spec.title, fileURL: fileURL, embedURL: config.absolute(SitePaths.chartEmbed(chart.id)),
        imageCode: fileURL.flatMap { url in
          chart.drawing.fileSize.map {
            Self.imageCode(
              url: url,
              alt: chart.spec.title + "："
                + (chart.figure?.alternative ?? ChartDescription.alternative(chart.data)), size: $0)
          }
        })
    }
  }

  /// The chart as a picture for the portal: its width and height keep its proportions as
  /// it shrinks to the column, without script; a CMS that drops `style` still keeps them,
  /// at the picture's own size.
  static func imageCode(url: String, alt: String, size: (width: Double, height: Double)) -> String {
    "<img src=\"\(HTML.escape(url))\" alt=\"\(HTML.escape(alt))\" width=\"\(Int(size.width.rounded()))\" height=\"\(Int(size.height.rounded()))\" style=\"max-width: 100%; height: auto\">"
  }

  package static let fields = TemplateFields<Self>([
    .text("embed_url") { $0.embedURL },
    .text("iframe_code") { $0.iframeCode },
    .text("fragment_url") { $0.fragmentURL },
    .text("inline_fragment_url") { $0.inlineFragmentURL },
    .text("fragment_stylesheet_url") { $0.fragmentStylesheetURL },
    .list("charts") { $0.charts },
    .text("unstyled_sample") { $0.unstyledSample },
    .flag("has_charts") { !$0.charts.isEmpty },
  ])
}

package struct ChartFileLinks: TemplateValue {
  package var title: String
  /// Nil for a `table` chart, which has no picture.
  package var fileURL: String?
  package var embedURL: String
  /// The `<img>` to paste into the portal; nil without a picture.
  package var imageCode: String?

  package static let fields = TemplateFields<Self>([
    .text("title") { $0.title },
    .text("file_url") { $0.fileURL },
    .text("embed_url") { $0.embedURL },
    .text("image_code") { $0.imageCode },
  ])
}

/// What the `print` template renders: the report, then each article as a chapter.
package struct PrintContent: TemplateValue {
  package let report: ReportContext
  package let chapters: [ChapterContext]

  package static let fields = TemplateFields<Self>([
    .object("report") { $0.report },
    .list("chapters") { $0.chapters },
  ])
}

/// An article as a chapter of the print page: the card's fields, an anchor and its body.
package struct ChapterContext: TemplateValue {
  /// Boxed once: the card's fields are read through it many times on a page.
  package let cardBox: TemplateBox<ArticleCard>
  package var card: ArticleCard { cardBox.value }
  package let anchor: String
  package let body: String

  package init(card: ArticleCard, anchor: String, body: String) {
    cardBox = TemplateBox(card)
    self.anchor = anchor
    self.body = body
  }

  package static let fields = TemplateFields<Self>(
    TemplateFields<Self>.Field.forwarded(ArticleCard.fields) { $0.cardBox } + [
      .text("anchor") { $0.anchor },
      .text("body") { $0.body },
    ])
}
