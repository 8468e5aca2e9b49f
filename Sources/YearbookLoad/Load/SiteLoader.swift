import Foundation
import YearbookCore
import YearbookModel

/// Reads `Content/` into a validated `Site`. The only part of loading that touches the
/// disk; everything it finds wrong is collected, not thrown, so one run shows every mistake.
public struct SiteLoader: Sendable {
  public struct Options: Sendable {
    public var includeDrafts = false
    /// Overrides `base_url` from `site.yml` (the `--base-url` option).
    public var baseURL: BaseURL?
    /// How examples left from `init` and `new` are reported: errors when publishing,
    /// warnings in the preview and with `--drafts`.
    public var placeholders: Diagnostic.Severity

    public init(includeDrafts: Bool = false, baseURL: BaseURL? = nil, placeholders: Diagnostic.Severity? = nil) {
      self.includeDrafts = includeDrafts
      self.baseURL = baseURL
      self.placeholders = placeholders ?? (includeDrafts ? .warning : .error)
    }
  }

  public let root: URL
  public let options: Options
  private var diagnostics: [Diagnostic] = []
  /// The checks before publishing, once site.yml has given the word list.
  private var inspection: TextInspection?
  /// What they found in front matter: reported by the check step with what it finds in
  /// the bodies, so that an editor sees every finding of one build at once.
  private var inspectionFindings: [Diagnostic] = []

  package static let contentFolder = ContentPath.folder
  package static let reservedFolders: Set<String> = ["data", "assets"]

  public init(root: URL, options: Options = Options()) {
    self.root = root
    self.options = options
    contentFolderPath = root.appendingPathComponent(Self.contentFolder).path
  }

  /// Returns the site and every diagnostic; the site is nil when `site.yml` is unusable.
  public static func load(root: URL, options: Options = Options()) -> (Site?, [Diagnostic]) {
    var loader = SiteLoader(root: root, options: options)
    let site = loader.loadSite()
    return (site, loader.diagnostics.sortedInFileOrder())
  }

  private var contentURL: URL { root.appendingPathComponent(Self.contentFolder) }
  /// `contentURL` as a path, for the per-article file operations that URLs made slow.
  private let contentFolderPath: String

