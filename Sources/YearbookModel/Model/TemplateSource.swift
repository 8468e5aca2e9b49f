import YearbookCore

/// A template's file and text, read once by the project's one Mustache parser.
package struct TemplateSource: Sendable {
  package var file: SourcePath
  package var text: String
  package var syntax: TemplateSyntax

  /// Fails with the first syntax error, at its line and column in `file`.
  package init(file: SourcePath, text: String) throws(TemplateError) {
    self.file = file
    self.text = text
    syntax = try TemplateSyntax(text, template: file)
  }

  /// Every `{{>partial}}` and `{{<layout}}` it names, with the tag's place.
  package var references: [(name: String, at: TemplatePosition)] {
    var found: [(name: String, at: TemplatePosition)] = []
    func collect(_ nodes: [TemplateSyntax.Node]) {
      for node in nodes {
        switch node {
        case .text, .value: continue
        case .section(_, _, let children, _), .block(_, let children, _): collect(children)
        case .partial(let name, _, let at): found.append((name, at))
        case .parent(let name, _, let blocks, let at):
          found.append((name, at))
          collect(blocks)
        }
      }
    }
    collect(syntax.nodes)
    return found
  }
}
