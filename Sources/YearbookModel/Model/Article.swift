import YearbookCore

/// A news article inside a report.
public struct Article: Sendable, Hashable {
  public var reportID: String
  public var slug: String
  public var title: String
  public var date: ContentDate
  public var summary: String?
  public var byline: String?
  public var source: String?
  public var tags: [String]
  public var weight: Int
  public var draft: Bool
  public var markdown: MarkdownSource
  /// The line and column of `date:` in the file, for checks of the date (kept small: a
  /// site holds thousands of articles).
  public var dateLine: Int32 = 1
  public var dateColumn: Int32 = 1

  /// Where `date:` is written.
  public var dateLocation: SourceLocation {
    SourceLocation(file: markdown.file, line: Int(dateLine), column: Int(dateColumn))
  }

  package init(
    reportID: String, slug: String, title: String, date: ContentDate, summary: String? = nil, byline: String? = nil,
    source: String? = nil, tags: [String], weight: Int, draft: Bool, markdown: MarkdownSource
  ) {
    self.reportID = reportID
    self.slug = slug
    self.title = title
    self.date = date
    self.summary = summary
    self.byline = byline
    self.source = source
    self.tags = tags
    self.weight = weight
    self.draft = draft
    self.markdown = markdown
  }

  public var sitePath: SitePath { SitePaths.article(report: reportID, slug: slug) }

  /// The files made from the article for the portal, besides its page: the embed page and
  /// both fragments. Its charts' files are known only once its Markdown is rendered.
  public var portalFiles: [OutputPath] {
    [
      SitePaths.embed(sitePath).outputPath, SitePaths.fragment(report: reportID, slug: slug).outputPath,
      SitePaths.inlineFragment(report: reportID, slug: slug).outputPath,
    ]
  }
}

/// Markdown text with where it came from, so positions found while rendering it can be
/// reported as lines of the original file.
public struct MarkdownSource: Sendable, Hashable {
  /// `Content/2024/platforms.md`, as messages name it.
  public var file: SourcePath
  /// `2024/platforms.md`; relative links resolve from it.
  public var contentPath: ContentPath
  public var text: String
  /// How many lines of the file come before `text` (the front matter and its fences).
  public var lineOffset: Int
  /// The period of the report the text belongs to, for comparing its figures with data.
  public var period: String?

  public init(file: SourcePath, contentPath: ContentPath, text: String, lineOffset: Int, period: String? = nil) {
    self.file = file
    self.contentPath = contentPath
    self.text = text
    self.lineOffset = lineOffset
    self.period = period
  }
}
