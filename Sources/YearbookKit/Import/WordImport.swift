import Foundation
import YearbookCore
import YearbookLoad
import YearbookModel

/// Turns a Word document (as pandoc reads it) into the files of a report: `_index.md` from
/// the text before the first section, one article per top-level section, one dataset per
/// table with a table chart where it stood. Pure: the command writes the files.
public struct WordImport {
  public struct Options: Sendable {
    /// The document as the editor named it, where its warnings are located.
    public var document: String
    public var report: String
    public var date: String
    public var source: String?

    public init(document: String, report: String, date: String, source: String? = nil) {
      self.document = document
      self.report = report
      self.date = date
      self.source = source
    }
  }

  /// A file to write, relative to the project root.
  public struct File: Sendable, Equatable {
    public var path: String
    public var text: String
  }

  /// An image to copy from where pandoc extracted it to the report's assets.
  public struct Image: Sendable, Equatable {
    public var from: String
    public var path: String
  }

  public struct Result: Sendable {
    public var files: [File]
    public var images: [Image]
    public var warnings: [Diagnostic]
    public var articles: Int
    public var datasets: Int
  }

  /// Reads pandoc's JSON; nil when it is not a document pandoc 2.17 writes.
  static func document(fromJSON data: Data) -> PandocDocument? {
    try? JSONDecoder().decode(PandocDocument.self, from: data)
  }

  /// `publisher` from `Content/site.yml`: every imported article's `source`.
  public static func publisher(root: URL) -> String? {
    guard let text = try? String(contentsOf: root.appendingPathComponent("Content/site.yml"), encoding: .utf8) else {
      return nil
    }
    var document = YAMLDocument(yaml: text, file: "Content/site.yml", lineOffset: 0)
    return document.string("publisher")
  }

  /// The tracked changes the import accepted and the comments it left out, counted in
  /// pandoc's reading of the document with every change kept (`--track-changes=all`).
  public static func reviewWarnings(everyChange data: Data, document: String) -> [Diagnostic] {
    let text = String(decoding: data, as: UTF8.self)
    func count(_ kind: String) -> Int { text.components(separatedBy: "\"\(kind)\"").count - 1 }
    let (insertions, deletions, comments) = (count("insertion"), count("deletion"), count("comment-start"))
    let here = SourceLocation(file: SourcePath(document))
    var warnings: [Diagnostic] = []
    if insertions + deletions > 0 {
      warnings.append(
        .warning(
          .trackedChangesAccepted(insertions: insertions, deletions: deletions),
          at: here))
    }
    if comments > 0 {
      warnings.append(
        .warning(
          .commentsLeftOut(comments),
          at: here))
    }
    return warnings
  }

  public static func plan(pandocJSON data: Data, options: Options) -> Result? {
    document(fromJSON: data).map { plan($0, options: options) }
  }

  static func plan(_ document: PandocDocument, options: Options) -> Result {
    var importer = Importer(options: options)
    return importer.run(document.blocks, title: document.title.map(Importer.plainText))
  }
}

private struct Importer {
  let options: WordImport.Options
  var warnings: [Diagnostic] = []
  var datasets: [WordImport.File] = []
  var images: [WordImport.Image] = []
  var tableCount = 0
  /// The section being written, and its pictures without a caption.
  var sectionTitle = ""
  var undescribed: [String] = []

  init(options: WordImport.Options) {
    self.options = options
  }

  /// A section's heading and its body, in document order.
  struct Section {
    var title: String
    var blocks: [PandocDocument.Block] = []
  }

