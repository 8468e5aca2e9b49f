import Mustache

/// Turns a loaded `Site` and `Theme` into the files of the output: pure, no file is read
/// or written, so the bytes depend on the input alone. Pages render in parallel.
public struct SiteRenderer: Sendable {
  public let site: Site
  public let theme: Theme

  public init(site: Site, theme: Theme) {
    self.site = site
    self.theme = theme
  }

  public struct Result: Sendable {
    public var files: [OutputFile]
    public var diagnostics: [Diagnostic]
    public var pageCount: Int
    public var linkCount: Int
  }

  public func render() async -> Result {
    let bodies = await renderMarkdown()
    var diagnostics = bodies.values.flatMap(\.diagnostics)
    let pages = PageContexts(site: site, bodies: bodies)
    let pageList = pages.all()

    let library = theme.library
    let rendered = await withTaskGroup(of: OutputFile.self, returning: [OutputFile].self) { group in
      for page in pageList {
        group.addTask {
          OutputFile(path: page.path, content: .text(library.render(page.context(), withTemplate: page.template) ?? ""))
        }
      }
      var files: [OutputFile] = []
      for await file in group { files.append(file) }
      return files
    }

    var files = rendered
    files.append(OutputFile(path: "sitemap.xml", content: .text(Sitemap.xml(site: site))))
    files.append(OutputFile(path: "feed.xml", content: .text(AtomFeed.xml(site: site, bodies: bodies))))
    for dataset in site.datasets {
      files.append(OutputFile(path: DataPage.csvPath(dataset), content: .text(DataPage.csv(dataset))))
    }
    for asset in site.assets {
      files.append(OutputFile(path: asset, content: .copy(from: "\(site.contentDirectory)/\(asset)")))
    }
    for file in theme.staticFiles {
      files.append(OutputFile(path: file.path, content: .copy(from: file.source)))
    }
    diagnostics += Self.collisions(in: files)
    files.sort { $0.path < $1.path }
    // Links are checked once the content itself is sound; a link already reported as
    // missing in its Markdown file would otherwise be reported twice.
    var linkCount = 0
    if !diagnostics.hasErrors {
      let links = LinkChecker(baseURL: site.config.baseURL, sources: sourceFiles()).check(files)
      diagnostics += links.diagnostics
      linkCount = links.linksChecked
    }
    return Result(
      files: files, diagnostics: diagnostics.sortedInFileOrder(), pageCount: pageList.count, linkCount: linkCount)
  }

  /// Which Markdown file each page comes from, so a broken link names the file to fix.
  private func sourceFiles() -> [String: String] {
    var sources: [String: String] = [:]
    for report in site.reports {
      sources[report.sitePath + "index.html"] = report.markdown.file
      for article in report.articles { sources[article.sitePath + "index.html"] = article.markdown.file }
    }
    return sources
  }

  /// Every report and article body, keyed by its path under `Content/`.
  private func renderMarkdown() async -> [String: RenderedMarkdown] {
    let charts = ChartRenderer(datasets: site.datasets, baseURL: site.config.baseURL)
    let renderer = MarkdownRenderer(
      links: LinkTargets(site: site), charts: charts, consistency: FigureConsistency(datasets: site.datasets),
      unsafeHTML: site.config.unsafeHTML)
    let sources = site.reports.map(\.markdown) + site.articles.map(\.markdown)
    return await withTaskGroup(of: (String, RenderedMarkdown).self) { group in
      for source in sources {
        group.addTask { (source.contentPath, renderer.render(source)) }
      }
      var bodies: [String: RenderedMarkdown] = [:]
      for await (path, body) in group { bodies[path] = body }
      return bodies
    }
  }

  /// Two sources writing one output file is an error: neither silently wins.
  static func collisions(in files: [OutputFile]) -> [Diagnostic] {
    var seen: [String: OutputFile] = [:]
    var diagnostics: [Diagnostic] = []
    for file in files.sorted(by: { $0.path < $1.path }) {
      if let earlier = seen[file.path] {
        diagnostics.append(
          .error(
            "two sources claim the output file \(file.path): \(earlier.origin) and \(file.origin)",
            at: SourceLocation(file: file.originFile)))
      }
      seen[file.path] = file
    }
    return diagnostics
  }
}

extension OutputFile {
  fileprivate var originFile: String {
    if case .copy(let source) = content, let range = source.range(of: "/Content/") {
      return "Content/" + source[range.upperBound...]
    }
    return "Content"
  }

  fileprivate var origin: String {
    switch content {
    case .copy(let source): source
    case .text: "a generated page"
    }
  }
}
