import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookMarkdown
import YearbookModel

/// A tag on the tags page.
package struct TagEntry: TemplateValue {
  package let tag: Tag
  package let site: SiteView

  package static let fields = TemplateFields<Self>([
    .text("name") { $0.tag.name },
    .text("url") { $0.site.link($0.tag.sitePath) },
    .number("count") { $0.tag.articles.count },
  ])
}

/// `tag` on one page of a tag's article list.
package struct TagContext: TemplateValue {
  package let tag: Tag
  package let articles: ArraySlice<Article>
  package let page: Int
  package let pageCount: Int
  package let site: SiteView

  package static let fields = TemplateFields<Self>([
    .text("name") { $0.tag.name },
    .number("count") { $0.tag.articles.count },
    .list("articles") { context in context.articles.map { context.site.card($0) } },
    .number("page") { $0.page },
    .number("page_count") { $0.pageCount },
    .flag("has_pages") { $0.pageCount > 1 },
    .text("previous_url") { context in
      context.page > 1 ? context.site.link(SitePaths.tag(slug: context.tag.slug, page: context.page - 1)) : nil
    },
    .text("next_url") { context in
      context.page < context.pageCount
        ? context.site.link(SitePaths.tag(slug: context.tag.slug, page: context.page + 1)) : nil
    },
  ])
}
