/// Where every page and file of the site lives, relative to the site root: the one place
/// URLs are decided. A site path has no leading slash; pages end in `/` (pretty URLs) and
/// are written as `index.html` inside that folder (`SitePath.outputPath`). `BaseURL.link`
/// turns one into a link.
public enum SitePaths {
  public static let home: SitePath = ""
  public static let tags: SitePath = "tags/"
  public static let data: SitePath = "data/"
  public static let feed: SitePath = "feed.xml"
  public static let sitemap: SitePath = "sitemap.xml"
  public static let notFound: SitePath = "404.html"
  public static let stylesheet: SitePath = "css/yearbook.css"
  public static let favicon: SitePath = "favicon.svg"

  /// The site-wide links every page gets as `site.<name>`.
  public static let siteLinks: [String: SitePath] = [
    "home_url": home, "tags_url": tags, "data_url": data, "feed_url": feed, "stylesheet_url": stylesheet,
    "favicon_url": favicon, "embed_script_url": embedScript, "search_url": search,
  ]

  public static func report(_ id: String) -> SitePath { SitePath(id + "/") }

  public static func article(report: String, slug: String) -> SitePath { SitePath("\(report)/\(slug)/") }

  /// Tag pages paginate: page 1 is `tags/<slug>/`, page 2 `tags/<slug>/page/2/`, as Hugo does.
  public static func tag(slug: String, page: Int = 1) -> SitePath {
    SitePath(page <= 1 ? "tags/\(slug)/" : "tags/\(slug)/page/\(page)/")
  }

  /// A file of `Content/assets/` is published where it lies: `assets/logo.svg`.
  public static func asset(_ path: ContentPath) -> SitePath { SitePath(path.value) }

  public static func datasetCSV(_ id: String) -> SitePath { SitePath("data/\(id).csv") }

  /// The anchor of a dataset's section on the data page.
  public static func datasetAnchor(_ id: String) -> String { "data-\(id)" }

  // MARK: For the portal: iframes, CMS fragments, chart files, print

  /// A page without the site's header, navigation and footer, for an iframe:
  /// `2024/platforms/` → `embed/2024/platforms/`.
  public static func embed(_ sitePath: SitePath) -> SitePath { sitePath.under("embed") }

  /// An article's body alone, for pasting into a CMS: charts as `<img>` of their `.svg` file.
  public static func fragment(report: String, slug: String) -> SitePath { SitePath("fragments/\(report)/\(slug).html") }

  /// The same body with charts as inline SVG, for a CMS that keeps `<svg>`.
  public static func inlineFragment(report: String, slug: String) -> SitePath {
    SitePath("fragments/\(report)/\(slug).inline.html")
  }

  /// The stylesheet every fragment links to; all its selectors sit under `.yb-root`.
  public static let fragmentStylesheet: SitePath = "fragments/yearbook-fragment.css"

  /// The one script of embed pages: it tells the framing page the page's height.
  public static let embedScript: SitePath = "js/yearbook-embed.js"
  /// The script an iframe snippet brings into the portal page, to size its frames.
  public static let embedHostScript: SitePath = "js/yearbook-embed-host.js"

  /// A chart as a standalone SVG file (colours and fonts inside) and as an embed page.
  public static func chartFile(_ id: String) -> SitePath { SitePath("charts/\(id).svg") }
  public static func chartEmbed(_ id: String) -> SitePath { SitePath("embed/charts/\(id)/") }

  // MARK: Search

  /// The search page, and its one script (the only script of the site's own pages).
  public static let search: SitePath = "search/"
  public static let searchScript: SitePath = "js/yearbook-search.js"
  /// The folder of the index the script reads: `manifest.json` and the shards.
  public static let searchIndex: SitePath = "search/index/"
  public static let searchManifest: SitePath = "search/index/manifest.json"
  public static func searchShard(_ number: Int) -> SitePath { SitePath("search/index/\(number).bin") }
  /// One article's title, report, date, link and text, for a result and its snippet.
  public static func searchDocument(_ number: Int) -> SitePath { SitePath("search/docs/\(number).json") }

  /// A whole report on one page, for printing or saving as one PDF.
  public static func print(report: String) -> SitePath { SitePath("\(report)/print/") }
}
