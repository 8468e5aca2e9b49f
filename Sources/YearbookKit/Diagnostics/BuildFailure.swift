/// Thrown when a build or check found errors; carries every diagnostic of the run,
/// warnings included, so the command line can print them all at once.
public struct BuildFailure: Error, Sendable {
  public var diagnostics: [Diagnostic]

  public init(diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics.sortedInFileOrder()
  }
}