  private mutating func loadSite() -> Site? {
    guard directoryExists(contentURL) else {
      diagnostics.append(
        .error(
          .noContentFolder(),
          at: SourceLocation(file: SourcePath(Self.contentFolder))))
      return nil
    }
    let config = loadConfig()
    inspection = config.map(TextInspection.init)
    var folders: [String] = []
    for name in listing(contentURL, file: SourcePath(Self.contentFolder))
    where !name.hasPrefix(".") && !name.hasPrefix("_") {
      let url = contentURL.appendingPathComponent(name)
      guard usable(url, file: ContentPath("\(name)").source) else { continue }
      if Self.reservedFolders.contains(name) || !directoryExists(url) { continue }
      folders.append(name)
    }
    // Each report's folder and front matter first; then every article of the site on
    // every core at once, so a large report next to a small one leaves no core idle.
    var reader = self
    reader.diagnostics = []
    reader.inspectionFindings = []
    let opened = Parallel.map(folders) { [reader] folder in
      var reader = reader
      return (reader.openReport(folder: folder), reader.diagnostics, reader.inspectionFindings)
    }.compactMap { report, reportDiagnostics, findings -> OpenedReport? in
      diagnostics += reportDiagnostics
      inspectionFindings += findings
      return report
    }
    // Articles in runs of one folder's files: a thread reads a run in order, which is
    // faster than two threads taking turns in one folder.
    let runs = opened.indices.flatMap { report in
      stride(from: 0, to: opened[report].names.count, by: 64).map { start in
        (report: report, names: Array(opened[report].names[start..<min(start + 64, opened[report].names.count)]))
      }
    }
    let loaded = Parallel.map(runs) { [reader] run -> [(LoadedArticle?, [Diagnostic], [Diagnostic])] in
      let folder = opened[run.report].folder
      let folderPath = opened[run.report].folderPath
      return run.names.map { name in
        var reader = reader
        guard reader.usable(atPath: folderPath + "/" + name, file: ContentPath("\(folder)/\(name)").source) else {
          return (nil, reader.diagnostics, [])
        }
        let article = reader.loadArticle(report: folder, fileName: name)
        return (article, reader.diagnostics, reader.inspectionFindings)
      }
    }
    var articlesOfReport = Array(repeating: [LoadedArticle?](), count: opened.count)
    for (run, results) in zip(runs, loaded) {
      for (article, articleDiagnostics, findings) in results {
        diagnostics += articleDiagnostics
        inspectionFindings += findings
        articlesOfReport[run.report].append(article)
      }
    }
    var reports = opened.indices.compactMap { closeReport(opened[$0], articles: articlesOfReport[$0]) }
    reports.sort { ($0.date, $0.id) > ($1.date, $1.id) }
    let assets = listFiles(under: contentURL.appendingPathComponent("assets"), relativeTo: "assets")
    let (datasets, dataDiagnostics) = DatasetLoader.load(
      folder: contentURL.appendingPathComponent("data"), displayFolder: ContentPath("data").source)
    diagnostics += dataDiagnostics
    findPlaceholders(inDataFolder: contentURL.appendingPathComponent("data"))
    guard var config else { return nil }
    if let override = options.baseURL { config.baseURL = override }
    for dataset in datasets where dataset.rows.count > config.budgets.datasetRows {
      diagnostics.append(
        .warning(
          .datasetOverRowLimit(rows: dataset.rows.count, limit: config.budgets.datasetRows),
          at: SourceLocation(file: dataset.file)))
    }
    for article in reports.flatMap({ [$0.markdown] + $0.articles.map(\.markdown) }) {
      let size = article.text.utf8.count
      guard size > config.budgets.articleKiB * 1024 else { continue }
      diagnostics.append(
        .warning(
          .articleOverSizeLimit(
            size: Budgets.describe(bytes: size), limit: Budgets.describe(bytes: config.budgets.articleKiB * 1024)),
          at: SourceLocation(file: article.file)))
    }
    var site = Site(config: config, reports: reports, assets: assets, contentDirectory: contentURL.path)
    site.datasets = datasets
    site.frontMatterFindings = inspectionFindings
    return site
  }

  // MARK: site.yml

