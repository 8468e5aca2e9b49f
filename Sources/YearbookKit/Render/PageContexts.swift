/// What each page of the site shows, as the values its Mustache template reads. Keys are
/// snake_case, the way template authors write them; every value is plain text that
/// Mustache escapes, except the `body` keys, which hold HTML rendered by cmark.
struct PageContexts: Sendable {
  let site: Site
  let bodies: [String: RenderedMarkdown]

  struct Page: Sendable {
    var path: String
    var template: String
    var context: @Sendable () -> [String: Any]
  }

  func all() -> [Page] {
    var pages: [Page] = [Page(path: "index.html", template: "home") { home() }]
    for report in site.reports {
      pages.append(Page(path: report.sitePath + "index.html", template: "report") { reportPage(report) })
      for (index, article) in report.articles.enumerated() {
        let previous = index > 0 ? report.articles[index - 1] : nil
        let next = index + 1 < report.articles.count ? report.articles[index + 1] : nil
        pages.append(
          Page(path: article.sitePath + "index.html", template: "article") {
            articlePage(article, in: report, previous: previous, next: next)
          })
      }
    }
    let tags = Tag.index(of: site.articles)
    pages.append(Page(path: "tags/index.html", template: "tags") { tagsPage(tags) })
    for tag in tags {
      pages.append(Page(path: tag.sitePath + "index.html", template: "tag") { tagPage(tag) })
    }
    pages.append(Page(path: "data/index.html", template: "data") { dataPage() })
    pages.append(Page(path: "404.html", template: "not-found") { notFoundPage() })
    return pages
  }

  // MARK: Pages

  private func home() -> [String: Any] {
    var context = common(title: nil, sitePath: "", kind: "home")
    if let latest = site.reports.first {
      var values = reportSummary(latest)
      if let kpi = bodies[latest.markdown.contentPath]?.charts.first(where: { $0.spec.kind == .kpi }) {
        values["kpi"] = kpi.html
      }
      context["latest"] = values
    }
    context["reports"] = site.reports.map(reportSummary)
    return context
  }

  private func reportPage(_ report: Report) -> [String: Any] {
    var context = common(
      title: report.title, sitePath: report.sitePath, kind: "report", description: summary(of: report))
    var values = reportSummary(report)
    values["body"] = bodies[report.markdown.contentPath]?.html ?? ""
    context["report"] = values
    context["breadcrumbs"] = [crumb(site.config.title, "")]
    return context
  }

  private func articlePage(_ article: Article, in report: Report, previous: Article?, next: Article?) -> [String: Any] {
    var context = common(
      title: article.title, sitePath: article.sitePath, kind: "article", description: summary(of: article))
    var values = articleSummary(article)
    values["body"] = bodies[article.markdown.contentPath]?.html ?? ""
    values["report"] = ["title": report.title, "period": report.period, "url": link(report.sitePath)]
    if let previous { values["previous"] = ["title": previous.title, "url": link(previous.sitePath)] }
    if let next { values["next"] = ["title": next.title, "url": link(next.sitePath)] }
    let headings = bodies[article.markdown.contentPath]?.headings.filter { $0.level == 2 } ?? []
    if headings.count >= 2 {
      values["toc"] = headings.map { ["text": $0.text, "id": $0.id] }
      values["has_toc"] = true
    }
    context["article"] = values
    context["breadcrumbs"] = [crumb(site.config.title, ""), crumb(report.title, report.sitePath)]
    return context
  }

  private func tagsPage(_ tags: [Tag]) -> [String: Any] {
    var context = common(title: "标签", sitePath: "tags/", kind: "tags")
    context["tags"] = tags.map {
      ["name": $0.name, "url": link($0.sitePath), "count": $0.articles.count] as [String: Any]
    }
    context["breadcrumbs"] = [crumb(site.config.title, "")]
    return context
  }

  private func tagPage(_ tag: Tag) -> [String: Any] {
    var context = common(title: "标签：\(tag.name)", sitePath: tag.sitePath, kind: "tag")
    context["tag"] =
      ["name": tag.name, "count": tag.articles.count, "articles": tag.articles.map(articleSummary)] as [String: Any]
    context["breadcrumbs"] = [crumb(site.config.title, ""), crumb("标签", "tags/")]
    return context
  }

  private func dataPage() -> [String: Any] {
    var context = common(title: "数据", sitePath: "data/", kind: "data")
    context["breadcrumbs"] = [crumb(site.config.title, "")]
    let charts = ChartRenderer(datasets: site.datasets, baseURL: site.config.baseURL)
    context["datasets"] = site.datasets.map { dataset -> [String: Any] in
      var values: [String: Any] = [
        "id": DataPage.anchor(dataset),
        "title": dataset.title,
        "csv_url": link(DataPage.csvPath(dataset)),
        "row_count": dataset.rows.count,
        "table": charts.table(for: dataset, id: DataPage.anchor(dataset) + "-table"),
      ]
      if let source = dataset.source { values["source"] = source }
      if let period = dataset.period { values["period"] = period }
      if let note = dataset.note { values["note"] = note }
      let uses = chartUses(of: dataset)
      if !uses.isEmpty {
        values["charts"] = uses
        values["has_charts"] = true
      }
      return values
    }
    return context
  }

