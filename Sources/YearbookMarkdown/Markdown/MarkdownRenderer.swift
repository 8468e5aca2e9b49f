import CCmark
import Foundation
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookModel

/// Renders an article's Markdown to HTML through cmark's syntax tree: headings get ids,
/// soft breaks inside Chinese text disappear, `.md` links become page URLs, and raw HTML
/// stays text unless the site opted in. Pure: no file is read or written.
public struct MarkdownRenderer: Sendable {
  public var links: LinkTargets
  public var charts: ChartRenderer
  public var consistency: FigureConsistency
  public var unsafeHTML: Bool
  /// `check` needs the diagnostics and facts of a document, not its HTML.
  public var producesHTML = true
  /// Whether the document's plain text is kept for the search index.
  public var collectsSearchText = false

  public init(
    links: LinkTargets, charts: ChartRenderer? = nil, consistency: FigureConsistency? = nil, unsafeHTML: Bool = false
  ) {
    self.links = links
    self.charts = charts ?? ChartRenderer(datasets: [], baseURL: links.baseURL)
    self.consistency = consistency ?? FigureConsistency(datasets: [])
    self.unsafeHTML = unsafeHTML
  }

  public func render(_ source: MarkdownSource) -> RenderedMarkdown {
    var options = CMARK_OPT_VALIDATE_UTF8
    if unsafeHTML { options |= CMARK_OPT_UNSAFE }
    // Positions are for diagnostics only; the HTML carries no data-sourcepos attributes.
    let (tables, tableProblems) = PipeTable.find(in: source.text)
    // The real length, not strlen: a NUL byte must not cut the document short.
    var text = PipeTable.withPlaceholders(source.text, for: tables)
    let document = text.withUTF8 { bytes in
      bytes.withMemoryRebound(to: CChar.self) {
        cmark_parse_document($0.baseAddress, $0.count, options | CMARK_OPT_SOURCEPOS)
      }
    }
    guard let document else {
      return RenderedMarkdown(html: "", firstParagraph: "", headings: [], diagnostics: [])
    }
    defer { cmark_node_free(document) }

    var tree = SyntaxTree(root: document, source: source)
    var diagnostics = tableProblems.map { problem in
      Diagnostic.warning(problem.message, at: tree.location(line: problem.line, byteColumn: problem.byteColumn))
    }
    PipeTableNodes.insert(tables, into: document, options: options, tree: &tree)
    let found = tree.collect()

    // Before soft breaks go: cmark saw a line end there when it paired the runs.
    CJKEmphasis.apply(toParentsOf: found.texts) { tree.sourceLine(of: $0) }
    for node in found.softBreaks where SoftBreakRule.joinsWithoutSpace(node) {
      cmark_node_free(node)  // also unlinks it
    }
    var images: [OpaquePointer] = []
    var fragmentLinks: [FragmentLink] = []
    var linked: Set<ContentPath> = []
    var outsideLinks: [OutsideLink] = []
    for node in found.links {
      // A removed script link is freed: nothing more may be asked of it.
      guard
        rewriteLink(
          node, tree: &tree, diagnostics: &diagnostics, fragmentLinks: &fragmentLinks, linked: &linked)
      else { continue }
      if cmark_node_get_type(node) == CMARK_NODE_LINK, let pointer = cmark_node_get_url(node),
        strncmp(pointer, "http", 4) == 0
      {
        let url = String(cString: pointer)
        if url.hasPrefix("http://") || url.hasPrefix("https://") {
          outsideLinks.append(
            OutsideLink(url: url, text: SyntaxTree.plainText(of: node), location: tree.location(of: node)))
        }
      }
      if cmark_node_get_type(node) == CMARK_NODE_IMAGE { images.append(node) }
    }
    if !unsafeHTML {
      for node in found.rawHTML {
        diagnostics.append(
          .warning(
            .rawHTMLShownAsText(),
            at: tree.location(of: node)))
        SyntaxTree.replaceWithText(node)
      }
    }
    for node in images where SyntaxTree.plainText(of: node).isEmpty {
      diagnostics.append(
        .error(
          .imageWithoutDescription(),
          at: tree.location(of: node)))
    }
    var bindings: [String] = []
    // Most documents bind no figure: without a `{{` in the text, two more walks are saved.
    if source.text.containsText("{{") {
      // Collected again: removing script links freed some of the first walk's parents.
      for parent in tree.collect().textParents {
        SyntaxTree.mergeAdjacentText(in: parent)
      }
      for node in tree.collect().texts {
        bindFigures(in: node, tree: &tree, diagnostics: &diagnostics, datasets: &bindings)
      }
    }
    var renderedCharts: [ChartRenderer.Rendered] = []
    var datasets = Set(bindings)
    for node in found.codeBlocks {
      guard let info = cmark_node_get_fence_info(node).map({ String(cString: $0) }),
        info.trimmed == "chart"
      else { continue }
      let yaml = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
      let firstLine = Int(cmark_node_get_start_line(node)) + 1 + source.lineOffset
      let (chart, chartDiagnostics) = charts.render(
        yaml: yaml, file: source.file, firstLine: firstLine, position: renderedCharts.count + 1,
        contentPath: source.contentPath)
      diagnostics += chartDiagnostics
      guard let chart else { continue }
      renderedCharts.append(chart)
      datasets.insert(chart.spec.data)
      SyntaxTree.replace(node, withHTMLBlock: chart.html)
    }
    // Paragraphs survive every change above (only links, text and raw HTML are replaced).
    for paragraph in found.paragraphs {
      diagnostics += consistency.check(
        SyntaxTree.plainText(of: paragraph), period: source.period, at: tree.location(of: paragraph))
    }
    var headingIDs = HeadingIDs()
    var headings: [Heading] = []
    for node in found.headings {
      let text = SyntaxTree.plainText(of: node)
      let id = headingIDs.claim(for: text)
      let level = Int(cmark_node_get_heading_level(node))
      headings.append(Heading(level: level, text: text, id: id))
      SyntaxTree.giveID(id, toHeading: node, level: level, options: options)
    }

    let firstParagraph = SyntaxTree.firstParagraphText(of: document)
    var result = RenderedMarkdown(
      html: "", firstParagraph: firstParagraph, headings: headings, diagnostics: diagnostics,
      charts: renderedCharts, datasets: datasets, fragmentLinks: fragmentLinks,
      linkedDocuments: linked.subtracting([source.contentPath]), linkCount: found.links.count,
      outsideLinks: outsideLinks)
    if collectsSearchText { result.searchText = SyntaxTree.searchText(of: document) }
    if producesHTML, let rendered = cmark_render_html(document, options) {
      defer { free(rendered) }
      result.html = Self.html5(rendered)
    }
    return result
  }

