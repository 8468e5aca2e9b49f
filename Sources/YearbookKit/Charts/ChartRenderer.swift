/// Turns a ```` ```chart ```` block into its figure, or into located errors.
public struct ChartRenderer: Sendable {
  public var datasets: [String: Dataset]
  public var baseURL: BaseURL

  public init(datasets: [Dataset], baseURL: BaseURL) {
    self.datasets = Dictionary(datasets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    self.baseURL = baseURL
  }

  public struct Rendered: Sendable, Hashable {
    public var spec: ChartSpec
    public var id: String
    public var html: String
  }

  /// `firstLine` is the file line of the block's first YAML line; `id` must be unique on
  /// the page and the same in every build.
  public func render(yaml: String, file: String, firstLine: Int, id: String) -> (Rendered?, [Diagnostic]) {
    let (spec, specDiagnostics) = ChartSpecParser.parse(yaml, file: file, firstLine: firstLine)
    guard let spec else { return (nil, specDiagnostics) }
    return render(spec, id: id, diagnostics: specDiagnostics)
  }

  public func render(_ spec: ChartSpec, id: String, diagnostics: [Diagnostic] = []) -> (Rendered?, [Diagnostic]) {
    let (data, dataDiagnostics) = ChartData.resolve(spec, datasets: datasets)
    guard let data else { return (nil, diagnostics + dataDiagnostics) }
    return (
      Rendered(spec: spec, id: id, html: ChartFigure.html(data, id: id, baseURL: baseURL)),
      diagnostics + dataDiagnostics
    )
  }

  /// A whole dataset as a table, for the data page.
  public func table(for dataset: Dataset, id: String) -> String {
    let spec = ChartSpec(
      kind: .table, data: dataset.id, x: nil, y: [], title: dataset.title, unit: nil, source: nil, rows: [],
      target: nil,
      sort: nil, note: nil, location: SourceLocation(file: dataset.file))
    guard let data = ChartData.resolve(spec, datasets: datasets).0 else { return "" }
    return ChartFigure.table(data, id: id)
  }

  /// A short id that stays the same across builds: derived from where the chart is written.
  public static func id(file: String, index: Int) -> String {
    var hash: UInt32 = 2_166_136_261
    for byte in "\(file)#\(index)".utf8 {
      hash = (hash ^ UInt32(byte)) &* 16_777_619
    }
    return "yb-chart-" + String(hash, radix: 36)
  }
}
