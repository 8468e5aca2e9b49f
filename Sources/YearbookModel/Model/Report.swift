import YearbookCore

/// One yearly (or multi-year) review: a folder under `Content/` with an `_index.md`.
public struct Report: Sendable, Hashable {
  /// The folder name, which is also the URL path: `2024`, `2016-2020`.
  public var id: String
  public var title: String
  public var date: ContentDate
  /// What the report covers, as shown to readers: `2024`, `2016-2020`.
  public var period: String
  public var summary: String?
  public var weight: Int
  public var keyFigures: [KeyFigure]
  public var markdown: MarkdownSource
  public var articles: [Article]

  package init(
    id: String, title: String, date: ContentDate, period: String, summary: String? = nil, weight: Int,
    keyFigures: [KeyFigure], markdown: MarkdownSource, articles: [Article]
  ) {
    self.id = id
    self.title = title
    self.date = date
    self.period = period
    self.summary = summary
    self.weight = weight
    self.keyFigures = keyFigures
    self.markdown = markdown
    self.articles = articles
  }

  public var sitePath: SitePath { SitePaths.report(id) }
}

/// A headline number on a report's page and the home page: `41.96` `亿元`.
public struct KeyFigure: Sendable, Hashable {
  public var label: String
  public var value: String
  public var unit: String
  public var note: String

  package init(label: String, value: String, unit: String, note: String) {
    self.label = label
    self.value = value
    self.unit = unit
    self.note = note
  }
}
