import Foundation
import Mustache

/// Reads `Templates/`: every `*.mustache` file is a template named after its file name
/// (`partials/footer.mustache` is `{{>footer}}`), and `static/` holds the stylesheet.
/// A missing template or partial fails here, because Mustache itself would quietly
/// render nothing in its place.
public enum ThemeLoader {
  static let folder = "Templates"

  public static func load(root: URL) -> (Theme?, [Diagnostic]) {
    let templatesURL = root.appendingPathComponent(folder)
    var diagnostics: [Diagnostic] = []
    var library = MustacheLibrary()
    var sources: [String: TemplateSource] = [:]
    var staticFiles: [SourceFile] = []
    var unparsable: Set<String> = []

    guard FileManager.default.fileExists(atPath: templatesURL.path) else {
      return (
        nil,
        [
          .error(
            "no Templates/ folder here; copy the default theme's Templates/ into the project",
            at: SourceLocation(file: folder))
        ]
      )
    }
    for relative in files(under: templatesURL, diagnostics: &diagnostics) {
      let file = "\(folder)/\(relative)"
      if relative.hasPrefix("static/") {
        staticFiles.append(
          SourceFile(
            path: String(relative.dropFirst("static/".count)),
            source: templatesURL.appendingPathComponent(relative).path))
        continue
      }
      guard relative.hasSuffix(".mustache") else { continue }
      let name = String((relative.split(separator: "/").last ?? "").dropLast(".mustache".count))
      if let other = sources[name] {
        diagnostics.append(
          .error(
            "template name '\(name)' is also used by \(other.file); names must be unique",
            at: SourceLocation(file: file)))
        continue
      }
      guard let data = FileManager.default.contents(atPath: templatesURL.appendingPathComponent(relative).path),
        let text = String(validating: data, as: UTF8.self)
      else {
        diagnostics.append(.error("cannot read the template as UTF-8 text", at: SourceLocation(file: file)))
        continue
      }
      do {
        HTMLContentType.registered
        library.register(try MustacheTemplate(string: HTMLContentType.pragma + text), named: name)
        sources[name] = TemplateSource(file: file, text: text)
      } catch let error as MustacheTemplate.ParserError {
        unparsable.insert(name)
        // The pragma line put in front is not the editor's.
        let line = max(error.context.lineNumber - 1, 1)
        diagnostics.append(
          .error(
            "template syntax: \(describe(error.error))",
            at: SourceLocation(file: file, line: line, column: error.context.columnNumber)))
      } catch {
        unparsable.insert(name)
        diagnostics.append(.error("template syntax: \(error)", at: SourceLocation(file: file)))
      }
    }
    // A theme copied before these page kinds existed still builds: the built-in ones stand in.
    for name in Theme.laterPageTemplates where sources[name] == nil && !unparsable.contains(name) {
      guard let text = DefaultTheme.files["\(name).mustache"] else { continue }
      let template: MustacheTemplate
      do {
        template = try MustacheTemplate(string: HTMLContentType.pragma + text)
      } catch {
        diagnostics.append(
          .error(
            "no \(name).mustache, and the built-in one does not parse (\(error)); copy one from a site made by yearbook init",
            at: SourceLocation(file: folder)))
        continue
      }
      library.register(template, named: name)
      sources[name] = TemplateSource(file: "\(folder)/\(name).mustache", text: text)
      diagnostics.append(
        .warning(
          "no \(name).mustache: the built-in one is used; copy it from a site made by yearbook init to restyle it",
          at: SourceLocation(file: folder)))
    }
    if !staticFiles.contains(where: { $0.path == SitePaths.fragmentStylesheet }) {
      diagnostics.append(
        .warning(
          "no static/\(SitePaths.fragmentStylesheet): CMS fragments link to it; copy it from a site made by yearbook init",
          at: SourceLocation(file: folder)))
    }
    for (_, source) in sources.sorted(by: { $0.key < $1.key }) {
      for reference in PartialReferences.find(in: source.tags)
      where sources[reference.name] == nil && !unparsable.contains(reference.name) {
        diagnostics.append(
          .error(
            "template refers to a missing partial '\(reference.name)' (no file \(folder)/\(reference.name).mustache or \(folder)/partials/\(reference.name).mustache)",
            at: SourceLocation(file: source.file, line: reference.line, column: reference.column)))
      }
    }
    for name in Theme.pageTemplates where sources[name] == nil && !unparsable.contains(name) {
      diagnostics.append(.error("missing page template \(name).mustache", at: SourceLocation(file: folder)))
    }
    staticFiles.sort { $0.path < $1.path }
    if diagnostics.hasErrors { return (nil, diagnostics) }
    var theme = Theme(library: library, staticFiles: staticFiles)
    theme.templates = sources
    theme.plans = compiledPlans(sources)
    return (theme, diagnostics)
  }

  /// Each page template compiled with its layout and partials. `YEARBOOK_RENDERER=swift-mustache`
  /// renders every page with swift-mustache instead, the oracle the compiled pages are
  /// compared with.
  static func compiledPlans(_ sources: [String: TemplateSource]) -> [String: TemplatePlan] {
    guard ProcessInfo.processInfo.environment["YEARBOOK_RENDERER"] != "swift-mustache" else { return [:] }
    let compiler = TemplateCompiler(sources: sources.mapValues(\.text), unknownNames: .renderEmpty)
    var plans: [String: TemplatePlan] = [:]
    for (name, frames) in PageSchemas.frames where sources[name] != nil {
      plans[name] = try? compiler.compile(name, frames: frames)
    }
    return plans
  }

  private static func describe(_ error: Error) -> String {
    switch "\(error)" {
    case let text where text.contains("sectionCloseNameIncorrect"):
      "a section is closed with a different name than it was opened"
    case let text where text.contains("expectedSectionEnd"): "a section is opened but never closed"
    case let text where text.contains("unfinishedName"): "a tag is not closed with }}"
    case let text where text.contains("unmatchedTextToken"): "unmatched delimiter"
    case let text: text
    }
  }

  /// Every file below `url`. Symbolic links are judged as under `Content/`: a loop is one
  /// error, a link to a folder is not followed.
  private static func files(
    under url: URL, root: URL? = nil, prefix: String = "", diagnostics: inout [Diagnostic]
  ) -> [String] {
    let root = root ?? url
    let shown = "\(folder)\(prefix.isEmpty ? "" : "/" + prefix.dropLast())"
    let names = FolderListing.names(in: url, file: shown, diagnostics: &diagnostics)
    var result: [String] = []
    for name in names where !name.hasPrefix(".") {
      let child = url.appendingPathComponent(name)
      if case .skip(let diagnostic) = SymbolicLinks.verdict(for: child, file: "\(folder)/\(prefix)\(name)", root: root)
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

/// `{{>name}}` and `{{<name}}` tags in a template's text, with their positions.
enum PartialReferences {
  struct Reference: Equatable {
    var name: String
    var line: Int
    var column: Int
  }

  static func find(in text: String) -> [Reference] {
    find(in: MustacheTag.scan(text))
  }

  static func find(in tags: [MustacheTag]) -> [Reference] {
    tags.filter { ($0.kind == .partial || $0.kind == .parent) && !$0.name.isEmpty && !$0.name.hasPrefix("*") }
      .map { Reference(name: $0.name, line: $0.line, column: $0.column) }
  }
}
