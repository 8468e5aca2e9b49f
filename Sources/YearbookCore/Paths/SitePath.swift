/// A page or file of the site as its URL names it, relative to the site's root: no leading
/// slash; a page ends in `/` (`2024/platforms/`, `tags/人才/`, or empty for the home page),
/// a file does not (`data/figures-2024.csv`). `SitePaths` decides every one of them;
/// `BaseURL.link` turns one into a link.
public struct SitePath: PathValue {
  public let value: String
  public init(_ value: String) { self.value = value }

  /// A page (written as `index.html` inside its folder), not a file.
  public var isPage: Bool { value.isEmpty || value.hasSuffix("/") }

  /// The file it is written to: `2024/platforms/` → `2024/platforms/index.html`.
  public var outputPath: OutputPath { OutputPath(isPage ? value + "index.html" : value) }

  /// Whether it is `folder` or below it: `2024/talent/` is inside `2024/`.
  public func isInside(_ folder: SitePath) -> Bool { value.hasPrefix(folder.value) }

  /// The same path under a folder of its own: `2024/platforms/` → `embed/2024/platforms/`.
  public func under(_ folder: String) -> SitePath { SitePath(folder + "/" + value) }
}
