/// A file of the site as messages name it, relative to the site's root, as an editor would
/// type it: `Content/2024/platforms.md`, `Templates/article.mustache`; or, for a problem
/// writing the site, the output folder. A `SourceLocation` points into one.
public struct SourcePath: PathValue {
  public let value: String
  public init(_ value: String) { self.value = value }

  /// The content path when the file is under `Content/`: `Content/2024/talent.md` →
  /// `2024/talent.md`; nil for a template or anything outside.
  public var contentPath: ContentPath? {
    let prefix = ContentPath.folder + "/"
    guard value.hasPrefix(prefix) else { return nil }
    return ContentPath(String(value.dropFirst(prefix.count)))
  }
}