  mutating func run(_ blocks: [PandocDocument.Block], title: String?) -> WordImport.Result {
    var flat = blocks.flatMap(Self.unwrapped)
    // Word's table of contents: each entry a link to a heading's bookmark ending in its
    // page number. The site lists the articles itself, and an entry numbered 一、 would
    // otherwise start a section of its own.
    let contents = flat.filter(Self.isContentsEntry)
    if !contents.isEmpty {
      flat.removeAll { block in
        if Self.isContentsEntry(block) { return true }
        guard case .paragraph(let inlines) = block else { return false }
        return ["目录", "目 录", "目　录"].contains(Self.plainText(inlines))
      }
      warnings.append(
        .warning(
          .contentsLeftOut(contents.count),
          at: SourceLocation(file: SourcePath(options.document))))
    }
    let usesHeadings = flat.contains { if case .heading(1, _) = $0 { true } else { false } }
    var preamble: [PandocDocument.Block] = []
    var sections: [Section] = []
    for block in flat {
      if let title = Self.sectionTitle(block, usesHeadings: usesHeadings) {
        sections.append(Section(title: title))
      } else if sections.isEmpty {
        preamble.append(block)
      } else {
        sections[sections.count - 1].blocks.append(block)
      }
    }
    var files: [WordImport.File] = []
    // The title in the document's properties, else a short first line without a full
    // stop, else the report's name.
    var reportTitle = title.flatMap { $0.isEmpty ? nil : $0 } ?? "\(options.report)年度报告"
    if title?.isEmpty ?? true, case .paragraph(let inlines)? = preamble.first {
      let text = Self.plainText(inlines)
      if !text.isEmpty && text.count <= 40 && !text.contains("。") {
        reportTitle = text
        preamble.removeFirst()
      }
    }
    let reportBody = markdown(preamble)
    files.append(
      WordImport.File(
        path: "Content/\(options.report)/_index.md",
        text: "---\ntitle: \(Self.yamlString(reportTitle))\ndate: \(options.date)\n---\n\(reportBody)"))
    var usedNames: Set<String> = []
    for (index, section) in sections.enumerated() {
      var name = Self.fileName(section.title)
      var suffix = 2
      while usedNames.contains(name) {
        name = "\(Self.fileName(section.title))-\(suffix)"
        suffix += 1
      }
      usedNames.insert(name)
      var front = ["---", "title: \(Self.yamlString(section.title))", "date: \(options.date)"]
      if let source = options.source, !source.isEmpty { front.append("source: \(Self.yamlString(source))") }
      front += ["weight: \(index + 1)", "---", ""]
      sectionTitle = section.title
      let text = front.joined(separator: "\n") + markdown(section.blocks, usesHeadings: usesHeadings)
      let path = ContentPath("\(options.report)/\(name).md").source
      for picture in undescribed {
        let line = (text.components(separatedBy: "\n").firstIndex { $0.contains("/\(picture))") } ?? 0) + 1
        warnings.append(
          .warning(
            .pictureWithoutCaption(picture, section: section.title),
            at: SourceLocation(file: path, line: line, column: 1)))
      }
      undescribed = []
      files.append(WordImport.File(path: path.value, text: text))
    }
    return WordImport.Result(
      files: files + datasets, images: images, warnings: warnings, articles: sections.count,
      datasets: datasets.count / 2)
  }

  // MARK: Sections

  /// A line of Word's table of contents: a link to a bookmark whose text ends in a page
  /// number (`一、平台提效\t2`, often with dot leaders).
  static func isContentsEntry(_ block: PandocDocument.Block) -> Bool {
    guard case .paragraph(let inlines) = block,
      inlines.contains(where: { if case .link(_, let url) = $0 { url.hasPrefix("#") } else { false } })
    else { return false }
    return plainText(inlines).firstMatch(of: /\d+$/) != nil
  }

  static func unwrapped(_ block: PandocDocument.Block) -> [PandocDocument.Block] {
    if case .division(let inner) = block { return inner.flatMap(unwrapped) }
    return [block]
  }

  static var topNumber: Regex<Substring> { /^[一二三四五六七八九十]+、\s*/ }
  static var subNumber: Regex<Substring> { /^[（(][一二三四五六七八九十]+[）)]\s*/ }

  /// The title of the section `block` starts: a level-1 heading when the document uses
  /// heading styles, otherwise a paragraph numbered `一、`.
  static func sectionTitle(_ block: PandocDocument.Block, usesHeadings: Bool) -> String? {
    switch block {
    case .heading(1, let inlines) where usesHeadings:
      return withoutNumber(plainText(inlines))
    case .paragraph(let inlines) where !usesHeadings:
      let text = plainText(inlines)
      guard text.count <= 40, text.firstMatch(of: topNumber) != nil else { return nil }
      return withoutNumber(text)
    default:
      return nil
    }
  }

  static func withoutNumber(_ text: String) -> String {
    text.replacing(topNumber, with: "").replacing(subNumber, with: "").trimmingCharacters(in: .whitespaces)
  }

