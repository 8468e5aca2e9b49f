/// An article's body alone, to paste into a government portal's CMS: wrapped in one
/// `.yb-root` element, every class and id starting with `yb-` (so neither the host's CSS
/// nor its ids meet ours), linking the scoped stylesheet `fragments/yearbook-fragment.css`.
/// CMS editors strip inline SVG, so by default each chart is an `<img>` of its `.svg` file
/// with its table shown; the inline variant keeps the SVG, its look written on it.
enum Fragment {
  static func html(body: String, charts: [ChartRenderer.Rendered], article: Article, config: SiteConfig, inline: Bool)
    -> String
  {
    var body = body
    for chart in charts where chart.file != nil {
      let figure = inline ? ChartFile.presentationAttributes(chart.html) : chart.imageFigure
      body = body.replacingOccurrences(of: chart.html, with: figure)
    }
    let prefix = "yb-" + article.reportID + "-" + article.slug + "-"
    let rewrite = HTMLRewriter.rename(
      ids: { $0.hasPrefix("yb-") ? String($0) : prefix + $0 },
      classes: { $0.hasPrefix("yb-") ? String($0) : "yb-" + $0 })
    let stylesheet = HTML.escape(config.baseURL.link(SitePaths.fragmentStylesheet))
    return """
      <link rel="stylesheet" href="\(stylesheet)">
      <div class="yb-root" lang="\(HTML.escape(config.language))">
      \(rewrite(body))</div>

      """
  }
}
