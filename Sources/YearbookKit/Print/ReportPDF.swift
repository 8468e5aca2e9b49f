import Foundation
import Synchronization
import YearbookBuild
import YearbookCore
import YearbookModel

/// `yearbook pdf REPORT`: the report's print page printed by headless Chromium, then read
/// back with `pdftotext` to number the contents and to set tighter any chapter whose last
/// page would hold one or two lines, and printed again.
public enum ReportPDF {
  public struct Options: Sendable {
    public var root: URL
    public var report: String
    public var output: URL
    public var includeDrafts: Bool

    public init(root: URL, report: String, output: URL? = nil, includeDrafts: Bool = false) {
      self.root = root
      self.report = report
      self.output = output ?? root.appendingPathComponent("\(report).pdf")
      self.includeDrafts = includeDrafts
    }
  }

  public struct Result: Sendable {
    public var pages: Int
    public var chapters: Int
    /// Pages still holding one or two lines after tightening (rare: a chapter of a few lines).
    public var shortPages: [Int]
    /// The build's warnings, and anything the contents could not say.
    public var diagnostics: [Diagnostic]
  }

  public struct Failure: MessageError {
    public var message: Message
    /// The build's diagnostics, when the site itself did not build.
    public var diagnostics: [Diagnostic] = []
  }

