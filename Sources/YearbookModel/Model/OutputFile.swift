import YearbookCore

/// One file of the finished site, as rendering hands it to writing.
public struct OutputFile: Sendable, Hashable {
  public enum Content: Sendable, Hashable {
    case text(String)
    /// Copied unchanged from this absolute path at write time (assets, the stylesheet).
    case copy(from: String)
  }

  /// Relative to the output folder: `2024/platforms/index.html`.
  public var path: OutputPath
  public var content: Content

  public init(path: OutputPath, content: Content) {
    self.path = path
    self.content = content
  }
}
