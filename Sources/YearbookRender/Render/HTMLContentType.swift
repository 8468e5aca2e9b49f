import Mustache
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookMarkdown
import YearbookModel

/// Mustache's own HTML escaping looks up every Character in a dictionary; this one is
/// `HTML.escape`, which scans bytes and returns text with nothing to escape unchanged.
/// The same five characters are escaped the same way, so pages are byte-identical.
package struct HTMLContentType: MustacheContentType {
  package static let name = "YEARBOOK_HTML"

  /// A line put in front of every template's text: sets the escaping for what follows,
  /// and is passed on to partials and layouts. A standalone tag, so it writes nothing.
  package static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"

  package static let registered: Void = MustacheContentTypes.register(HTMLContentType(), named: name)

  package func escapeText(_ text: String) -> String { HTML.escape(text) }
}
