import Mustache
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookMarkdown
import YearbookModel

/// The root value a page template renders: the frame every page has (`site`, `page`,
/// `breadcrumbs`) and the content of its kind.
struct PageContext<Content: TemplateValue>: MustacheParent, Sendable {
  let frame: PageFrame
  let content: Content

  func child(named name: String) -> Any? {
    PageFrame.fields.byName[name]?.value(frame) ?? content.child(named: name)
  }

}

struct HomeContent: TemplateValue {
  let latest: ReportContext?
  let reports: [ReportContext]

  static let fields = TemplateFields<Self>([
    .object("latest") { $0.latest },
    .list("reports") { $0.reports },
  ])
}

struct ReportContent: TemplateValue {
  let report: ReportContext

  static let fields = TemplateFields<Self>([.object("report") { $0.report }])
}

struct ArticleContent: TemplateValue {
  let article: ArticleContext

  static let fields = TemplateFields<Self>([.object("article") { $0.article }])
}

struct TagsContent: TemplateValue {
  let tags: [TagEntry]

  static let fields = TemplateFields<Self>([.list("tags") { $0.tags }])
}

struct TagContent: TemplateValue {
  let tag: TagContext

  static let fields = TemplateFields<Self>([.object("tag") { $0.tag }])
}

struct DataContent: TemplateValue {
  let datasets: [DatasetContext]

  static let fields = TemplateFields<Self>([.list("datasets") { $0.datasets }])
}

struct NotFoundContent: TemplateValue {
  let reports: [ReportContext]

  static let fields = TemplateFields<Self>([.list("reports") { $0.reports }])
}

/// The root schema of each page template, for checking templates before rendering.
enum PageSchemas {
  /// The values each page template is compiled against, outermost first: its content,
  /// then the frame, whose fields Mustache finds first (as `PageContext` looks them up).
  static let frames: [String: [TemplateSchema]] = [
    "home": [HomeContent.schema, PageFrame.schema],
    "report": [ReportContent.schema, PageFrame.schema],
    "article": [ArticleContent.schema, PageFrame.schema],
    "tags": [TagsContent.schema, PageFrame.schema],
    "tag": [TagContent.schema, PageFrame.schema],
    "data": [DataContent.schema, PageFrame.schema],
    "not-found": [NotFoundContent.schema, PageFrame.schema],
    "embed": [EmbedContent.schema, PageFrame.schema],
    "print": [PrintContent.schema, PageFrame.schema],
  ]

  /// Each page's values as one schema, the frame's fields over the content's, for the checks.
  static let byTemplate: [String: TemplateSchema] = frames.mapValues { frames in
    var schema = frames[0]
    schema.typeName = "the \(schema.typeName) page"
    schema.fields.merge(frames[1].fields) { _, frame in frame }
    return schema
  }
}
