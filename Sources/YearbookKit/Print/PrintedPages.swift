import Foundation

/// A printed PDF as text, page by page (what `pdftotext -layout` gives, pages split at
/// form feeds): the lines on each page, its footer line, where chapters start and which
/// pages hold almost nothing.
public struct PrintedPages: Sendable, Equatable {
  /// Each page's non-empty lines, trimmed, the footer left out.
  public var lines: [[String]]
  /// Each page's footer (`第 3 页 / 共 18 页`), nil when the page has none (the cover).
  public var footers: [String?]

  public init(pdfText: String) {
    var pages = pdfText.split(separator: "\u{0C}", omittingEmptySubsequences: false).map { page in
      page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
    // pdftotext ends the last page with a form feed too.
    if pages.last?.isEmpty == true { pages.removeLast() }
    lines = []
    footers = []
    for (index, page) in pages.enumerated() {
      if let last = page.last, Self.isFooter(last, page: index + 1, pages: pages.count) {
        lines.append(Array(page.dropLast()))
        footers.append(last)
      } else {
        lines.append(page)
        footers.append(nil)
      }
    }
  }

  public var count: Int { lines.count }

  public static func footer(page: Int, pages: Int) -> String { "第 \(page) 页 / 共 \(pages) 页" }

  private static func isFooter(_ line: String, page: Int, pages: Int) -> Bool {
    line == footer(page: page, pages: pages)
  }

  /// The page (from 1) each chapter starts on: the first page after `after`, and after the
  /// previous chapter's, whose first lines begin with the chapter's title (titles that
  /// wrap onto a second line still match). nil for a chapter not found.
  public func chapterStarts(titles: [String], after: Int) -> [Int?] {
    var from = after
    return titles.map { title in
      let wanted = Self.squeezed(title)
      guard !wanted.isEmpty else { return nil }
      for index in from..<count {
        let top = Self.squeezed(lines[index].prefix(3).joined())
        if top.hasPrefix(wanted) || (wanted.count > 12 && top.hasPrefix(String(wanted.prefix(12)))) {
          from = index + 1
          return index + 1
        }
      }
      return nil
    }
  }

  /// Pages after the cover that hold one or two lines: the end of a chapter spilled over.
  /// A short contents page (a report of one chapter) is what it should be.
  public var shortPages: [Int] {
    lines.indices.dropFirst().filter { (1...2).contains(lines[$0].count) && lines[$0].first != "目录" }.map { $0 + 1 }
  }

  /// Text without spaces, as titles compare once a PDF's layout has spaced or wrapped them.
  private static func squeezed(_ text: some StringProtocol) -> String {
    String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
  }
}
