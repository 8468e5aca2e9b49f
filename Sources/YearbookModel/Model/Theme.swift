import YearbookCore

/// The templates and static files from `Templates/`, parsed and checked.
public struct Theme: Sendable {
  /// Files under `Templates/static/`, copied to the output root unchanged.
  public var staticFiles: [SourceFile]
  /// Every template's file and text, by template name, for checking the theme.
  package var templates: [String: TemplateSource] = [:]

  package init(staticFiles: [SourceFile], templates: [String: TemplateSource] = [:]) {
    self.staticFiles = staticFiles
    self.templates = templates
  }

  /// The page templates every site needs; each names its own file in `Templates/`.
  public static let pageTemplates = ["home", "report", "article", "tags", "tag", "data", "not-found", "embed", "print"]

  /// Page templates added after the first themes were copied into sites: when one is
  /// missing, the built-in one is used, with a warning.
  package static let laterPageTemplates = ["embed", "print"]
}

/// A file copied into the output as it is: `path` is where it lands in the output.
public struct SourceFile: Sendable, Hashable {
  public var path: String
  public var source: String

  public init(path: String, source: String) {
    self.path = path
    self.source = source
  }
}