  private mutating func loadConfig() -> SiteConfig? {
    let file = ContentPath("site.yml").source
    guard let text = readText(atPath: contentFolderPath + "/site.yml", file: file) else { return nil }
    var yaml = YAMLDocument(yaml: text, file: file, lineOffset: 0)
    defer { diagnostics += yaml.diagnostics }
    guard yaml.isValid else { return nil }
    let title = yaml.string("title", required: true) ?? ""
    var config = SiteConfig(title: title)
    config.language = yaml.string("language") ?? "zh-CN"
    if let base = yaml.string("base_url") {
      if let parsed = BaseURL(base) {
        config.baseURL = parsed
      } else {
        yaml.error(
          .badBaseURL(base),
          at: yaml.location(of: yaml.node("base_url")))
      }
    }
    config.description = yaml.string("description") ?? ""
    config.publisher = yaml.string("publisher") ?? ""
    config.unsafeHTML = yaml.bool("unsafe_html") ?? false
    config.portalFiles = yaml.bool("portal_files") ?? true
    // Read untrimmed: a quoted " - " keeps its spaces.
    if yaml.string("title_separator") != nil, case .scalar(let separator)? = yaml.node("title_separator") {
      config.titleSeparator = separator.string
    }
    if let logo = yaml.string("logo") {
      let path = logo.hasPrefix("/") ? String(logo.dropFirst()) : logo
      if path.hasPrefix("assets/"), FileManager.default.fileExists(atPath: contentURL.appendingPathComponent(path).path)
      {
        config.logo = ContentPath(path)
      } else {
        yaml.error(
          .badLogo(path),
          at: yaml.location(of: yaml.node("logo")))
      }
    }
    for (key, keyPath) in [("paginate", \SiteConfig.paginate), ("feed_limit", \SiteConfig.feedLimit)] {
      guard let value = yaml.int(key) else { continue }
      if value >= 1 {
        config[keyPath: keyPath] = value
      } else {
        yaml.error(.notPositiveWholeNumber(key, got: "\(value)"), at: yaml.location(of: yaml.node(key)))
      }
    }
    if var limits = yaml.mapping("limits") {
      for (key, keyPath) in Budgets.keys {
        guard let value = limits.int(key) else { continue }
        if value >= 1 {
          config.budgets[keyPath: keyPath] = value
        } else {
          limits.error(
            .notPositiveWholeNumber(key, got: "\(value)"), at: limits.location(of: limits.node(key)))
        }
      }
      limits.reportUnknownKeys(known: Budgets.keys.map(\.0), context: .limits)
      yaml.diagnostics += limits.diagnostics
    }
    if let site = yaml.string("site_url") {
      let trimmed = site.hasSuffix("/") ? String(site.dropLast()) : site
      if let url = URL(string: trimmed), ["http", "https"].contains(url.scheme ?? ""), url.host != nil,
        url.path.isEmpty, url.query == nil
      {
        config.siteURL = trimmed
      } else {
        yaml.error(
          .badSiteURL(site),
          at: yaml.location(of: yaml.node("site_url")))
      }
    }
    if let node = yaml.node("portal_paths") {
      for prefix in yaml.strings("portal_paths") {
        guard prefix.hasPrefix("/"), prefix.count > 1, !prefix.contains("..") else {
          yaml.error(
            .badPortalPath(prefix),
            at: yaml.location(of: node))
          continue
        }
        // `/col` must not also claim `/colors/`.
        config.portalPaths.append(prefix.hasSuffix("/") ? prefix : prefix + "/")
      }
    }
    if var footer = yaml.mapping("footer") {
      config.footer = Footer(
        organizer: footer.string("organizer") ?? config.publisher,
        siteCode: footer.string("site_code") ?? "",
        icp: footer.string("icp") ?? "",
        policeRecord: footer.string("police_record") ?? "",
        contact: footer.string("contact") ?? "")
      config.footer.address = footer.string("address") ?? ""
      config.footer.postcode = footer.string("postcode") ?? ""
      config.footer.phone = footer.string("phone") ?? ""
      config.footer.email = footer.string("email") ?? ""
      config.footer.copyright = footer.string("copyright") ?? ""
      if let badge = footer.string("conac_badge") {
        if let url = URL(string: badge), url.scheme == "https", url.host == "dcs.conac.cn", url.path.hasSuffix(".js") {
          config.footer.conacBadge = badge
        } else {
          footer.error(
            .badConacBadge(badge),
            at: footer.location(of: footer.node("conac_badge")))
        }
      }
      config.footer.errorReport = footer.bool("error_report") ?? false
      if config.footer.siteCode == Placeholders.sampleSiteCode {
        footer.diagnostics.append(
          Diagnostic(
            options.placeholders,
            .sampleSiteCode(Placeholders.sampleSiteCode),
            at: footer.location(of: footer.node("site_code"))))
      }
      if config.footer.siteCode.isEmpty {
        footer.diagnostics.append(.warning(.missingSiteCode(), at: yaml.location(ofKey: "footer")))
      }
      if config.footer.errorReport && config.footer.siteCode.isEmpty {
        footer.error(
          .errorReportNeedsSiteCode(),
          at: footer.location(of: footer.node("error_report")))
      }
      footer.reportUnknownKeys(
        known: [
          "organizer", "site_code", "icp", "police_record", "contact", "address", "postcode", "phone", "email",
          "copyright", "conac_badge", "error_report",
        ], context: .footer)
      yaml.diagnostics += footer.diagnostics
    } else {
      config.footer.organizer = config.publisher
      yaml.diagnostics.append(.warning(.missingSiteCode(), at: SourceLocation(file: file)))
    }
    if var checks = yaml.mapping("checks") {
      config.builtinWords = checks.bool("builtin_words") ?? true
      if let list = checks.string("words") {
        let listFile = SourcePath(list)
        let path = list.hasPrefix("/") ? list : root.appendingPathComponent(list).path
        if let text = readText(atPath: path, file: listFile) {
          let (rules, problems) = WordList.parse(text, file: listFile)
          config.wordRules = rules
          checks.diagnostics += problems
        }
      }
      checks.reportUnknownKeys(known: ["words", "builtin_words"], context: .checks)
      yaml.diagnostics += checks.diagnostics
    }
    config.search = searchSettings(&yaml)
    if yaml.node("require") != nil {
      for field in yaml.strings("require") {
        if let required = SiteConfig.RequiredField(rawValue: field) {
          config.required.insert(required)
        } else {
          yaml.diagnostics.append(
            .error(
              .unknownRequiredField(
                field, allowed: SiteConfig.RequiredField.allCases.map(\.rawValue).joined(separator: ", ")),
              at: yaml.location(of: yaml.node("require"))))
        }
      }
    }
    yaml.reportUnknownKeys(
      known: [
        "title", "language", "base_url", "description", "publisher", "unsafe_html", "paginate", "feed_limit", "footer",
        "portal_paths", "site_url", "portal_files", "logo", "limits", "title_separator", "require", "checks",
        "search",
      ], context: .site
    )
    return config
  }

