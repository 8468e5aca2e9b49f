import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookMarkdown
import YearbookModel
import YearbookRender

/// The files for the portal that are made from a rendered document: an article's embed
/// page and CMS fragments, each chart's file and embed page, and an article's chapter of
/// its report's print page. Pure, as the rest of `PageRenderer`.
extension PageRenderer {
  /// Every file made from an article's Markdown, by output path: its page, then its portal
  /// files.
  package func articleFiles(reportIndex: Int, articleIndex: Int, body: RenderedMarkdown) -> Result<
    [(path: OutputPath, text: String)], Diagnostic
  > {
    articlePage(reportIndex: reportIndex, articleIndex: articleIndex, body: body).flatMap { page in
      articlePortalFiles(reportIndex: reportIndex, articleIndex: articleIndex, body: body).map { [page] + $0 }
    }
  }

  /// An article's page, by output path.
  package func articlePage(reportIndex: Int, articleIndex: Int, body: RenderedMarkdown) -> Result<
    (path: OutputPath, text: String), Diagnostic
  > {
    let report = site.index.site.reports[reportIndex]
    let context = articleContext(report: report, articleIndex: articleIndex, body: body)
    return articlePage(context, report: report, charts: body.charts).map {
      (report.articles[articleIndex].sitePath.outputPath, $0)
    }
  }

  /// An article's files for the portal, by output path: its embed page, both CMS fragments,
  /// and each chart's `.svg` file and embed page; none when the site has `portal_files: false`.
  package func articlePortalFiles(reportIndex: Int, articleIndex: Int, body: RenderedMarkdown) -> Result<
    [(path: OutputPath, text: String)], Diagnostic
  > {
    guard site.config.portalFiles else { return .success([]) }
    let report = site.index.site.reports[reportIndex]
    let article = report.articles[articleIndex]
    var files: [(path: OutputPath, text: String)] = []
    let context = articleContext(report: report, articleIndex: articleIndex, body: body)
    let frame = site.frame(
      title: article.title, sitePath: article.sitePath, kind: "embed", description: context.card.summary,
      column: report.title, article: article)
    switch render(PageContext(frame: frame, content: EmbedContent(article: context)), template: "embed") {
    case .success(let html): files.append((SitePaths.embed(article.sitePath).outputPath, html))
    case .failure(let diagnostic): return .failure(diagnostic)
    }
    let charts = body.charts.map { (chart: $0, forms: $0.portalForms()) }
    let fragments = Fragment.html(body: body.html, charts: charts, article: article, config: site.config)
    files.append((SitePaths.fragment(report: article.reportID, slug: article.slug).outputPath, fragments.images))
    files.append((SitePaths.inlineFragment(report: article.reportID, slug: article.slug).outputPath, fragments.inline))
    switch chartFiles(charts, pageTitle: article.title, sitePath: article.sitePath, column: report.title) {
    case .success(let chartFiles): files += chartFiles
    case .failure(let diagnostic): return .failure(diagnostic)
    }
    return .success(files)
  }

  /// Each chart's `.svg` file and embed page; `sitePath` is the page the charts are on.
  package func chartFiles(
    _ charts: [(chart: ChartRenderer.Rendered, forms: PortalForms)], pageTitle: String, sitePath: SitePath,
    column: String
  ) -> Result<[(path: OutputPath, text: String)], Diagnostic> {
    var files: [(path: OutputPath, text: String)] = []
    for (chart, forms) in charts {
      if let file = forms.file { files.append((SitePaths.chartFile(chart.id).outputPath, file)) }
      let context = ChartEmbedContext(html: chart.html, pageTitle: pageTitle, pageURL: site.link(sitePath))
      let frame = site.frame(
        title: chart.spec.title + site.config.titleSeparator + pageTitle, sitePath: sitePath, kind: "embed",
        description: forms.description, column: column)
      switch render(PageContext(frame: frame, content: EmbedContent(chart: context)), template: "embed") {
      case .success(let html): files.append((SitePaths.chartEmbed(chart.id).outputPath, html))
      case .failure(let diagnostic): return .failure(diagnostic)
      }
    }
    return .success(files)
  }
}
