import Foundation
import YearbookCore

/// The parts of a report's print page (`<report>/print/index.html`) that `yearbook pdf`
/// fills after a first printing: the contents' page numbers, and chapters set tighter so
/// that their last page does not hold one or two lines.
public struct PrintPageMarkup: Sendable {
  public struct Chapter: Sendable, Equatable {
    public var anchor: String
    public var title: String

    public init(anchor: String, title: String) {
      self.anchor = anchor
      self.title = title
    }
  }

  public private(set) var html: String

  public init(html: String) {
    self.html = html
  }

  /// The chapters in print order, from their sections: `<section class="print-chapter"
  /// id="…">` then the `<h2>` that titles it.
  public var chapters: [Chapter] {
    var chapters: [Chapter] = []
    for section in html.ranges(of: "<section class=\"print-chapter") {
      let rest = html[section.upperBound...]
      guard let idStart = rest.range(of: " id=\""),
        let idEnd = rest[idStart.upperBound...].firstIndex(of: "\""),
        let heading = rest.range(of: "<h2"),
        let headingOpen = rest[heading.upperBound...].firstIndex(of: ">"),
        let headingClose = rest.range(of: "</h2>")
      else { continue }
      let anchor = String(rest[idStart.upperBound..<idEnd])
      let inner = rest[rest.index(after: headingOpen)..<headingClose.lowerBound]
      chapters.append(Chapter(anchor: anchor, title: HTML.unescape(HTML.strippingTags(inner))))
    }
    return chapters
  }

  /// Whether the theme leaves room for page numbers in its contents (`print-toc-page`).
  public var hasContentsPageNumbers: Bool { html.contains("class=\"print-toc-page\"") }

  /// Writes each chapter's page into the contents, where the theme left
  /// `<span class="print-toc-page" data-anchor="…"></span>`.
  public mutating func fillContents(pages: [String: Int]) {
    for (anchor, page) in pages {
      let slot = "<span class=\"print-toc-page\" data-anchor=\"\(anchor)\">"
      guard let range = html.range(of: slot) else { continue }
      let end = html[range.upperBound...].range(of: "</span>")?.lowerBound ?? range.upperBound
      html.replaceSubrange(range.upperBound..<end, with: String(page))
    }
  }

  /// Sets the chapters named tighter: `print-chapter-tight`, then `print-chapter-tighter`.
  public mutating func tighten(_ anchors: Set<String>) {
    for anchor in anchors {
      for (from, to) in [
        (
          "class=\"print-chapter print-chapter-tight\" id=\"\(anchor)\"",
          "class=\"print-chapter print-chapter-tighter\" id=\"\(anchor)\""
        ),
        ("class=\"print-chapter\" id=\"\(anchor)\"", "class=\"print-chapter print-chapter-tight\" id=\"\(anchor)\""),
      ] where html.contains(from) {
        html = html.replacingOccurrences(of: from, with: to)
        break
      }
    }
  }

}
