/// Thrown when a build or check found errors; carries every diagnostic of the run,
/// warnings included, so the command line can print them all at once.
public struct BuildFailure: Error, Sendable {
  public var diagnostics: [Diagnostic]
  /// The pipeline step the run stopped in (`markdown`), when it ran as a pipeline.
  public var step: String?

  public init(diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics.sortedInFileOrder()
  }
}
