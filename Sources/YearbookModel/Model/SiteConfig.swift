import YearbookCore

/// `Content/site.yml`: what the whole site is called, where it is served from, and the
/// footer fields a Chinese government website shows on every page.
public struct SiteConfig: Sendable, Hashable {
  public var title: String
  public var language: String
  public var baseURL: BaseURL
  public var description: String
  public var publisher: String
  /// Lets raw HTML in Markdown through. Off by default: an editor pasting HTML from a
  /// word processor should not be able to put script on a government site by accident.
  public var unsafeHTML: Bool
  public var footer: Footer
  /// Articles per tag page.
  public var paginate: Int = 50
  /// Between the parts of a page's `<title>` (标题_栏目_站名): `_`, as government portals write it.
  public var titleSeparator = "_"
  /// Sizes the build warns about (`limits:`).
  public var budgets = Budgets()
  /// Entries in the Atom feed, newest first.
  public var feedLimit: Int = 20
  /// The site's origin (`https://www.pinghu.gov.cn`), for the absolute URLs the sitemap
  /// and the feed need when `base_url` is a path.
  public var siteURL: String?
  /// Where absolute URLs start: `site_url`, else the origin of an absolute `base_url`.
  /// Front-matter fields every article must have (`require: [source]`); a missing one is
  /// a warning at the article.
  public var required: Set<RequiredField> = []

  /// The bureau's word list (`checks: {words: …}`), entries in file order.
  public var wordRules: [WordRule] = []
  /// Whether the built-in list of usages official writing treats as errors applies
  /// (`checks: {builtin_words: false}` turns it off).
  public var builtinWords = true

  public enum RequiredField: String, CaseIterable, Sendable {
    case source, byline, summary, tags
  }

  public var origin: String? { siteURL ?? baseURL.origin }
  /// The absolute URL of a page (`2024/talent/`), or its link when no origin is known.
  public func absolute(_ sitePath: SitePath) -> String {
    (origin ?? "") + baseURL.link(sitePath)
  }

  /// The origin's host (`www.pinghu.gov.cn`), for the feed's `tag:` ids.
  public var host: String? {
    origin.map { String($0.drop { $0 != "/" }.drop { $0 == "/" }.prefix { $0 != ":" && $0 != "/" }) }
  }

  /// Path prefixes of the host portal (`/col/`, `/art/`), each ending in `/`: links under
  /// them are left as written and not checked.
  public var portalPaths: [String] = []
  /// Whether the build writes the files for putting pages into a portal: embed pages, CMS
  /// fragments and chart files (`portal_files: false` in site.yml for a site that is
  /// never embedded; print pages are written either way).
  public var portalFiles = true
  /// The site's emblem, an asset (`assets/logo.svg`), shown in the header before the title.
  public var logo: ContentPath?
  /// The search page and its index (`search: false` in site.yml turns both off).
  public var search: SearchSettings? = SearchSettings()

  public init(
    title: String, language: String = "zh-CN", baseURL: BaseURL = BaseURL(),
    description: String = "", publisher: String = "", unsafeHTML: Bool = false,
    footer: Footer = Footer()
  ) {
    self.title = title
    self.language = language
    self.baseURL = baseURL
    self.description = description
    self.publisher = publisher
    self.unsafeHTML = unsafeHTML
    self.footer = footer
  }
}

/// The record numbers and contacts a Chinese government site carries in its footer.
public struct Footer: Sendable, Hashable {
  /// 主办单位
  public var organizer: String
  /// 网站标识码, ten characters such as `3304820001`.
  public var siteCode: String
  /// ICP 备案号, e.g. `浙ICP备12345678号-1`; linked to the MIIT record site.
  public var icp: String
  /// 公安备案号, e.g. `浙公网安备 33048202000000号`.
  public var policeRecord: String
  public var contact: String
  /// 地址
  public var address: String = ""
  /// 邮编, six digits.
  public var postcode: String = ""
  /// 联系电话
  public var phone: String = ""
  /// 电子邮箱: shown as a mailto link.
  public var email: String = ""
  /// 版权所有 line, e.g. `平湖市科学技术局 版权所有`.
  public var copyright: String = ""
  /// The 党政机关网站标识 script given at registration (`https://dcs.conac.cn/js/….js`):
  /// the one script a built page may load, and only when configured.
  public var conacBadge: String = ""
  /// Whether the footer links to the State Council's 政府网站找错 page for this site code.
  public var errorReport = false

  public init(
    organizer: String = "", siteCode: String = "", icp: String = "", policeRecord: String = "",
    contact: String = ""
  ) {
    self.organizer = organizer
    self.siteCode = siteCode
    self.icp = icp
    self.policeRecord = policeRecord
    self.contact = contact
  }
}

/// How the site's own search page works (`search:` in site.yml).
public struct SearchSettings: Sendable, Hashable {
  /// The portal's own search, which the search page links to for readers without script
  /// (`search: {portal_url: https://…}`); without it, the tag and report lists.
  public var portalURL: String?

  public init(portalURL: String? = nil) {
    self.portalURL = portalURL
  }
}