  /// A file name from a heading: its short form (`平台提效` of `平台提效：科研平台建设`),
  /// without characters file systems or URLs refuse.
  static func fileName(_ heading: String) -> String {
    let short = heading.split(whereSeparator: { "：:—".contains($0) }).first.map(String.init) ?? heading
    let title = short.trimmingCharacters(in: .whitespaces).isEmpty ? heading : short
    let refused = CharacterSet(charactersIn: "/\\:*?\"<>|#%&{}$!'@+`=[]；;，,。、 　")
    let kept = String(title.unicodeScalars.filter { !refused.contains($0) }.map(Character.init))
    return String(kept.prefix(24)).isEmpty ? "section" : String(kept.prefix(24))
  }

  static func yamlString(_ text: String) -> String {
    let needsQuotes = text.contains { ":#[]{},&*!|>'\"%@`".contains($0) } || text.hasPrefix("-") || text.hasPrefix("?")
    guard needsQuotes else { return text }
    return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }

  // MARK: Markdown

  mutating func markdown(_ blocks: [PandocDocument.Block], usesHeadings: Bool = true) -> String {
    var parts: [String] = []
    var pendingCaption: String?
    var pendingImage: (description: String, url: String)?
    var pendingUnit: (unit: String, line: String)?
    for block in blocks {
      if let image = pendingImage, !Self.isParagraph(block) {
        parts.append(picture(image.url, alt: image.description))
        pendingImage = nil
      }
      switch block {
      case .paragraph(let inlines) where Self.image(in: inlines) != nil:
        let (description, url) = Self.image(in: inlines)!
        // Two pictures in a row: the first has no caption below it.
        if let image = pendingImage { parts.append(picture(image.url, alt: image.description)) }
        pendingImage = (description, url)
        continue
      case .paragraph(let inlines):
        let text = Self.plainText(inlines)
        // `图1 …` below a picture is its caption, and its text for those who cannot see it.
        if let image = pendingImage {
          pendingImage = nil
          if text.firstMatch(of: /^图\s*\d+/) != nil && text.count <= 80 {
            parts.append(picture(image.url, alt: text))
            continue
          }
          parts.append(picture(image.url, alt: image.description))
        }
        // `表1 2024年科技投入情况` names the table that follows.
        if text.firstMatch(of: /^表\s*\d+/) != nil && text.count <= 60 {
          pendingCaption = text
          continue
        }
        // `单位：万元` above a table, before or after its caption, is the unit of its numbers.
        if let unit = HeaderUnit.tableUnit(text) {
          pendingUnit = (unit, text)
          continue
        }
        if !usesHeadings, text.count <= 40, text.firstMatch(of: Self.subNumber) != nil {
          parts.append("## " + Self.withoutNumber(text))
          continue
        }
        let line = Self.inlineMarkdown(inlines)
        if !line.isEmpty { parts.append(line) }
      case .table(let table):
        parts.append(tableChart(table, caption: pendingCaption, unit: pendingUnit?.unit))
        pendingCaption = nil
        pendingUnit = nil
        continue
      default:
        let text = blockMarkdown(block)
        if !text.isEmpty { parts.append(text) }
      }
      // A caption or unit line that no table followed stays text.
      for line in [pendingCaption, pendingUnit?.line].compactMap({ $0 }) {
        parts.insert(Self.escaped(line), at: parts.count - 1)
      }
      pendingCaption = nil
      pendingUnit = nil
    }
    if let image = pendingImage { parts.append(picture(image.url, alt: image.description)) }
    for line in [pendingCaption, pendingUnit?.line].compactMap({ $0 }) { parts.append(Self.escaped(line)) }
    return parts.joined(separator: "\n\n") + (parts.isEmpty ? "" : "\n")
  }

  mutating func blockMarkdown(_ block: PandocDocument.Block) -> String {
    switch block {
    case .paragraph(let inlines): return Self.inlineMarkdown(inlines)
    case .heading(let level, let inlines):
      return String(repeating: "#", count: min(max(level, 2), 4)) + " " + Self.withoutNumber(Self.plainText(inlines))
    case .bulletList(let items):
      return items.map { "- " + indented(markdown(Self.unquoted($0))) }.joined(separator: "\n")
    case .orderedList(let start, let items):
      return items.enumerated().map { "\(start + $0.offset). " + indented(markdown(Self.unquoted($0.element))) }
        .joined(separator: "\n")
    case .quote(let inner):
      return markdown(inner).trimmingCharacters(in: .newlines).split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")
    case .division(let inner): return markdown(inner)
    case .lines(let lines): return lines.map(Self.inlineMarkdown).joined(separator: "\\\n")
    case .code(let text): return "```\n\(text)\n```"
    case .table(let table): return tableChart(table, caption: nil, unit: nil)
    case .other: return ""
    }
  }