  /// `search: false`, `search: true` or `search: {portal_url: https://…}`; on unless turned off.
  private func searchSettings(_ yaml: inout YAMLDocument) -> SearchSettings? {
    guard let node = yaml.node("search") else { return SearchSettings() }
    guard case .mapping = node else { return yaml.bool("search") == false ? nil : SearchSettings() }
    guard var search = yaml.mapping("search") else { return SearchSettings() }
    defer { yaml.diagnostics += search.diagnostics }
    var settings = SearchSettings()
    if let address = search.string("portal_url") {
      if address.hasPrefix("https://") || address.hasPrefix("http://") {
        settings.portalURL = address
      } else {
        search.error(.badPortalSearchURL(address), at: search.location(of: search.node("portal_url")))
      }
    }
    search.reportUnknownKeys(known: ["portal_url"], context: .search)
    return settings
  }

  // MARK: Reports and articles

  /// A report's folder read up to its articles: its front matter and its articles' files.
  private struct OpenedReport: Sendable {
    var folder: String
    var folderPath: String
    var markdown: MarkdownSource
    var title: String?
    var date: ContentDate?
    var period: String
    var summary: String?
    var weight: Int
    var keyFigures: [KeyFigure]
    /// The articles' file names, in folder order.
    var names: [String]
  }

  private mutating func openReport(folder: String) -> OpenedReport? {
    let folderURL = contentURL.appendingPathComponent(folder)
    let indexFile = ContentPath("\(folder)/_index.md").source
    if let problem = SlugRules.problem(with: folder) {
      diagnostics.append(
        .error(.reportFolderName(problem), at: SourceLocation(file: ContentPath("\(folder)").source)))
      return nil
    }
    // Listed first: an unreadable folder is said as such, not as one without _index.md.
    let errorsBefore = diagnostics.count
    let entries = listing(folderURL, file: ContentPath("\(folder)").source)
    if diagnostics.count > errorsBefore { return nil }
    guard fileExists(folderURL.appendingPathComponent("_index.md")) else {
      diagnostics.append(
        .error(
          .reportWithoutIndex(),
          at: SourceLocation(file: ContentPath("\(folder)").source)))
      return nil
    }
    guard
      var yaml = readFrontMatter(
        atPath: folderURL.path + "/_index.md", file: indexFile, contentPath: ContentPath("\(folder)/_index.md"))
    else {
      return nil
    }
    let title = yaml.document.string("title", required: true)
    let date = yaml.document.date("date", required: true)
    let period = yaml.document.string("period") ?? folder
    let summary = yaml.document.string("summary")
    let weight = yaml.document.int("weight") ?? 0
    var keyFigures: [KeyFigure] = []
    for var figure in yaml.document.mappings("key_figures") {
      let label = figure.string("label", required: true)
      let value = figure.string("value", required: true)
      keyFigures.append(
        KeyFigure(
          label: label ?? "", value: value ?? "", unit: figure.string("unit") ?? "", note: figure.string("note") ?? ""))
      figure.reportUnknownKeys(known: ["label", "value", "unit", "note"], context: .keyFigures)
      yaml.document.diagnostics += figure.diagnostics
    }
    let draft = yaml.document.bool("draft") ?? false
    yaml.document.reportUnknownKeys(
      known: ["title", "date", "period", "summary", "weight", "key_figures", "draft"],
      context: .reportFrontMatter, refuse: true)
    diagnostics += yaml.document.diagnostics
    findPlaceholders(in: yaml, draft: draft)
    inspectFrontMatter(of: yaml, draft: draft)
    // A draft report is left out with its articles, as a draft article is.
    if draft && !options.includeDrafts { return nil }

    var names: [String] = []
    let folderPath = folderURL.path
    for name in entries where !name.hasPrefix(".") {
      // An article's file is checked where it is read, on every core.
      if name.hasSuffix(".md") && name != "_index.md" {
        names.append(name)
      } else {
        _ = usable(atPath: folderPath + "/" + name, file: ContentPath("\(folder)/\(name)").source)
      }
    }
    return OpenedReport(
      folder: folder, folderPath: folderPath, markdown: yaml.markdown, title: title, date: date, period: period,
      summary: summary, weight: weight, keyFigures: keyFigures, names: names)
  }

