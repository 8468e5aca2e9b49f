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
    // Renamed once for both: a drawn chart's classes and ids already start with `yb-`, so
    // its HTML, rewritten alone, is found unchanged in the rewritten body, in the order the
    // charts were drawn.
    let renamed = rewrite(body)
    let drawn = charts.filter(\.chart.hasFile).map {
      (chart: config.origin == nil ? $0.chart.html : rewrite($0.chart.html), forms: $0.forms)
    }
    let images = renamed.replacingInOrder(drawn.map { ($0.chart, absolute($0.forms.imageFigure)) })
    let inline = renamed.replacingInOrder(drawn.map { ($0.chart, absolute($0.forms.inlineFigure)) })
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
