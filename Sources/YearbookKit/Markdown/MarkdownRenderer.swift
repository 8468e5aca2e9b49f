import CCmark
import Foundation

/// Renders an article's Markdown to HTML through cmark's syntax tree: headings get ids,
/// soft breaks inside Chinese text disappear, `.md` links become page URLs, and raw HTML
/// stays text unless the site opted in. Pure: no file is read or written.
public struct MarkdownRenderer: Sendable {
  public var links: LinkTargets
  public var unsafeHTML: Bool

  public init(links: LinkTargets, unsafeHTML: Bool = false) {
    self.links = links
    self.unsafeHTML = unsafeHTML
  }

  public func render(_ source: MarkdownSource) -> RenderedMarkdown {
    var options = CMARK_OPT_VALIDATE_UTF8
    if unsafeHTML { options |= CMARK_OPT_UNSAFE }
    // Positions are for diagnostics only; the HTML carries no data-sourcepos attributes.
    let document = source.text.withCString { cmark_parse_document($0, strlen($0), options | CMARK_OPT_SOURCEPOS) }
    guard let document else {
      return RenderedMarkdown(html: "", firstParagraph: "", headings: [], diagnostics: [])
    }
    defer { cmark_node_free(document) }

    var tree = SyntaxTree(root: document, source: source)
    var diagnostics: [Diagnostic] = []
    let found = tree.collect()

    for node in found.softBreaks where SoftBreakRule.joinsWithoutSpace(node) {
      cmark_node_free(node)  // also unlinks it
    }
    for node in found.links {
      rewriteLink(node, tree: &tree, diagnostics: &diagnostics)
    }
    if !unsafeHTML {
      for node in found.rawHTML {
        diagnostics.append(
          .warning(
            "raw HTML is shown as text; set unsafe_html: true in site.yml to let it through",
            at: tree.location(of: node)))
        SyntaxTree.replaceWithText(node)
      }
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
    guard let rendered = cmark_render_html(document, options) else {
      return RenderedMarkdown(html: "", firstParagraph: firstParagraph, headings: headings, diagnostics: diagnostics)
    }
    defer { free(rendered) }
    return RenderedMarkdown(
      html: String(cString: rendered), firstParagraph: firstParagraph, headings: headings,
      diagnostics: diagnostics)
  }

  private func rewriteLink(_ node: OpaquePointer, tree: inout SyntaxTree, diagnostics: inout [Diagnostic]) {
    guard let pointer = cmark_node_get_url(node) else { return }
    let url = String(cString: pointer)
    switch links.resolve(url, from: tree.source.contentPath) {
    case .unchanged:
      break
    case .rewritten(let target):
      cmark_node_set_url(node, target)
    case .missing(let message):
      diagnostics.append(.error(message, at: tree.location(of: node)))
    }
  }
}

/// The result of rendering one Markdown file.
public struct RenderedMarkdown: Sendable, Hashable {
  public var html: String
  /// The first paragraph as plain text: the default summary.
  public var firstParagraph: String
  public var headings: [Heading]
  public var diagnostics: [Diagnostic]
}

public struct Heading: Sendable, Hashable {
  public var level: Int
  public var text: String
  public var id: String
}