  /// The report with its articles (as `loadArticle` read them, in file order): drafts left
  /// out, a slug used twice reported, the rest in reading order.
  private mutating func closeReport(_ opened: OpenedReport, articles loaded: [LoadedArticle?]) -> Report? {
    var articles: [Article] = []
    var slugs: [String: SourceLocation] = [:]
    for loaded in loaded {
      guard let (article, slugLocation) = loaded else { continue }
      if article.draft && !options.includeDrafts { continue }
      // Both files are named, each at the line that sets the slug (or at the file when
      // its name is the slug), so the editor sees the clash from either side.
      if let first = slugs[article.slug] {
        let page = "/\(article.sitePath)"
        diagnostics.append(
          .error(.duplicateSlug(article.slug, other: first.description, page: page), at: slugLocation))
        diagnostics.append(
          .error(.duplicateSlugAlsoUsed(article.slug, other: slugLocation.description, page: page), at: first))
        continue
      }
      slugs[article.slug] = slugLocation
      articles.append(article)
    }
    for index in articles.indices { articles[index].markdown.period = opened.period }
    var markdown = opened.markdown
    markdown.period = opened.period
    Self.sortArticles(&articles)
    guard let title = opened.title, let date = opened.date else { return nil }
    return Report(
      id: opened.folder, title: title, date: date, period: opened.period, summary: opened.summary,
      weight: opened.weight, keyFigures: opened.keyFigures, markdown: markdown, articles: articles)
  }

  /// A report's articles in reading order: by weight (none last), then date, then slug.
  package static func sortArticles(_ articles: inout [Article]) {
    // The keys are sorted, not the articles: moving an article copies a dozen references.
    let keys = articles.map { ($0.weight == 0 ? Int.max : $0.weight, $0.date, $0.slug) }
    let order = keys.indices.sorted { keys[$0] < keys[$1] }
    articles = order.map { articles[$0] }
  }

  /// One article read again after an edit (`2024/talent.md`), for the preview server.
  /// The report's period is the caller's to set.
  /// `inspection` (made from the site's config) also checks the front matter before
  /// publishing: its findings come apart, for the check step.
  package static func loadArticle(
    root: URL, options: Options = Options(), contentPath: ContentPath, inspection: TextInspection
  ) -> (article: Article?, diagnostics: [Diagnostic], findings: [Diagnostic]) {
    var loader = SiteLoader(root: root, options: options)
    loader.inspection = inspection
    let parts = contentPath.value.split(separator: "/", maxSplits: 1).map(String.init)
    guard parts.count == 2 else { return (nil, [], []) }
    let article = loader.loadArticle(report: parts[0], fileName: parts[1])
    return (article?.article, loader.diagnostics.sortedInFileOrder(), loader.inspectionFindings)
  }

  /// An article and where its slug is set: the `slug:` line, or the file when its name is the slug.
  private typealias LoadedArticle = (article: Article, slugLocation: SourceLocation)

