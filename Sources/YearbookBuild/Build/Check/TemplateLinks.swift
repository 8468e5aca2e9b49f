import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookPortal
import YearbookRender

/// Checks the links a theme writes itself, once per template rather than once per page:
/// a literal `href="/kjj/about/"`, a site URL with a path after it
/// (`{{site.home_url}}about/`), a `#fragment` of the page, and `alt` on every `<img>`.
/// Links that are a single Mustache value come from the site index and are right by
/// construction.
package struct TemplateLinks {
  package let baseURL: BaseURL
  package let outputPaths: Set<OutputPath>
  /// `{{site.home_url}}` and the other site-wide links, as every page has them.
  package let siteLinks: [String: String]

  package init(index: SiteIndex) {
    baseURL = index.site.config.baseURL
    outputPaths = index.outputPaths
    siteLinks = Dictionary(
      uniqueKeysWithValues: SitePaths.siteLinks.map { ("site.\($0)", index.site.config.baseURL.link($1)) })
  }

  package struct Result {
    package var diagnostics: [Diagnostic] = []
    package var linksChecked = 0
  }

  /// `ids`: for each template, the ids on every page it appears on.
  package func check(_ templates: [String: TemplateSource], ids: [String: Set<String>]) -> Result {
    var result = Result()
    for (name, template) in templates.sorted(by: { $0.key < $1.key }) {
      for attribute in Self.attributes(in: template.text) {
        let location = SourceLocation(file: template.file, line: attribute.line, column: attribute.column)
        if attribute.name == "<img" {
          result.diagnostics.append(.error(.templateImageWithoutAlt(), at: location))
          continue
        }
        guard let url = resolvable(attribute.value) else { continue }
        result.linksChecked += 1
        if let problem = problem(with: url, ids: ids[name] ?? []) {
          result.diagnostics.append(.error(problem, at: location))
        }
      }
    }
    return result
  }

  /// The link as every page would have it, or nil when it depends on the page.
  private func resolvable(_ value: String) -> String? {
    guard let open = value.range(of: "{{") else { return value }
    guard open.lowerBound == value.startIndex, let close = value.range(of: "}}"),
      let link = siteLinks[value[open.upperBound..<close.lowerBound].trimmed]
    else { return nil }
    let rest = value[close.upperBound...]
    guard !rest.isEmpty, !rest.contains("{") else { return nil }
    return link + rest
  }

  package func problem(with url: String, ids: Set<String>) -> Message? {
    if url.isEmpty { return .templateEmptyLink() }
    if url.lowercased().hasPrefix("javascript:") { return .templateScriptLink() }
    if url.hasPrefix("//") || LinkTargets.hasScheme(url) { return nil }
    if url.hasPrefix("#") {
      let id = String(url.dropFirst())
      return id.isEmpty || ids.contains(id) ? nil : .templateLinkUnknownID(url)
    }
    var path = String(url.prefix { $0 != "#" && $0 != "?" })
    path = path.removingPercentEncoding ?? path
    guard path.hasPrefix(baseURL.path) else {
      return .templateLinkOutsideBase(url, base: baseURL.path)
    }
    let sitePath = SitePath(String(path.dropFirst(baseURL.path.count)))
    if outputPaths.contains(sitePath.outputPath) { return nil }
    return .templateLinkWithoutTarget(url)
  }

  package struct Attribute {
    /// `href`, `src`, or `<img` for an image tag without `alt`.
    package var name: String
    package var value: String
    package var line: Int
    package var column: Int
  }

  /// `href="…"` and `src="…"` values, and `<img` tags lacking `alt`, with positions.
  package static func attributes(in text: String) -> [Attribute] {
    var found: [Attribute] = []
    for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      for name in ["href", "src"] {
        var rest = line[...]
        while let start = rest.range(of: " \(name)=\"") {
          let value = rest[start.upperBound...].prefix { $0 != "\"" }
          let column = line.distance(from: line.startIndex, to: start.lowerBound) + 2
          found.append(Attribute(name: name, value: String(value), line: lineIndex + 1, column: column))
          rest = rest[start.upperBound...]
        }
      }
      var rest = line[...]
      while let start = rest.range(of: "<img") {
        let tag = rest[start.lowerBound...].prefix { $0 != ">" }
        if !tag.contains(" alt=") && !tag.contains(" alt ") && !tag.hasSuffix(" alt") {
          let column = line.distance(from: line.startIndex, to: start.lowerBound) + 1
          found.append(Attribute(name: "<img", value: "", line: lineIndex + 1, column: column))
        }
        rest = rest[start.upperBound...]
      }
    }
    return found
  }
}

extension TemplateLinks {
  /// For each template, the ids on every page it is part of: a `#fragment` a partial
  /// writes must exist on each page that includes it.
  package static func idsPerTemplate(_ templates: TemplateCheck.Result) -> [String: Set<String>] {
    var ids: [String: Set<String>] = [:]
    for (page, used) in templates.uses {
      let pageIDs = templates.ids[page] ?? []
      for template in used {
        ids[template] = ids[template].map { $0.intersection(pageIDs) } ?? pageIDs
      }
    }
    return ids
  }
}
