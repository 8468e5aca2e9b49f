import ArgumentParser
import Foundation
import YearbookBuild
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookKit
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookPortal
import YearbookPreview
import YearbookRender

struct Check: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: Message.helpCheck().forHelp)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @Option(help: .said(.helpRoot()))
  var root: String = "."

  @Option(help: .said(.helpFormat()))
  var format: Format = .text

  @Flag(help: .said(.helpDrafts()))
  var drafts = false

  @OptionGroup var messages: LanguageOption

  func run() async throws {
    let language = messages.language(root: URL(fileURLWithPath: root))
    let options = SiteBuilder.Options(root: URL(fileURLWithPath: root), includeDrafts: drafts)
    let diagnostics: [Diagnostic]
    var links = 0
    do {
      let summary = try await SiteBuilder.check(options)
      diagnostics = summary.diagnostics
      links = summary.linkCount
    } catch {
      diagnostics = error.diagnostics
    }
    switch format {
    case .text:
      Terminal.printDiagnostics(diagnostics, language)
      Terminal.status(
        diagnostics.isEmpty
          ? .checkPassed(links: links) : .checkFound(Terminal.count(diagnostics), links: links), language)
    case .json:
      print(DiagnosticJSON.encode(diagnostics, language))
    }
    if diagnostics.hasErrors { throw ExitCode(1) }
  }
}

enum DiagnosticJSON {
  struct Finding: Encodable {
    var file: String
    /// In a workbook, the sheet; line and column are then the cell's row and column.
    var sheet: String?
    var line: Int?
    var column: Int?
    var severity: String
    /// The kind of problem (`duplicateSlug`), the same in every language, for tools to sort by.
    var kind: String
    var message: String
  }

  static func encode(_ diagnostics: [Diagnostic], _ language: Language) -> String {
    let findings = diagnostics.map {
      Finding(
        file: $0.location.file.value, sheet: $0.location.sheet, line: $0.location.line, column: $0.location.column,
        severity: $0.severity.rawValue, kind: $0.message.id, message: $0.message.text(language))
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(["findings": findings])) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self)
  }
}
