import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookMarkdown
import YearbookModel

/// An article in a list: report pages, tag pages, the home page.
package struct ArticleCard: TemplateValue {
  package let article: Article
  package let summary: String
  package let site: SiteView

  package static let fields = TemplateFields<Self>([
    .text("title") { $0.article.title },
    .text("date") { $0.article.date.chinese },
    .text("date_iso") { $0.article.date.description },
    .text("url") { $0.site.link($0.article.sitePath) },
    .text("summary") { $0.summary },
    .text("byline") { $0.article.byline },
    // Shown after the source, and not at all when it only repeats it.
    .text("author") { card in card.article.byline.flatMap { $0 == card.article.source ? nil : $0 } },
    .text("source") { $0.article.source },
    .list("tags") { card in card.article.tags.map { TagLink(name: $0, url: card.site.link(toTag: $0)) } },
    .flag("has_tags") { !$0.article.tags.isEmpty },
  ])
}

/// `article` on an article's own page: the card's fields, its body, table of contents,
/// report and neighbours.
package struct ArticleContext: TemplateValue {
  /// Boxed once: the card's fields are read through it many times on a page.
  package let cardBox: TemplateBox<ArticleCard>
  package var card: ArticleCard { cardBox.value }
  package let report: Report
  package let body: String
  package let headings: [Heading]
  package let previous: Article?
  package let next: Article?
  /// What an editor copies to put the article into the portal; nil on the embed page.
  package var embed: EmbedCodes?

  package init(
    card: ArticleCard, report: Report, body: String, headings: [Heading], previous: Article?, next: Article?,
    embed: EmbedCodes? = nil
  ) {
    cardBox = TemplateBox(card)
    self.report = report
    self.body = body
    self.headings = headings
    self.previous = previous
    self.next = next
    self.embed = embed
  }

  package var toc: [Heading] {
    let sections = headings.filter { $0.level == 2 }
    return sections.count >= 2 ? sections : []
  }

  package static let fields = TemplateFields<Self>(
    TemplateFields<Self>.Field.forwarded(ArticleCard.fields) { $0.cardBox } + [
      .text("body") { $0.body },
      .object("embed") { $0.embed },
      // This article's chapter of its report's print page.
      .text("print_url") { context in
        context.card.site.link(SitePaths.print(report: context.report.id)) + "#"
          + PrintBody.anchor(slug: context.card.article.slug)
      },
      .list("toc") { $0.toc.map { TOCEntry(text: $0.text, id: $0.id) } },
      .flag("has_toc") { !$0.toc.isEmpty },
      .object("report") { context in
        ReportLink(
          title: context.report.title, period: context.report.period,
          url: context.card.site.link(context.report.sitePath))
      },
      .object("previous") { context in
        context.previous.map { PageLink(title: $0.title, url: context.card.site.link($0.sitePath)) }
      },
      .object("next") { context in
        context.next.map { PageLink(title: $0.title, url: context.card.site.link($0.sitePath)) }
      },
    ])
}

package struct TOCEntry: TemplateValue {
  package var text: String
  package var id: String

  package static let fields = TemplateFields<Self>([.text("text") { $0.text }, .text("id") { $0.id }])
}

package struct TagLink: TemplateValue {
  package var name: String
  package var url: String

  package static let fields = TemplateFields<Self>([.text("name") { $0.name }, .text("url") { $0.url }])
}

/// A link to a page by its title: breadcrumbs, the previous and next article.
package struct PageLink: TemplateValue {
  package var title: String
  package var url: String

  package static let fields = TemplateFields<Self>([.text("title") { $0.title }, .text("url") { $0.url }])
}

package struct ReportLink: TemplateValue {
  package var title: String
  package var period: String
  package var url: String

  package static let fields = TemplateFields<Self>([
    .text("title") { $0.title }, .text("period") { $0.period }, .text("url") { $0.url },
  ])
}