  /// A list item's paragraphs: pandoc reads the indent LibreOffice and WPS give list
  /// paragraphs as a quotation, which in a list is only the list's own indent.
  static func unquoted(_ blocks: [PandocDocument.Block]) -> [PandocDocument.Block] {
    blocks.flatMap { block -> [PandocDocument.Block] in
      if case .quote(let inner) = block { return unquoted(inner) }
      return [block]
    }
  }

  private func indented(_ text: String) -> String {
    text.trimmingCharacters(in: .newlines).replacingOccurrences(of: "\n", with: "\n   ")
  }

  static func plainText(_ inlines: [PandocDocument.Inline]) -> String {
    inlines.map { inline -> String in
      switch inline {
      case .text(let text): text
      case .space: " "
      case .lineBreak: " "
      case .strong(let inner), .emphasis(let inner), .plain(let inner), .link(let inner, _), .image(let inner, _):
        plainText(inner)
      case .quoted(let double, let inner): (double ? "“" : "‘") + plainText(inner) + (double ? "”" : "’")
      case .code(let text): text
      case .note, .other: ""
      }
    }.joined().trimmingCharacters(in: .whitespaces)
  }

  static func inlineMarkdown(_ inlines: [PandocDocument.Inline]) -> String {
    inlines.map { inline -> String in
      switch inline {
      case .text(let text): escaped(text)
      case .space: " "
      case .lineBreak: "\\\n"
      case .strong(let inner): wrapped(inlineMarkdown(inner), in: "**")
      case .emphasis(let inner): wrapped(inlineMarkdown(inner), in: "*")
      case .plain(let inner): inlineMarkdown(inner)
      case .quoted(let double, let inner):
        (double ? "“" : "‘") + inlineMarkdown(inner) + (double ? "”" : "’")
      case .code(let text): "`\(text)`"
      // A link to a bookmark in the document points nowhere once it is cut into articles.
      case .link(let inner, let url) where url.hasPrefix("#"): inlineMarkdown(inner)
      case .link(let inner, let url): "[\(inlineMarkdown(inner))](\(url))"
      case .image(let inner, _): plainText(inner)
      case .note(let blocks):
        "（注：\(blocks.map { if case .paragraph(let inner) = $0 { plainText(inner) } else { "" } }.joined())）"
      case .other: ""
      }
    }.joined().trimmingCharacters(in: .whitespaces)
  }

  /// Bold or italics around text, the marks kept off its outer spaces.
  static func wrapped(_ text: String, in mark: String) -> String {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { return text }
    return mark + trimmed + mark
  }

  /// Characters Markdown would read as marks, escaped.
  static func escaped(_ text: String) -> String {
    var result = ""
    for character in text {
      if "\\`*_[]<>".contains(character) { result.append("\\") }
      result.append(character)
    }
    return result
  }

  // MARK: Images

  static func isParagraph(_ block: PandocDocument.Block) -> Bool {
    if case .paragraph = block { return true }
    return false
  }

  /// The picture a paragraph holds alone, with pandoc's description of it.
  static func image(in inlines: [PandocDocument.Inline]) -> (String, String)? {
    let visible = inlines.filter { if case .space = $0 { false } else { true } }
    guard visible.count == 1, case .image(let description, let url) = visible[0] else { return nil }
    return (plainText(description), url)
  }

  /// The picture saved under `Content/assets/<report>/`, as Markdown. Without a caption
  /// or a description it gets a warning: a reader who cannot see it gets nothing.
  mutating func picture(_ url: String, alt: String) -> String {
    let name = (url as NSString).lastPathComponent
    let path = "Content/assets/\(options.report)/\(name)"
    images.append(WordImport.Image(from: url, path: path))
    var text = alt
    // pandoc describes an undescribed picture by its file name. The build requires a
    // description, so it gets the section's name until the editor writes a real one.
    if text.isEmpty || text == name || text.firstMatch(of: /^image\d+\.\w+$/) != nil {
      text = "\(sectionTitle)配图"
      undescribed.append(name)
    }
    return "![\(Self.escaped(text))](../assets/\(options.report)/\(name))"
  }

