import Foundation
import YearbookCore
import YearbookModel

/// Reads `Templates/`: every `*.mustache` file is a template named after its file name
/// (`partials/footer.mustache` is `{{>footer}}`), and `static/` holds the stylesheet.
/// Each template is read by the one Mustache parser (`TemplateSyntax`): a syntax error, a
/// form the compiler does not support, or a missing template or partial fails here, at its
/// line and column, because a template that renders nothing in its place is a page missing
/// text. The index step compiles the page templates (`CompiledTheme`).
public enum ThemeLoader {
  package static let folder = "Templates"

  public static func load(root: URL) -> (Theme?, [Diagnostic]) {
    let templatesURL = root.appendingPathComponent(folder)
    var diagnostics: [Diagnostic] = []
    var sources: [String: TemplateSource] = [:]
    var staticFiles: [StaticFile] = []
    var unparsable: Set<String> = []

    guard FileManager.default.fileExists(atPath: templatesURL.path) else {
      return (
        nil,
        [
          .error(
            .noTemplatesFolder(),
            at: SourceLocation(file: SourcePath(folder)))
        ]
      )
    }
    for relative in files(under: templatesURL, diagnostics: &diagnostics) {
      let file = SourcePath("\(folder)/\(relative)")
      if let published = Theme.output(ofStatic: file) {
        staticFiles.append(StaticFile(path: published, source: templatesURL.appendingPathComponent(relative).path))
        continue
      }
      guard relative.hasSuffix(".mustache") else { continue }
      let name = String((relative.split(separator: "/").last ?? "").dropLast(".mustache".count))
      if let other = sources[name] {
        diagnostics.append(
          .error(
            .templateNameTaken(name, other: "\(other.file)"),
            at: SourceLocation(file: file)))
        continue
      }
      guard let data = FileManager.default.contents(atPath: templatesURL.appendingPathComponent(relative).path),
        let text = String(validating: data, as: UTF8.self)
      else {
        diagnostics.append(.error(.templateNotUTF8(), at: SourceLocation(file: file)))
        continue
      }
      do throws(TemplateError) {
        sources[name] = try TemplateSource(file: file, text: text)
      } catch {
        unparsable.insert(name)
        diagnostics.append(.error(.templateSyntax(error.message), at: location(of: error.at)))
      }
    }
    // A theme copied before these page kinds existed still builds: the built-in ones stand in.
    for name in Theme.laterPageTemplates where sources[name] == nil && !unparsable.contains(name) {
      guard let text = DefaultTheme.files["\(name).mustache"] else { continue }
      do throws(TemplateError) {
        sources[name] = try TemplateSource(file: SourcePath("\(folder)/\(name).mustache"), text: text)
      } catch {
        diagnostics.append(
          .error(
            .builtInTemplateBroken(name, problem: error.message),
            at: SourceLocation(file: SourcePath(folder))))
        continue
      }
      diagnostics.append(
        .warning(
          .builtInTemplateUsed(name),
          at: SourceLocation(file: SourcePath(folder))))
    }
    for path in Theme.laterStaticFiles where !staticFiles.contains(where: { $0.path == path }) {
      guard let text = DefaultTheme.files["static/\(path.value)"] else { continue }
      var file = StaticFile(path: path, source: "\(folder)/static/\(path.value)")
      file.builtIn = text
      staticFiles.append(file)
    }
    if !staticFiles.contains(where: { $0.path == SitePaths.fragmentStylesheet.outputPath }) {
      diagnostics.append(
        .warning(
          .noFragmentStylesheet(SitePaths.fragmentStylesheet.value),
          at: SourceLocation(file: SourcePath(folder))))
    }
    for (_, source) in sources.sorted(by: { $0.key < $1.key }) {
      for reference in source.references
      where sources[reference.name] == nil && !unparsable.contains(reference.name) {
        diagnostics.append(
          .error(
            .missingPartial(reference.name, folder: folder),
            at: location(of: reference.at)))
      }
    }
    for name in Theme.pageTemplates where sources[name] == nil && !unparsable.contains(name) {
      diagnostics.append(.error(.missingPageTemplate(name), at: SourceLocation(file: SourcePath(folder))))
    }
    staticFiles.sort { $0.path < $1.path }
    if diagnostics.hasErrors { return (nil, diagnostics) }
    var theme = Theme(staticFiles: staticFiles)
    theme.templates = sources
    return (theme, diagnostics)
  }

  /// A parser or compiler position as a place in the template's file.
  private static func location(of position: TemplatePosition) -> SourceLocation {
    SourceLocation(file: position.template, line: position.line, column: position.column)
  }

  /// Every file below `url`. Symbolic links are judged as under `Content/`: a loop is one
  /// error, a link to a folder is not followed.
  private static func files(
    under url: URL, root: URL? = nil, prefix: String = "", diagnostics: inout [Diagnostic]
  ) -> [String] {
    let root = root ?? url
    let shown = "\(folder)\(prefix.isEmpty ? "" : "/" + prefix.dropLast())"
    let names = FolderListing.names(in: url, file: SourcePath(shown), diagnostics: &diagnostics)
    var result: [String] = []
    for name in names where !name.hasPrefix(".") {
      let child = url.appendingPathComponent(name)
      if case .skip(let diagnostic) = SymbolicLinks.verdict(
        for: child, file: SourcePath("\(folder)/\(prefix)\(name)"), root: root)
      {
        diagnostics.append(diagnostic)
        continue
      }
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: child.path, isDirectory: &isDirectory), isDirectory.boolValue {
        result += files(under: child, root: root, prefix: prefix + name + "/", diagnostics: &diagnostics)
      } else {
        result.append(prefix + name)
      }
    }
    return result
  }
}
