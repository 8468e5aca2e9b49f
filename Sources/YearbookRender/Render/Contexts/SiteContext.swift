import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookMarkdown
import YearbookModel

/// `site`: what every page knows about the whole site.
package struct SiteContext: TemplateValue {
  package let view: SiteView
  /// The page being rendered, to mark its report in the navigation.
  package let currentPath: SitePath

  package static let fields = TemplateFields<Self>([
    .text("title") { $0.view.config.title },
    .text("description") { $0.view.config.description },
    .text("publisher") { $0.view.config.publisher },
    .text("language") { $0.view.config.language },
    .text("home_url") { $0.view.siteLinks["home_url"] },
    .text("tags_url") { $0.view.siteLinks["tags_url"] },
    .text("data_url") { $0.view.siteLinks["data_url"] },
    .text("feed_url") { $0.view.siteLinks["feed_url"] },
    .flag("has_feed") { $0.view.siteLinks["feed_url"] != nil },
    .text("stylesheet_url") { $0.view.siteLinks["stylesheet_url"] },
    .text("favicon_url") { $0.view.siteLinks["favicon_url"] },
    .text("embed_script_url") { $0.view.siteLinks["embed_script_url"] },
    .text("search_url") { $0.view.siteLinks["search_url"] },
    .text("logo_url") { site in site.view.config.logo.map { site.view.link(SitePaths.asset($0)) } },
    .list("reports") { site in
      site.view.navigation.map { NavigationEntry(item: $0, current: site.currentPath.isInside($0.sitePath)) }
    },
    .object("footer") { $0.view.footer },
  ])
}

package struct NavigationItem: Sendable {
  package var title: String
  package var period: String
  package var sitePath: SitePath
  package var url: String
}

/// A report in the site's navigation.
package struct NavigationEntry: TemplateValue {
  package let item: NavigationItem
  package let current: Bool

  package static let fields = TemplateFields<Self>([
    .text("title") { $0.item.title },
    .text("period") { $0.item.period },
    .text("url") { $0.item.url },
    .flag("current") { $0.current },
  ])
}

/// `site.footer`: the record numbers a Chinese government site shows on every page.
package struct FooterContext: TemplateValue {
  package let footer: Footer
  package let policeRecordURL: String?

  package init(_ footer: Footer) {
    self.footer = footer
    policeRecordURL = PoliceRecord.number(in: footer.policeRecord).map {
      "https://beian.mps.gov.cn/#/query/webSearch?code=\($0)"
    }
  }

  package static let fields = TemplateFields<Self>([
    .text("organizer") { $0.footer.organizer },
    .text("site_code") { $0.footer.siteCode },
    .text("icp") { $0.footer.icp },
    .text("police_record") { $0.footer.policeRecord },
    .text("police_record_url") { $0.policeRecordURL },
    .text("contact") { $0.footer.contact },
    .text("address") { $0.footer.address },
    .text("postcode") { $0.footer.postcode },
    .text("phone") { $0.footer.phone },
    .text("email") { $0.footer.email },
    .text("copyright") { $0.footer.copyright },
    .text("conac_badge") { $0.footer.conacBadge },
    .text("error_report_url") { context in
      context.footer.errorReport
        ? "https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=\(context.footer.siteCode)" : nil
    },
  ])
}

/// The number in a 公安备案 record such as `浙公网安备 33048202000000号`, for the link to
/// the Ministry of Public Security's record search.
package enum PoliceRecord {
  package static func number(in record: String) -> String? {
    let digits = record.filter { $0.isASCII && $0.isNumber }
    return digits.count >= 10 ? String(digits) : nil
  }
}

/// `page`: the page being rendered.
package struct PageMeta: TemplateValue {
  package var title: String
  package var heading: String
  package var url: String
  package var canonical: String
  package var description: String
  package var kind: String
  /// The government page metadata (`GovernmentMeta`).
  package var metaTags: [MetaTag] = []

  package static let kinds = [
    "home", "report", "article", "tags", "tag", "data", "not-found", "embed", "print", "search",
  ]

  package static let fields = TemplateFields<Self>(
    [
      .text("title") { $0.title },
      .text("heading") { $0.heading },
      .text("url") { $0.url },
      .text("canonical") { $0.canonical },
      .text("description") { $0.description },
      .text("kind") { $0.kind },
      .list("meta_tags") { $0.metaTags },
    ]
      + kinds.map { kind in
        .flag("is_" + kind.replacingOccurrences(of: "-", with: "_")) { $0.kind == kind }
      })
}

/// `site`, `page` and `breadcrumbs`, which every page has.
/// `site` and `page` are boxed once per page: templates name them a dozen times.
package struct PageFrame: TemplateValue {
  package let site: TemplateBox<SiteContext>
  package let page: TemplateBox<PageMeta>
  package let breadcrumbs: [PageLink]

  package init(site: SiteContext, page: PageMeta, breadcrumbs: [PageLink]) {
    self.site = TemplateBox(site)
    self.page = TemplateBox(page)
    self.breadcrumbs = breadcrumbs
  }

  package static let fields = TemplateFields<Self>([
    .object("site", boxed: { $0.site }),
    .object("page", boxed: { $0.page }),
    .list("breadcrumbs") { $0.breadcrumbs },
  ])
}
