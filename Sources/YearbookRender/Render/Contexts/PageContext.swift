import Mustache
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookMarkdown
import YearbookModel

/// The root value a page template renders: the frame every page has (`site`, `page`,
/// `breadcrumbs`) and the content of its kind.
package struct PageContext<Content: TemplateValue>: MustacheParent, Sendable {
  package let frame: PageFrame
  package let content: Content

  package init(frame: PageFrame, content: Content) {
    self.frame = frame
    self.content = content
  }

  package func child(named name: String) -> Any? {
    PageFrame.fields.byName[name]?.value(frame) ?? content.child(named: name)
  }

}

package struct HomeContent: TemplateValue {
  package let latest: ReportContext?
  package let reports: [ReportContext]

  package static let fields = TemplateFields<Self>([
    .object("latest") { $0.latest },
    .list("reports") { $0.reports },
  ])
}

package struct ReportContent: TemplateValue {
  package let report: ReportContext

  package static let fields = TemplateFields<Self>([.object("report") { $0.report }])
}

package struct ArticleContent: TemplateValue {
  package let article: ArticleContext

  package static let fields = TemplateFields<Self>([.object("article") { $0.article }])
}

package struct TagsContent: TemplateValue {
  package let tags: [TagEntry]

  package static let fields = TemplateFields<Self>([.list("tags") { $0.tags }])
}

package struct TagContent: TemplateValue {
  package let tag: TagContext

  package static let fields = TemplateFields<Self>([.object("tag") { $0.tag }])
}

package struct DataContent: TemplateValue {
  package let datasets: [DatasetContext]

  package static let fields = TemplateFields<Self>([.list("datasets") { $0.datasets }])
}

package struct NotFoundContent: TemplateValue {
  package let reports: [ReportContext]

  package static let fields = TemplateFields<Self>([.list("reports") { $0.reports }])
}

package struct SearchContent: TemplateValue {
  package let search: SearchSettingsContext
  /// The reports, which the page lists for readers without script.
  package let reports: [ReportContext]

  package static let fields = TemplateFields<Self>([
    .object("search") { $0.search },
    .list("reports") { $0.reports },
  ])
}

/// `search`: what the search page's form and script need.
package struct SearchSettingsContext: TemplateValue {
  package let settings: SearchSettings
  package let site: SiteView

  package static let fields = TemplateFields<Self>([
    .text("page_url") { $0.site.link(SitePaths.search) },
    .text("index_url") { $0.site.link(SitePaths.searchIndex) },
    .text("script_url") { $0.site.link(SitePaths.searchScript) },
    .text("portal_url") { $0.settings.portalURL },
  ])
}

/// The root schema of each page template, for checking templates before rendering.
package enum PageSchemas {
  /// The values each page template is compiled against, outermost first: its content,
  /// then the frame, whose fields Mustache finds first (as `PageContext` looks them up).
  package static let frames: [String: [TemplateSchema]] = [
    "home": [HomeContent.schema, PageFrame.schema],
    "report": [ReportContent.schema, PageFrame.schema],
    "article": [ArticleContent.schema, PageFrame.schema],
    "tags": [TagsContent.schema, PageFrame.schema],
    "tag": [TagContent.schema, PageFrame.schema],
    "data": [DataContent.schema, PageFrame.schema],
    "not-found": [NotFoundContent.schema, PageFrame.schema],
    "embed": [EmbedContent.schema, PageFrame.schema],
    "print": [PrintContent.schema, PageFrame.schema],
    "search": [SearchContent.schema, PageFrame.schema],
  ]

  /// Each page's values as one schema, the frame's fields over the content's, for the checks.
  package static let byTemplate: [String: TemplateSchema] = frames.mapValues { frames in
    var schema = frames[0]
    schema.typeName = "the \(schema.typeName) page"
    schema.fields.merge(frames[1].fields) { _, frame in frame }
    return schema
  }
}