  /// Replaces each `{{dataset:column:row}}` in a text node with the value, through a
  /// custom inline node: cmark writes it verbatim, so the value is escaped here.
  private func bindFigures(
    in node: OpaquePointer, tree: inout SyntaxTree, diagnostics: inout [Diagnostic], datasets: inout [String]
  ) {
    // Most text has no binding: look for `{{` in cmark's bytes before making a String.
    guard let bytes = cmark_node_get_literal(node), strstr(bytes, "{{") != nil else { return }
    let literal = String(cString: bytes)
    let bindings = FigureBinding.find(in: literal)
    guard !bindings.isEmpty else { return }
    let characters = Array(literal)
    let start = tree.location(of: node)
    var cursor = 0
    for binding in bindings {
      datasets.append(binding.dataset)
      let before = String(characters[cursor..<binding.range.lowerBound])
      if !before.isEmpty { SyntaxTree.insertText(before, before: node) }
      let html: String
      switch binding.resolve(in: charts.datasets) {
      case .value(let quantity):
        html = FigureBinding.html(quantity)
      case .problem(let message):
        var location = start
        if !characters[..<binding.range.lowerBound].contains("\n") {
          location.column = (location.column ?? 1) + binding.range.lowerBound
        }
        diagnostics.append(.error(message, at: location))
        html = HTML.escape(String(characters[binding.range]))
      }
      SyntaxTree.insertInlineHTML(html, before: node)
      cursor = binding.range.upperBound
    }
    cmark_node_set_literal(node, String(characters[cursor...]))
  }

