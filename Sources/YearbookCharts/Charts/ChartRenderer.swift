import YearbookCore
import YearbookLoad
import YearbookModel

/// Turns a ```` ```chart ```` block into its figure, or into located errors.
public struct ChartRenderer: Sendable {
  public var datasets: [String: Dataset]
  public var baseURL: BaseURL
  /// The most points (rows × columns) a chart may draw (`limits: chart_points`).
  public var pointLimit = Budgets().chartPoints
  /// Whether charts are drawn: `check` resolves each chart's data, and reports what is
  /// wrong with it, without drawing a picture no one sees.
  package var drawsFigures = true

  public init(datasets: [Dataset], baseURL: BaseURL) {
    self.datasets = Dictionary(datasets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    self.baseURL = baseURL
  }

  /// The charts of `site`: its datasets, its base URL, its chart point limit.
  public init(site: Site) {
    self.init(datasets: site.datasets, baseURL: site.config.baseURL)
    pointLimit = site.config.budgets.chartPoints
  }

  public struct Rendered: Sendable, Hashable {
    public var spec: ChartSpec
    public var id: String
    /// The figure with an inline SVG, for pages.
    public var html: String
    /// What the portal's forms of the chart are drawn from, when asked for: most renders
    /// (`check`, the data page) need only `html`.
    package let data: ChartData
    package let baseURL: BaseURL
    /// The shapes `html` shows, drawn once: the portal's forms style these rather than
    /// drawing the chart again.
    package var drawing: ChartDrawing
    /// The figure's caption, notes, table and description, which every form shares.
    package var figure: ChartFigure.Parts?

    /// The chart without its markup, once its page and portal files are written: the facts
    /// a build keeps of every chart are its spec, id and data.
    package var withoutMarkup: Rendered {
      var facts = self
      facts.html = ""
      facts.drawing = .none
      facts.figure = nil
      return facts
    }

    /// Whether the chart has a picture (`charts/<id>.svg`); a `table` chart has none.
    package var hasFile: Bool { spec.kind != .table }

    public static func == (a: Rendered, b: Rendered) -> Bool { a.spec == b.spec && a.id == b.id && a.html == b.html }

    public func hash(into hasher: inout Hasher) {
      hasher.combine(id)
      hasher.combine(html)
    }
  }

  /// `firstLine` is the file line of the block's first YAML line; `id` must be unique on
  /// the page and the same in every build.
  public func render(yaml: String, file: SourcePath, firstLine: Int, id: String) -> (Rendered?, [Diagnostic]) {
    let (spec, specDiagnostics) = ChartSpecParser.parse(yaml, file: file, firstLine: firstLine)
    guard let spec else { return (nil, specDiagnostics) }
    return render(spec, id: id, diagnostics: specDiagnostics)
  }

  /// A chart written in an article: its id is the spec's `id:`, else made from the
  /// article's path (`2024/platforms.md`) and the chart's position among its charts.
  public func render(yaml: String, file: SourcePath, firstLine: Int, position: Int, contentPath: ContentPath)
    -> (Rendered?, [Diagnostic])
  {
    let (spec, specDiagnostics) = ChartSpecParser.parse(yaml, file: file, firstLine: firstLine)
    guard let spec else { return (nil, specDiagnostics) }
    return render(
      spec, id: Self.id(spec: spec, contentPath: contentPath, index: position), diagnostics: specDiagnostics)
  }

  public func render(_ spec: ChartSpec, id: String, diagnostics: [Diagnostic] = []) -> (Rendered?, [Diagnostic]) {
    let (data, dataDiagnostics) = ChartData.resolve(spec, datasets: datasets, pointLimit: pointLimit)
    guard let data else { return (nil, diagnostics + dataDiagnostics) }
    let drawing = drawsFigures ? ChartDrawing(data, id: id) : .none
    let figure = drawsFigures ? ChartFigure.Parts(data, id: id, baseURL: baseURL) : nil
    let rendered = Rendered(
      spec: spec, id: id, html: figure.map { ChartFigure.html($0, data, id: id, drawing: drawing) } ?? "",
      data: data, baseURL: baseURL, drawing: drawing, figure: figure)
    return (rendered, diagnostics + dataDiagnostics)
  }

  /// A whole dataset as a table, for the data page.
  public func table(for dataset: Dataset, id: String, title: String) -> String {
    // The data page shows every row: its size is a page budget, not a chart's.
    let spec = ChartSpec.dataPageTable(of: dataset, title: title)
    guard let data = ChartData.resolve(spec, datasets: datasets, pointLimit: .max).0 else {
      return ""
    }
    return ChartFigure.table(data, id: id)
  }

  /// A short id that stays the same across builds: the spec's `id:`, else derived from
  /// where the chart is written.
  public static func id(spec: ChartSpec?, contentPath: ContentPath, index: Int) -> String {
    if let name = spec?.id { return "yb-chart-" + name }
    return id(contentPath: contentPath, index: index)
  }

  public static func id(contentPath: ContentPath, index: Int) -> String {
    var hash: UInt32 = 2_166_136_261
    for byte in "\(contentPath)#\(index)".utf8 {
      hash = (hash ^ UInt32(byte)) &* 16_777_619
    }
    return "yb-chart-" + String(hash, radix: 36)
  }
}