  /// Every chart drawn from `dataset`, with the page it appears on.
  private func chartUses(of dataset: Dataset) -> [[String: Any]] {
    var uses: [[String: Any]] = []
    for report in site.reports {
      let documents =
        [(report.title, report.sitePath, report.markdown.contentPath)]
        + report.articles.map { ($0.title, $0.sitePath, $0.markdown.contentPath) }
      for (title, sitePath, contentPath) in documents {
        for chart in bodies[contentPath]?.charts ?? [] where chart.spec.data == dataset.id {
          uses.append(["html": chart.html, "page_title": title, "page_url": link(sitePath)])
        }
      }
    }
    return uses
  }

  private func notFoundPage() -> [String: Any] {
    var context = common(title: "页面未找到", sitePath: "404.html", kind: "not-found")
    context["reports"] = site.reports.map(reportSummary)
    return context
  }

  // MARK: Shared values

  private func common(title: String?, sitePath: String, kind: String, description: String? = nil) -> [String: Any] {
    let config = site.config
    var footer: [String: Any] = [:]
    for (key, value) in [
      ("organizer", config.footer.organizer), ("site_code", config.footer.siteCode), ("icp", config.footer.icp),
      ("police_record", config.footer.policeRecord), ("contact", config.footer.contact),
    ] where !value.isEmpty {
      footer[key] = value
    }
    if let number = PoliceRecord.number(in: config.footer.policeRecord) {
      footer["police_record_url"] = "https://beian.mps.gov.cn/#/query/webSearch?code=\(number)"
    }
    let siteValues: [String: Any] = [
      "title": config.title,
      "description": config.description,
      "publisher": config.publisher,
      "language": config.language,
      "home_url": link(""),
      "tags_url": link("tags/"),
      "data_url": link("data/"),
      "feed_url": link("feed.xml"),
      "stylesheet_url": link("css/yearbook.css"),
      "favicon_url": link("favicon.svg"),
      "reports": site.reports.map { report in
        [
          "title": report.title, "period": report.period, "url": link(report.sitePath),
          "current": sitePath.hasPrefix(report.sitePath),
        ] as [String: Any]
      },
      "footer": footer,
    ]
    var page: [String: Any] = [
      "title": title.map { "\($0) - \(config.title)" } ?? config.title,
      "heading": title ?? config.title,
      "url": link(sitePath),
      "canonical": site.config.baseURL.absolute(sitePath),
      "kind": kind,
      "is_\(kind.replacingOccurrences(of: "-", with: "_"))": true,
    ]
    let pageDescription = description ?? config.description
    if !pageDescription.isEmpty { page["description"] = pageDescription }
    return ["site": siteValues, "page": page]
  }

  private func reportSummary(_ report: Report) -> [String: Any] {
    var values: [String: Any] = [
      "title": report.title,
      "period": report.period,
      "date": report.date.chinese,
      "date_iso": report.date.description,
      "url": link(report.sitePath),
      "summary": summary(of: report),
      "articles": report.articles.map(articleSummary),
      "article_count": report.articles.count,
    ]
    if !report.keyFigures.isEmpty {
      values["key_figures"] = report.keyFigures.map { figure in
        var item: [String: Any] = ["label": figure.label, "value": figure.value, "unit": figure.unit]
        if !figure.note.isEmpty { item["note"] = figure.note }
        return item
      }
      values["has_key_figures"] = true
    }
    return values
  }

  private func articleSummary(_ article: Article) -> [String: Any] {
    var values: [String: Any] = [
      "title": article.title,
      "date": article.date.chinese,
      "date_iso": article.date.description,
      "url": link(article.sitePath),
      "summary": summary(of: article),
    ]
    if let byline = article.byline { values["byline"] = byline }
    if let source = article.source { values["source"] = source }
    if !article.tags.isEmpty {
      values["tags"] = article.tags.map { ["name": $0, "url": link(Tag.sitePath(for: $0))] }
      values["has_tags"] = true
    }
    return values
  }

  private func summary(of article: Article) -> String {
    Summary.of(given: article.summary, body: bodies[article.markdown.contentPath])
  }

  private func summary(of report: Report) -> String {
    Summary.of(given: report.summary, body: bodies[report.markdown.contentPath])
  }

  private func crumb(_ title: String, _ sitePath: String) -> [String: String] {
    ["title": title, "url": link(sitePath)]
  }

  private func link(_ sitePath: String) -> String {
    site.config.baseURL.link(sitePath)
  }
}

/// The number in a 公安备案 record such as `浙公网安备 33048202000000号`, for the link to
/// the Ministry of Public Security's record search.
enum PoliceRecord {
  static func number(in record: String) -> String? {
    let digits = record.filter { $0.isASCII && $0.isNumber }
    return digits.count >= 10 ? String(digits) : nil
  }
}
