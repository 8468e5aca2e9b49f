import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookPortal
import YearbookRender

/// What inspectors look for in every article's front matter: the fields the site requires
/// (`require: [source]` in site.yml), and a date that has not come yet, which no published
/// government article may carry.
package enum ArticleFieldsCheck {
  /// `today` is the day in China the build runs, passed in so the check is pure.
  package static func run(site: Site, today: ContentDate) -> [Diagnostic] {
    site.articles.flatMap { check($0, config: site.config, today: today) }
  }

  /// One article's findings (the preview checks an edited article alone).
  package static func check(_ article: Article, config: SiteConfig, today: ContentDate) -> [Diagnostic] {
    var found: [Diagnostic] = []
    let file = SourceLocation(file: article.markdown.file, line: 1, column: 1)
    for field in SiteConfig.RequiredField.allCases where config.required.contains(field) {
      let missing =
        switch field {
        case .source: article.source?.isEmpty ?? true
        case .byline: article.byline?.isEmpty ?? true
        case .summary: article.summary?.isEmpty ?? true
        case .tags: article.tags.isEmpty
        }
      if missing { found.append(.warning(.missingRequiredField(field.rawValue), at: file)) }
    }
    if article.date.isLater(dayThan: today) {
      found.append(.warning(.futureDate(article.date.description, today: today.description), at: article.dateLocation))
    }
    return found
  }
}
