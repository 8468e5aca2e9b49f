import Foundation
import Mustache
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookMarkdown
import YearbookModel

/// swift-mustache rendering pages from the theme's templates: the oracle the compiled
/// templates are tested against, chosen with `YEARBOOK_RENDERER=swift-mustache` and never
/// on a build's path otherwise.
package struct MustacheOracle: Sendable {
  package let library: MustacheLibrary

  /// The oracle, when the environment asks for it.
  package init?(theme: Theme) {
    guard ProcessInfo.processInfo.environment["YEARBOOK_RENDERER"] == "swift-mustache" else { return nil }
    HTMLContentType.registered
    var library = MustacheLibrary()
    for (name, source) in theme.templates {
      guard let template = try? MustacheTemplate(string: HTMLContentType.pragma + source.text) else { continue }
      library.register(template, named: name)
    }
    self.library = library
  }

  package func render<Content>(_ context: PageContext<Content>, template: String) -> String? {
    library.render(TemplateBox(context), withTemplate: template)
  }
}