  /// Returns false when the link was removed (and freed).
  private func rewriteLink(
    _ node: OpaquePointer, tree: inout SyntaxTree, diagnostics: inout [Diagnostic],
    fragmentLinks: inout [FragmentLink], linked: inout Set<ContentPath>
  ) -> Bool {
    guard let pointer = cmark_node_get_url(node) else { return true }
    let url = String(cString: pointer)
    if SyntaxTree.isScript(url) {
      // cmark would write an empty href; the editor should know, and the reader gets text.
      diagnostics.append(
        .warning(.scriptLinkRemoved(String(url.prefix(40))), at: tree.location(of: node)))
      SyntaxTree.unwrap(node)
      return false
    }
    switch links.resolve(url, from: tree.source.contentPath) {
    case .unchanged:
      break
    case .rewritten(let target):
      cmark_node_set_url(node, target)
    case .page(let target, let document):
      cmark_node_set_url(node, target)
      linked.insert(document)
    case .fragment(let target, let document, let id):
      if target != url { cmark_node_set_url(node, target) }
      linked.insert(document)
      fragmentLinks.append(FragmentLink(document: document, id: id, location: tree.location(of: node)))
    case .missing(let message):
      diagnostics.append(.error(message, at: tree.location(of: node)))
    }
    return true
  }
}

/// The result of rendering one Markdown file.
public struct RenderedMarkdown: Sendable, Hashable {
  public var html: String
  /// The first paragraph as plain text: the default summary.
  public let firstParagraph: String
  /// `firstParagraph` cut to a summary (`Summary.cut`), made once: facts and pages use it.
  public let summary: String
  public var headings: [Heading]
  public var diagnostics: [Diagnostic]
  /// The charts in the document, in order: the data page shows them again.
  public var charts: [ChartRenderer.Rendered] = []
  /// Ids of the datasets the document draws from (charts and bound figures).
  public var datasets: Set<String> = []
  /// Links to headings, checked once every document is rendered.
  public var fragmentLinks: [FragmentLink] = []
  /// The other documents it links to, by path under `Content/`.
  public var linkedDocuments: Set<ContentPath> = []
  /// Links and images resolved.
  public var linkCount = 0
  /// Links to other sites, for the checks before publishing and `check --external`.
  public var outsideLinks: [OutsideLink] = []
  /// The plain text the search index is made from (when `collectsSearchText`).
  public var searchText = ""

  public init(
    html: String, firstParagraph: String, headings: [Heading], diagnostics: [Diagnostic],
    charts: [ChartRenderer.Rendered] = [], datasets: Set<String> = [], fragmentLinks: [FragmentLink] = [],
    linkedDocuments: Set<ContentPath> = [], linkCount: Int = 0, outsideLinks: [OutsideLink] = []
  ) {
    self.html = html
    self.firstParagraph = firstParagraph
    self.summary = Summary.cut(firstParagraph)
    self.headings = headings
    self.diagnostics = diagnostics
    self.charts = charts
    self.datasets = datasets
    self.fragmentLinks = fragmentLinks
    self.linkedDocuments = linkedDocuments
    self.linkCount = linkCount
    self.outsideLinks = outsideLinks
  }

  /// The document without its HTML, once its pages are written: what a build keeps of
  /// every document are the facts the checks and list pages read.
  package var withoutMarkup: RenderedMarkdown {
    var facts = self
    facts.html = ""
    facts.searchText = ""
    facts.charts = charts.map(\.withoutMarkup)
    return facts
  }
}

/// A link to another site (`https://…`, `http://…`), with its text, where it was written.
public struct OutsideLink: Sendable, Hashable {
  public var url: String
  public var text: String
  public var location: SourceLocation
}

/// A link to an id on a page of the site, where it was written.
public struct FragmentLink: Sendable, Hashable {
  /// The linked document's path under `Content/`.
  public var document: ContentPath
  public var id: String
  public var location: SourceLocation
}

public struct Heading: Sendable, Hashable {
  public var level: Int
  public var text: String
  public var id: String
}

extension MarkdownRenderer {
  /// cmark writes XHTML-style void elements (`<br />`); HTML5 validators flag the slash.
  /// The runs between two ` />` are copied whole, each without its ` /`.
  package static func html5(_ rendered: UnsafePointer<CChar>) -> String {
    let length = strlen(rendered)
    return rendered.withMemoryRebound(to: UInt8.self, capacity: length) { start in
      let bytes = UnsafeBufferPointer(start: start, count: length)
      return voidElementEnd.withUTF8Buffer { needle in
        String(unsafeUninitializedCapacity: length) { output in
          var written = 0
          var index = 0
          while index < length {
            let found = ByteSearch.firstIndex(of: needle, in: bytes, from: index)
            let end = found ?? length
            (output.baseAddress! + written).update(from: start + index, count: end - index)
            written += end - index
            guard found != nil else { break }
            output[written] = 0x3E
            written += 1
            index = end + 3
          }
          return written
        }
      }
    }
  }

  private static let voidElementEnd: StaticString = " />"
}
