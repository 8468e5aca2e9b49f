import Foundation

/// The whole pipeline in one screen: load → render → write. `check` runs the same steps
/// and writes nothing.
public enum SiteBuilder {
  public struct Options: Sendable {
    public var root: URL
    public var output: URL
    public var baseURL: BaseURL?
    public var includeDrafts: Bool

    public init(root: URL, output: URL? = nil, baseURL: BaseURL? = nil, includeDrafts: Bool = false) {
      self.root = root
      self.output = output ?? root.appendingPathComponent("Output")
      self.baseURL = baseURL
      self.includeDrafts = includeDrafts
    }
  }

  public struct Summary: Sendable {
    public var pageCount: Int
    public var fileCount: Int
    /// Internal links and image sources checked in the rendered pages.
    public var linkCount: Int
    public var diagnostics: [Diagnostic]
    public var files: [OutputFile]
  }

  /// Loads and renders; throws every diagnostic when any of them is an error.
  public static func render(_ options: Options) async throws(BuildFailure) -> Summary {
    let (site, siteDiagnostics) = SiteLoader.load(
      root: options.root, options: SiteLoader.Options(includeDrafts: options.includeDrafts, baseURL: options.baseURL))
    let (theme, themeDiagnostics) = ThemeLoader.load(root: options.root)
    var diagnostics = siteDiagnostics + themeDiagnostics
    guard let site, let theme, !diagnostics.hasErrors else { throw BuildFailure(diagnostics: diagnostics) }

    let result = await SiteRenderer(site: site, theme: theme).render()
    diagnostics += result.diagnostics
    if diagnostics.hasErrors { throw BuildFailure(diagnostics: diagnostics) }
    return Summary(
      pageCount: result.pageCount, fileCount: result.files.count, linkCount: result.linkCount,
      diagnostics: diagnostics.sortedInFileOrder(),
      files: result.files)
  }

  public static func build(_ options: Options) async throws(BuildFailure) -> Summary {
    if let problem = OutputLocation.problem(output: options.output, root: options.root) {
      throw BuildFailure(diagnostics: [.error(problem, at: SourceLocation(file: options.output.path))])
    }
    let summary = try await render(options)
    do {
      try OutputWriter.write(summary.files, to: options.output)
    } catch {
      throw BuildFailure(
        diagnostics: summary.diagnostics + [.error(error.description, at: SourceLocation(file: options.output.path))])
    }
    return summary
  }
}