  /// The external programs, found on `PATH`.
  public struct Tools: Sendable {
    public var chromium: String
    public var pdftotext: String

    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) throws(Failure)
      -> Tools
    {
      let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
      func find(_ names: [String]) -> String? {
        for folder in folders {
          for name in names where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
            return folder + "/" + name
          }
        }
        return nil
      }
      guard let chromium = find(["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]) else {
        throw Failure(message: .chromiumMissing())
      }
      guard let pdftotext = find(["pdftotext"]) else { throw Failure(message: .pdftotextMissing()) }
      return Tools(chromium: chromium, pdftotext: pdftotext)
    }
  }

  /// Rounds of tightening before the PDF is taken as it is.
  static let tighteningRounds = 2

  public static func make(_ options: Options, tools: Tools) async throws(Failure) -> Result {
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("yearbook-pdf-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: work) }
    let site = work.appendingPathComponent("site")
    // Links in the built pages are paths from the site's root: with the site's folder as
    // the base path, they are file paths Chromium can open without a server.
    guard let base = BaseURL(site.path + "/") else { throw Failure(message: .pdfTemporaryFolder(site.path)) }
    let summary: SiteBuilder.Summary
    do {
      summary = try await SiteBuilder.build(
        SiteBuilder.Options(root: options.root, output: site, baseURL: base, includeDrafts: options.includeDrafts))
    } catch {
      throw Failure(message: .pdfSiteDoesNotBuild(), diagnostics: error.diagnostics)
    }
    let printPage = site.appendingPathComponent("\(options.report)/print/index.html")
    guard let data = FileManager.default.contents(atPath: printPage.path) else {
      throw Failure(message: .pdfNoSuchReport(options.report))
    }
    var markup = PrintPageMarkup(html: String(decoding: data, as: UTF8.self))
    let chapters = markup.chapters
    let pdf = work.appendingPathComponent("report.pdf")
    var diagnostics = summary.diagnostics
    var pages = try printed(markup, to: printPage, pdf: pdf, tools: tools, work: work)
    // A chapter whose last page holds one or two lines is set tighter, and the report printed again.
    for _ in 0..<tighteningRounds {
      let starts = pages.chapterStarts(titles: chapters.map(\.title), after: 2)
      let spilled = Set(pages.shortPages.compactMap { page in chapter(endingOn: page, starts: starts, of: chapters) })
      guard !spilled.isEmpty else { break }
      markup.tighten(spilled)
      pages = try printed(markup, to: printPage, pdf: pdf, tools: tools, work: work)
    }
    let starts = pages.chapterStarts(titles: chapters.map(\.title), after: 2)
    let location = SourceLocation(file: SourcePath("\(ContentPath.folder)/\(options.report)/_index.md"))
    if markup.hasContentsPageNumbers {
      var numbers: [String: Int] = [:]
      for (chapter, start) in zip(chapters, starts) {
        if let start {
          numbers[chapter.anchor] = start
        } else {
          diagnostics.append(.warning(.pdfChapterNotFound(chapter.title), at: location))
        }
      }
      markup.fillContents(pages: numbers)
      // Numbers fill room the contents already kept for them: no page moves.
      let numbered = try printed(markup, to: printPage, pdf: pdf, tools: tools, work: work)
      if numbered.chapterStarts(titles: chapters.map(\.title), after: 2) != starts {
        diagnostics.append(.warning(.pdfContentsMoved(), at: location))
      }
      pages = numbered
    } else {
      diagnostics.append(.warning(.pdfThemeWithoutPageNumbers(), at: SourceLocation(file: "Templates/print.mustache")))
    }
    do {
      try FileManager.default.createDirectory(
        at: options.output.deletingLastPathComponent(), withIntermediateDirectories: true)
      if FileManager.default.fileExists(atPath: options.output.path) {
        try FileManager.default.removeItem(at: options.output)
      }
      try FileManager.default.copyItem(at: pdf, to: options.output)
    } catch {
      throw Failure(message: .cannotWrite(options.output.path, reason: FileProblem.reason(error)))
    }
    return Result(pages: pages.count, chapters: chapters.count, shortPages: pages.shortPages, diagnostics: diagnostics)
  }

  /// The chapter whose pages end with `page`: the last one starting before it.
  public static func chapter(endingOn page: Int, starts: [Int?], of chapters: [PrintPageMarkup.Chapter]) -> String? {
    let started = zip(chapters, starts).compactMap { chapter, start in start.map { (chapter, $0) } }
    return started.last { $0.1 < page }?.0.anchor
  }

  /// Writes `markup` to the print page, prints it to `pdf` and reads the pages back.
  private static func printed(_ markup: PrintPageMarkup, to page: URL, pdf: URL, tools: Tools, work: URL)
    throws(Failure) -> PrintedPages
  {
    do {
      try Data(markup.html.utf8).write(to: page)
    } catch {
      throw Failure(message: .cannotWrite(page.path, reason: FileProblem.reason(error)))
    }
    try? FileManager.default.removeItem(at: pdf)
    var arguments = [
      "--headless", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(work.path)/profile",
      "--print-to-pdf=\(pdf.path)", page.absoluteString,
    ]
    // Chromium refuses to run as root inside its sandbox; CI and containers run as root.
    if geteuid() == 0 { arguments.insert("--no-sandbox", at: 0) }
    let (status, errors, _) = run(tools.chromium, arguments)
    guard status == 0, FileManager.default.fileExists(atPath: pdf.path) else {
      throw Failure(message: .chromiumFailed(status: Int(status), says: String(errors.suffix(300))))
    }
    let (textStatus, _, text) = run(tools.pdftotext, ["-layout", pdf.path, "-"])
    guard textStatus == 0 else { throw Failure(message: .pdftotextFailed(Int(textStatus))) }
    return PrintedPages(pdfText: text)
  }

  /// Runs a program to its end; its standard error and output, read as they come so
  /// neither pipe fills.
  private static func run(_ program: String, _ arguments: [String]) -> (Int32, String, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return (-1, "\(error)", "")
    }
    let collected = Mutex<Data>(Data())
    let reading = DispatchGroup()
    DispatchQueue.global().async(group: reading) {
      let data = errors.fileHandleForReading.readDataToEndOfFile()
      collected.withLock { $0 = data }
    }
    let text = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    reading.wait()
    return (
      process.terminationStatus, String(decoding: collected.withLock { $0 }, as: UTF8.self),
      String(decoding: text, as: UTF8.self)
    )
  }
}
