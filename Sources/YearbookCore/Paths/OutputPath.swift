/// A file of the built site, relative to the output folder: `2024/platforms/index.html`,
/// `css/yearbook.css`. The writer, the staging folder and the preview's file table are
/// keyed by it; a page's is its `SitePath.outputPath`.
public struct OutputPath: PathValue {
  public let value: String
  public init(_ value: String) { self.value = value }
}

extension Set<OutputPath> {
  /// Whether a link to `sitePath` reaches one of these files; a folder with its
  /// `index.html` is reached with or without its final `/`.
  public func serves(_ sitePath: SitePath) -> Bool {
    contains(sitePath.outputPath) || (!sitePath.isPage && contains(SitePath(sitePath.value + "/").outputPath))
  }
}
