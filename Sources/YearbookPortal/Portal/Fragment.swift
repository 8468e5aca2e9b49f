import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookMarkdown
import YearbookModel
import YearbookRender

/// An article's body alone, to paste into a government portal's CMS: wrapped in one
/// `.yb-root` element, every class and id starting with `yb-` (so neither the host's CSS
/// nor its ids meet ours), linking the scoped stylesheet `fragments/yearbook-fragment.css`.
/// CMS editors strip inline SVG, so by default each chart is an `<img>` of its `.svg` file
/// with its table shown; the inline variant keeps the SVG, its look written on it.
package enum Fragment {
  /// Both variants: charts as images, and charts as inline SVG.
  package static func html(
    body: String, charts: [(chart: ChartRenderer.Rendered, forms: PortalForms)], article: Article,
    config: SiteConfig
  )
    -> (images: String, inline: String)
  {
    let prefix = "yb-" + article.reportID + "-" + article.slug + "-"
    var rewrite = HTMLRewriter.rename(idPrefix: prefix, classPrefix: "yb-")
    // With the site's origin known, links, chart images and the stylesheet are absolute,
    // so a fragment pasted into a portal on another host keeps them.
    var absolute: (String) -> String = { $0 }
    if let origin = config.origin {
      rewrite = rewrite.absolutingLinks(origin: origin)
      let links = HTMLRewriter.absoluteLinks(origin: origin)
      absolute = { links($0) }
    }
    // The body is cut around each drawn chart's figure, which the fragment replaces with a
    // form of its own: only the text between the figures is rewritten, once for both.
    let drawn = charts.filter(\.chart.hasFile)
    var between: [String] = []
    var figures: [(image: String, inline: String)] = []
    var body = body
    body.makeContiguousUTF8()
    // The text between figures is sliced from the body, which is valid UTF-8 already.
    let source = body
    body.withUTF8 { bytes in
      var position = 0
      for (chart, forms) in drawn {
        var markup = chart.html
        guard let found = markup.withUTF8({ ByteSearch.firstIndex(of: $0, in: bytes, from: position) }) else {
          continue
        }
        between.append(String(source.utf8Slice(position..<found)))
        figures.append((absolute(forms.imageFigure), absolute(forms.inlineFigure)))
        position = found + markup.utf8.count
      }
      between.append(String(source.utf8Slice(position..<bytes.count)))
    }
    let renamed = between.map { rewrite($0) }
    var images = renamed[0]
    var inline = renamed[0]
    for (figure, text) in zip(figures, renamed.dropFirst()) {
      images += figure.image + text
      inline += figure.inline + text
    }
    let stylesheet = HTML.escape(config.absolute(SitePaths.fragmentStylesheet))
    let wrap = { (body: String) in
      """
      <link rel="stylesheet" href="\(stylesheet)">
      <div class="yb-root" lang="\(HTML.escape(config.language))">
      \(body)</div>

      """
    }
    return (wrap(images), wrap(inline))
  }
}
