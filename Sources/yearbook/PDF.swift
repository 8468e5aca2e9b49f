import ArgumentParser
import Foundation
import YearbookCore
import YearbookKit

struct PDF: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pdf",
    abstract: Message.helpPDF().forHelp)

  @Argument(help: .said(.helpReportFolder()))
  var report: String

  @Option(help: .said(.helpRoot()))
  var root: String = "."

  @Option(help: .said(.helpPDFOutput()))
  var output: String?

  @Flag(help: .said(.helpDrafts()))
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