  private mutating func loadArticle(report: String, fileName: String) -> LoadedArticle? {
    let file = ContentPath("\(report)/\(fileName)").source
    let path = contentFolderPath + "/" + report + "/" + fileName
    guard var yaml = readFrontMatter(atPath: path, file: file, contentPath: ContentPath("\(report)/\(fileName)")) else {
      return nil
    }
    defer { diagnostics += yaml.document.diagnostics }
    let title = yaml.document.string("title", required: true)
    let date = yaml.document.date("date", required: true)
    let stem = String(fileName.dropLast(3))
    var slug = stem
    if let custom = yaml.document.string("slug") {
      if let problem = SlugRules.problem(with: custom) {
        yaml.document.error(.badSlug(problem), at: yaml.document.location(of: yaml.document.node("slug")))
      } else {
        slug = custom
      }
    } else if let derived = SlugRules.withoutSpaces(stem), derived != stem, SlugRules.problem(with: derived) == nil {
      // Word and WPS save "人才 工作.md" with a space; a URL should not have one.
      slug = derived
      yaml.document.diagnostics.append(
        .warning(
          .fileNameHasSpaces(page: "\(SitePaths.article(report: report, slug: derived))"),
          at: SourceLocation(file: file)))
    } else if let problem = SlugRules.problem(with: stem) {
      yaml.document.error(
        .badFileName(problem), at: SourceLocation(file: file))
    }
    var article = Article(
      reportID: report, slug: slug, title: title ?? "", date: date ?? ContentDate("2000-01-01")!,
      summary: yaml.document.string("summary"), byline: yaml.document.string("byline"),
      source: yaml.document.string("source"), tags: yaml.document.strings("tags"),
      weight: yaml.document.int("weight") ?? 0, draft: yaml.document.bool("draft") ?? false,
      markdown: yaml.markdown)
    let dateAt = yaml.document.location(of: yaml.document.node("date"))
    article.dateLine = Int32(dateAt.line ?? 1)
    article.dateColumn = Int32(dateAt.column ?? 1)
    findPlaceholders(in: yaml, draft: article.draft)
    inspectFrontMatter(of: yaml, draft: article.draft)
    yaml.document.reportUnknownKeys(
      known: ["title", "date", "summary", "byline", "source", "tags", "weight", "slug", "draft"],
      context: .articleFrontMatter, refuse: true)
    guard title != nil, date != nil else { return nil }
    let slugLocation =
      yaml.document.keys.contains("slug") ? yaml.document.location(ofKey: "slug") : SourceLocation(file: file)
    return (article, slugLocation)
  }

  private struct FrontMatterFile {
    var document: YAMLDocument
    var markdown: MarkdownSource
    /// The whole file, searched for examples left from `init` and `new` when published.
    var text: String
    /// The YAML between the fences, inspected before publishing.
    var frontMatter: String
  }

  /// Examples left from `init` and `new` in a document that will be published: a draft
  /// left out of the build may keep them.
  /// Personal numbers and listed words in the front matter (the body is inspected with
  /// the rest of the site), unless it is a draft left out of the build.
  private mutating func inspectFrontMatter(of file: FrontMatterFile, draft: Bool) {
    guard let inspection, !draft || options.includeDrafts else { return }
    // The front matter starts on the file's second line, after its `---`.
    inspectionFindings += inspection.findings(in: file.frontMatter, file: file.markdown.file, firstLine: 2)
  }

  private mutating func findPlaceholders(in file: FrontMatterFile, draft: Bool) {
    guard !draft || options.includeDrafts else { return }
    diagnostics += Placeholders.find(
      in: file.text, file: file.markdown.file, skippingComments: false, severity: options.placeholders)
  }

