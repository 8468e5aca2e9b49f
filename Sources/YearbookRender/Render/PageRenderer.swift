import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookMarkdown
import YearbookModel

/// Renders one page of the index through its template: pure, no file is read or written.
package struct PageRenderer: Sendable {
  package let site: SiteView
  package let plans: [String: TemplatePlan]
  package let oracle: MustacheOracle?
  package let charts: ChartRenderer

  package init(site: SiteView, theme: CompiledTheme) {
    self.site = site
    plans = theme.plans
    oracle = MustacheOracle(theme: theme.theme)
    charts = ChartRenderer(site: site.index.site)
  }

  /// An article's page, from its rendered Markdown.
  package func article(reportIndex: Int, articleIndex: Int, body: RenderedMarkdown) -> Result<String, Diagnostic> {
    let report = site.index.site.reports[reportIndex]
    return articlePage(
      articleContext(report: report, articleIndex: articleIndex, body: body), report: report, charts: body.charts)
  }

  /// An article's page from its context, which its embed page shares.
  package func articlePage(_ context: ArticleContext, report: Report, charts: [ChartRenderer.Rendered]) -> Result<
    String, Diagnostic
  > {
    let article = context.card.article
    var context = context
    if site.config.portalFiles {
      context.embed = EmbedCodes(article: article, body: context.body, charts: charts, site: site)
    }
    let frame = site.frame(
      title: article.title, sitePath: article.sitePath, kind: "article", description: context.card.summary,
      breadcrumbs: [site.homeCrumb, site.crumb(report.title, report.sitePath)], article: article)
    return render(PageContext(frame: frame, content: ArticleContent(article: context)), template: "article")
  }

  package func articleContext(report: Report, articleIndex: Int, body: RenderedMarkdown) -> ArticleContext {
    let article = report.articles[articleIndex]
    let summary = Summary.of(given: article.summary, body: body)
    return ArticleContext(
      card: ArticleCard(article: article, summary: summary, site: site), report: report, body: body.html,
      headings: body.headings,
      previous: articleIndex > 0 ? report.articles[articleIndex - 1] : nil,
      next: articleIndex + 1 < report.articles.count ? report.articles[articleIndex + 1] : nil)
  }

  /// Every page but articles, once the Markdown step has rendered every document;
  /// `reportBodies` holds the reports' introductions by their Markdown path, and
  /// `chapterBodies` the articles' bodies as `printChapter` made them, for the print pages.
  package func page(
    _ page: SiteIndex.Page, reportBodies: [ContentPath: RenderedMarkdown], chapterBodies: [ContentPath: String] = [:]
  ) -> Result<String, Diagnostic> {
    switch page.kind {
    case .home:
      let latest = site.index.site.reports.first.map { report in
        var context = ReportContext(report: report, site: site)
        if let kpi = reportBodies[report.markdown.contentPath]?.charts.first(where: { $0.spec.kind == .kpi }) {
          context.kpi = kpi.html
        }
        return context
      }
      let content = HomeContent(latest: latest, reports: reportContexts)
      return render(PageContext(frame: site.frame(title: nil, sitePath: "", kind: "home"), content: content), page)
    case .report(let reportIndex):
      let report = site.index.site.reports[reportIndex]
      var context = ReportContext(report: report, site: site)
      context.body = reportBodies[report.markdown.contentPath]?.html
      let frame = site.frame(
        title: report.title, sitePath: report.sitePath, kind: "report", description: site.summary(of: report),
        breadcrumbs: [site.homeCrumb])
      return render(PageContext(frame: frame, content: ReportContent(report: context)), page)
    case .article(let reportIndex, let articleIndex):
      let article = site.index.site.reports[reportIndex].articles[articleIndex]
      return .failure(.error(.articleWithoutMarkdown(), at: SourceLocation(file: article.markdown.file)))
    case .tags:
      let content = TagsContent(tags: site.index.tags.map { TagEntry(tag: $0, site: site) })
      let frame = site.frame(title: "标签", sitePath: SitePaths.tags, kind: "tags", breadcrumbs: [site.homeCrumb])
      return render(PageContext(frame: frame, content: content), page)
    case .tag(let tagIndex, let number):
      let tag = site.index.tags[tagIndex]
      let context = TagContext(
        tag: tag, articles: site.index.articles(ofTag: tagIndex, page: number), page: number,
        pageCount: SiteIndex.pageCount(items: tag.articles.count, perPage: site.config.paginate), site: site)
      let title = number > 1 ? "标签：\(tag.name)（第\(number)页）" : "标签：\(tag.name)"
      let frame = site.frame(
        title: title, sitePath: page.sitePath, kind: "tag",
        breadcrumbs: [site.homeCrumb, site.crumb("标签", SitePaths.tags)])
      return render(PageContext(frame: frame, content: TagContent(tag: context)), page)
    case .data:
      let frame = site.frame(title: "数据", sitePath: SitePaths.data, kind: "data", breadcrumbs: [site.homeCrumb])
      return render(PageContext(frame: frame, content: DataContent(datasets: datasetContexts())), page)
    case .notFound:
      let frame = site.frame(title: "页面未找到", sitePath: SitePaths.notFound, kind: "not-found")
      return render(PageContext(frame: frame, content: NotFoundContent(reports: reportContexts)), page)
    case .search:
      let content = SearchContent(
        search: SearchSettingsContext(settings: site.config.search ?? SearchSettings(), site: site),
        reports: reportContexts)
      let frame = site.frame(title: "站内搜索", sitePath: SitePaths.search, kind: "search", breadcrumbs: [site.homeCrumb])
      return render(PageContext(frame: frame, content: content), page)
    case .feed:
      return .success(AtomFeed.xml(site: site))
    case .sitemap:
      return .success(Sitemap.xml(index: site.index))
    case .datasetCSV(let datasetIndex):
      return .success(DataPage.csv(site.index.site.datasets[datasetIndex]))
    case .reportEmbed(let reportIndex):
      let report = site.index.site.reports[reportIndex]
      var context = ReportContext(report: report, site: site)
      context.body = reportBodies[report.markdown.contentPath]?.html
      let frame = site.frame(
        title: report.title, sitePath: report.sitePath, kind: "embed", description: site.summary(of: report))
      return render(PageContext(frame: frame, content: EmbedContent(report: context)), page)
    case .print(let reportIndex):
      let report = site.index.site.reports[reportIndex]
      var context = ReportContext(report: report, site: site)
      context.body = reportBodies[report.markdown.contentPath].map {
        PrintBody.html($0.html, slug: "intro", chapter: chapterLookup(reportIndex))
      }
      var chapters: [ChapterContext] = []
      for article in report.articles {
        // Every article's body is made before the print pages; one missing would vanish from print.
        guard let body = chapterBodies[article.markdown.contentPath] else {
          return .failure(
            .error(
              .printPageMissingArticle(report.title),
              at: SourceLocation(file: article.markdown.file)))
        }
        chapters.append(
          ChapterContext(card: site.card(article), anchor: PrintBody.anchor(slug: article.slug), body: body))
      }
      let frame = site.frame(
        title: "全文打印版", sitePath: page.sitePath, kind: "print", description: site.summary(of: report),
        breadcrumbs: [site.homeCrumb, site.crumb(report.title, report.sitePath)])
      return render(PageContext(frame: frame, content: PrintContent(report: context, chapters: chapters)), page)
    }
  }

  private var reportContexts: [ReportContext] {
    site.index.site.reports.map { ReportContext(report: $0, site: site) }
  }

  /// Every dataset with the charts drawn from it, in site order, with the page of each.
  private func datasetContexts() -> [DatasetContext] {
    var uses: [String: [ChartOnPage]] = [:]
    for report in site.index.site.reports {
      let documents =
        [(report.title, report.sitePath, report.markdown.contentPath)]
        + report.articles.map { ($0.title, $0.sitePath, $0.markdown.contentPath) }
      for (title, sitePath, contentPath) in documents {
        for chart in site.documents[contentPath]?.charts ?? [] {
          uses[chart.spec.data, default: []].append(
            ChartOnPage(use: chart, pageTitle: title, pageSitePath: sitePath, site: site))
        }
      }
    }
    return site.index.site.datasets.map { dataset in
      let charts = uses[dataset.id] ?? []
      let title = DatasetContext.title(of: dataset, charts: charts)
      return DatasetContext(
        dataset: dataset, title: title,
        table: self.charts.table(for: dataset, id: SitePaths.datasetAnchor(dataset.id) + "-table", title: title),
        charts: charts, site: site)
    }
  }

  private func render<Content>(_ context: PageContext<Content>, _ page: SiteIndex.Page) -> Result<String, Diagnostic> {
    guard let template = page.template else {
      return .failure(.error(.pageWithoutTemplate(page.outputPath.value), at: SourceLocation(file: "Templates")))
    }
    return render(context, template: template)
  }

  package func render<Content>(_ context: PageContext<Content>, template: String) -> Result<String, Diagnostic> {
    if let oracle {
      guard let html = oracle.render(context, template: template) else {
        return .failure(
          .error(.oracleFailed(template), at: SourceLocation(file: "Templates")))
      }
      return .success(html)
    }
    guard let plan = plans[template] else {
      return .failure(.error(.noCompiledTemplate(template), at: SourceLocation(file: "Templates")))
    }
    return .success(plan.render([TemplateBox(context.content), TemplateBox(context.frame)]))
  }
}
