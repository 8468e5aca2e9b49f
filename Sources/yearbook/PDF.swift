import ArgumentParser
import Foundation
import YearbookCore
import YearbookKit

struct PDF: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pdf",
    abstract: "Print a report to PDF with headless Chromium: page numbers, contents with page numbers.")

  @Argument(help: "The report folder, e.g. 2024 (Content/2024/).")
  var report: String

  @Option(help: "The project folder, holding Content/ and Templates/.")
  var root: String = "."

  @Option(help: "Where to write the PDF (default: <root>/<report>.pdf).")
  var output: String?

  @Flag(help: "Include articles marked draft: true.")
  var drafts = false

  @OptionGroup var messages: LanguageOption

  func run() async throws {
    let rootURL = URL(fileURLWithPath: root)
    let language = messages.language(root: rootURL)
    let options = ReportPDF.Options(
      root: rootURL, report: report, output: output.map { URL(fileURLWithPath: $0) }, includeDrafts: drafts)
    do {
      let tools = try ReportPDF.Tools.find()
      let result = try await ReportPDF.make(options, tools: tools)
      Terminal.printDiagnostics(result.diagnostics, language)
      if !result.shortPages.isEmpty {
        Terminal.status(.pdfShortPages(result.shortPages), language)
      }
      Terminal.status(
        .pdfWritten(Terminal.shown(options.output), pages: result.pages, chapters: result.chapters), language)
    } catch {
      Terminal.printDiagnostics(error.diagnostics, language)
      Terminal.status(.commandError(error.message), language)
      throw ExitCode(1)
    }
  }
}