  private mutating func readFrontMatter(atPath path: String, file: SourcePath, contentPath: ContentPath)
    -> FrontMatterFile?
  {
    guard let text = readText(atPath: path, file: file) else { return nil }
    let parts: FrontMatter
    do {
      parts = try FrontMatter.split(text)
    } catch .missingOpeningFence {
      diagnostics.append(
        .error(
          .missingFrontMatter(),
          at: SourceLocation(file: file, line: 1, column: 1)))
      return nil
    } catch {
      diagnostics.append(
        .error(
          .unclosedFrontMatter(),
          at: SourceLocation(file: file, line: 1, column: 1)))
      return nil
    }
    let document = YAMLDocument(yaml: parts.yaml, file: file, lineOffset: 1)
    guard document.isValid else {
      diagnostics += document.diagnostics
      return nil
    }
    return FrontMatterFile(
      document: document,
      markdown: MarkdownSource(
        file: file, contentPath: contentPath, text: parts.body, lineOffset: parts.bodyLineOffset),
      text: text, frontMatter: parts.yaml)
  }

  // MARK: Files

  private mutating func readText(atPath path: String, file: SourcePath) -> String? {
    let data: Data
    switch FileContents.read(atPath: path) {
    case .bytes(let bytes):
      data = bytes
    case .missing:
      diagnostics.append(.error(.fileNotFound(), at: SourceLocation(file: file)))
      return nil
    case .folder:
      diagnostics.append(
        .error(.folderNotFile(), at: SourceLocation(file: file)))
      return nil
    case .unreadable(let reason):
      diagnostics.append(.error(.cannotRead(reason), at: SourceLocation(file: file)))
      return nil
    }
    let (text, problem) = TextDecoding.decode(data, file: file)
    if let problem { diagnostics.append(problem) }
    // A Markdown file is searched once it is known not to be a draft (`unpublished`).
    if let text, !file.value.hasSuffix(".md") {
      diagnostics += Placeholders.find(in: text, file: file, skippingComments: true, severity: options.placeholders)
    }
    return text
  }

  /// Examples left in the data files: a CSV cell or a description marked 待填写. Read
  /// apart from the datasets (there are few), by name, regular files only: a link is
  /// judged where the datasets are read.
  private mutating func findPlaceholders(inDataFolder url: URL) {
    // A missing or unreadable folder is already an error at its path from `DatasetLoader`.
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    for name in names.sorted() where [".csv", ".yml", ".yaml", ".json"].contains(where: { name.hasSuffix($0) }) {
      var status = stat()
      let path = url.appendingPathComponent(name).path
      guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
        let data = FileManager.default.contents(atPath: path), let text = String(validating: data, as: UTF8.self)
      else { continue }
      diagnostics += Placeholders.find(
        in: text, file: ContentPath("data/\(name)").source, skippingComments: !name.hasSuffix(".csv"),
        severity: options.placeholders)
    }
  }

  private mutating func listing(_ url: URL, file: SourcePath) -> [String] {
    FolderListing.names(in: url, file: file, diagnostics: &diagnostics)
  }

  /// `usable(_:file:)` by path: most entries are not links, and an `lstat` tells that
  /// without making a URL.
  private mutating func usable(atPath path: String, file: SourcePath) -> Bool {
    var status = stat()
    if lstat(path, &status) == 0, status.st_mode & S_IFMT != S_IFLNK { return true }
    return usable(URL(fileURLWithPath: path), file: file)
  }

  /// Whether a directory entry can be read; reports symbolic links that cannot.
  private mutating func usable(_ url: URL, file: SourcePath) -> Bool {
    switch SymbolicLinks.verdict(for: url, file: file, root: contentURL) {
    case .notALink, .follow: return true
    case .skip(let diagnostic):
      diagnostics.append(diagnostic)
      return false
    }
  }

  /// Every regular file below `url`, without following symbolic links to folders.
  private mutating func listFiles(under url: URL, relativeTo prefix: String) -> [ContentPath] {
    var files: [ContentPath] = []
    for name in listing(url, file: ContentPath("\(prefix)").source) where !name.hasPrefix(".") {
      let child = url.appendingPathComponent(name)
      guard usable(child, file: ContentPath("\(prefix)/\(name)").source) else { continue }
      if directoryExists(child) {
        files += listFiles(under: child, relativeTo: "\(prefix)/\(name)")
      } else {
        files.append(ContentPath("\(prefix)/\(name)"))
      }
    }
    return files
  }

  private func directoryExists(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
  }

  private func fileExists(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
  }
}
