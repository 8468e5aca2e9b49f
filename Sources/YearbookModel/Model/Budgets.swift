import YearbookCore

/// Sizes past which a site is too big for its readers: a warning names the size and the
/// limit (an error for chart points, which no reader can see and which make a page of
/// hundreds of megabytes). Set under `limits:` in site.yml.
public struct Budgets: Sendable, Hashable {
  /// Rows in one dataset (`dataset_rows`).
  public var datasetRows = 50_000
  /// An article's Markdown file, in KiB (`article_kb`): 2 MiB.
  public var articleKiB = 2_048
  /// Points (rows × columns) in one chart (`chart_points`).
  public var chartPoints = 5_000
  /// A written page or file, in KiB (`page_kb`): 5 MiB.
  public var pageKiB = 5_120

  public init() {}

  /// The keys of `limits:` in site.yml.
  package static var keys: [(String, WritableKeyPath<Budgets, Int>)] {
    [
      ("dataset_rows", \.datasetRows), ("article_kb", \.articleKiB), ("chart_points", \.chartPoints),
      ("page_kb", \.pageKiB),
    ]
  }

  /// A size as editors read it: `2.4 MiB`, `812 KiB`.
  package static func describe(bytes: Int) -> String {
    bytes >= 1_048_576
      ? ChineseNumberFormat.number(Double(bytes) / 1_048_576, decimals: 1) + " MiB"
      : "\((bytes + 1023) / 1024) KiB"
  }
}
