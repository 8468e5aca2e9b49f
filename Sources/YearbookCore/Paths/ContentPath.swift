/// A file the editor wrote, relative to the content folder: `2024/platforms.md`,
/// `data/figures-2024.yml`, `assets/logo.svg`. Relative links in Markdown resolve from it,
/// and the preview finds the article a save touched by it.
public struct ContentPath: PathValue {
  public let value: String
  public init(_ value: String) { self.value = value }

  /// The folder every content path is under, as the editor sees it from the site's root.
  public static let folder = "Content"

  /// How a message names it: `Content/2024/platforms.md`.
  public var source: SourcePath { SourcePath(Self.folder + "/" + value) }

  /// The report folder it is in: `2024` for `2024/platforms.md`.
  public var firstComponent: Substring { value.prefix { $0 != "/" } }
}
