import YearbookCore

/// The templates and static files from `Templates/`, parsed and checked.
public struct Theme: Sendable {
  /// Files under `Templates/static/`, copied to the output root unchanged.
  public var staticFiles: [StaticFile]
  /// Every template's file and text, by template name, for checking the theme.
  package var templates: [String: TemplateSource] = [:]

  package init(staticFiles: [StaticFile], templates: [String: TemplateSource] = [:]) {
    self.staticFiles = staticFiles
    self.templates = templates
  }

  /// The page templates every site needs; each names its own file in `Templates/`.
  public static let pageTemplates = [
    "home", "report", "article", "tags", "tag", "data", "not-found", "embed", "print", "search",
  ]

  /// Where a file of `Templates/static/` is published: `Templates/static/css/yearbook.css`
  /// → `css/yearbook.css`; nil for any other file.
  public static func output(ofStatic file: SourcePath) -> OutputPath? {
    let folder = "Templates/static/"
    guard file.value.hasPrefix(folder) else { return nil }
    return OutputPath(String(file.value.dropFirst(folder.count)))
  }

  /// Page templates added after the first themes were copied into sites: when one is
  /// missing, the built-in one is used, with a warning.
  package static let laterPageTemplates = ["embed", "print", "search"]

  /// Scripts added after the first themes were copied: when one is missing from
  /// `Templates/static/`, the built-in one is published.
  package static let laterStaticFiles: [OutputPath] = [SitePaths.searchScript.outputPath]
}

/// A file of `Templates/static/` copied into the output as it is: `path` is where it lands
/// in the output, `source` the absolute path it is copied from.
public struct StaticFile: Sendable, Hashable {
  public var path: OutputPath
  public var source: String
  /// The built-in file's text, for a file the theme lacks (`Theme.laterStaticFiles`).
  public var builtIn: String?

  public init(path: OutputPath, source: String) {
    self.path = path
    self.source = source
  }
}