  // MARK: Tables

  /// The table as a dataset (CSV and `.meta.yml`) and the chart block that shows it.
  mutating func tableChart(_ table: PandocDocument.Table, caption: String?, unit: String?) -> String {
    tableCount += 1
    let id = "\(options.report)-table-\(tableCount)"
    let captionText = table.caption.compactMap {
      if case .paragraph(let inner) = $0 { Self.plainText(inner) } else { nil }
    }
    .joined(separator: " ")
    let (captionTitle, captionUnit) = Self.tableTitle(caption ?? (captionText.isEmpty ? nil : captionText))
    let title = captionTitle ?? "表\(tableCount)"
    let (grid, merges) = Self.grid(table)
    if !merges.isEmpty {
      warnings.append(
        .warning(
          .wordTableMerged(tableCount, title: title, merges: merges),
          at: SourceLocation(file: ContentPath("data/\(id).csv").source)))
    }
    // The unit line is kept above the header, where the CSV reader takes it as the unit of
    // the table's plain numbers.
    let unitLine = (unit ?? captionUnit).map { "单位：\($0)\n" } ?? ""
    let csv = unitLine + grid.map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
    datasets.append(WordImport.File(path: "Content/data/\(id).csv", text: csv))
    datasets.append(
      WordImport.File(
        path: "Content/data/\(id).meta.yml",
        text: "title: \(Self.yamlString(title))\n"
          + (options.source.map { "source: \(Self.yamlString($0))\n" } ?? "")))
    return "```chart\ntype: table\ndata: \(id)\ntitle: \(Self.yamlString(title))\n```"
  }

  /// `表1 2024年科技投入情况` → `2024年科技投入情况`; `表2 科技投入（单位：万元）` →
  /// `科技投入` and the unit `万元`.
  static func tableTitle(_ caption: String?) -> (title: String?, unit: String?) {
    guard let caption else { return (nil, nil) }
    var title = caption.replacing(/^表\s*\d+[\s:：.、]*/, with: "").trimmingCharacters(in: .whitespaces)
    var unit: String?
    if let match = title.firstMatch(of: /\s*[（(]单位[:：][^（()）]+[）)]$/), let found = HeaderUnit.tableUnit(String(match.0))
    {
      unit = found
      title = String(title[..<match.range.lowerBound])
    }
    return (title.isEmpty ? caption : title, unit)
  }

  /// Header rows read as one (a group over its columns), spans filled, and each merge named.
  static func grid(_ table: PandocDocument.Table) -> ([[String]], [Message]) {
    var merges: [Message] = []
    func expand(_ rows: [[PandocDocument.Table.Cell]]) -> [[String]] {
      var filled: [[String?]] = []
      for (rowIndex, row) in rows.enumerated() {
        while filled.count <= rowIndex { filled.append([]) }
        var column = 0
        for cell in row {
          while column < filled[rowIndex].count, filled[rowIndex][column] != nil { column += 1 }
          let text = cell.blocks.compactMap { if case .paragraph(let inner) = $0 { plainText(inner) } else { nil } }
            .joined(separator: " ")
          if cell.rowSpan > 1 || cell.columnSpan > 1 {
            merges.append(.wordMergedCell(text, rows: cell.rowSpan, columns: cell.columnSpan))
          }
          for r in rowIndex..<rowIndex + cell.rowSpan {
            while filled.count <= r { filled.append([]) }
            for c in column..<column + cell.columnSpan {
              while filled[r].count <= c { filled[r].append(nil) }
              filled[r][c] = text
            }
          }
          column += cell.columnSpan
        }
      }
      return filled.map { $0.map { $0 ?? "" } }
    }
    var head = expand(table.head)
    var body = expand(table.body)
    if head.isEmpty, !body.isEmpty { head = [body.removeFirst()] }
    let width = (head + body).map(\.count).max() ?? 0
    var header = Array(repeating: "", count: width)
    for row in head {
      for (column, text) in row.enumerated() { header[column] = SheetTable.combined(header[column], text) }
    }
    let rows = body.map { $0 + Array(repeating: "", count: width - $0.count) }
    return ([header] + rows, merges)
  }

  static func csvField(_ text: String) -> String {
    guard text.contains(where: { ",\"\n\r".contains($0) }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
