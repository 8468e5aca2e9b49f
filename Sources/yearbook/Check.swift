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

  @Flag(help: .said(.helpJSON()))
  var json = false

  @Flag(help: .said(.helpExternal()))
  var external = false

  @Flag(help: .said(.helpDrafts()))
  var drafts = false

  @OptionGroup var messages: LanguageOption

  func run() async throws {
    let language = messages.language(root: URL(fileURLWithPath: root))
    let options = SiteBuilder.Options(root: URL(fileURLWithPath: root), includeDrafts: drafts)
    let diagnostics: [Diagnostic]
    var links = 0
    var hosts: [(host: String, links: Int)] = []
    do {
      let summary = try await SiteBuilder.check(options)
      diagnostics = summary.diagnostics
      links = summary.linkCount
      hosts = summary.outsideHosts
    } catch {
      diagnostics = error.diagnostics
    }
    switch json ? .json : format {
    case .text:
      Terminal.printDiagnostics(diagnostics, language)
      if external {
        print(Message.outsideHostsHeading(hosts.count).text(language))
        for (host, count) in hosts { print(Message.outsideHostLine(host, links: count).text(language)) }
      }
      Terminal.status(
        diagnostics.isEmpty
          ? .checkPassed(links: links) : .checkFound(Terminal.count(diagnostics), links: links), language)
    case .json:
      print(DiagnosticJSON.encode(diagnostics, language, outsideHosts: external ? hosts : nil))
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

  struct OutsideHost: Encodable {
    var host: String
    var links: Int
  }

  struct Report: Encodable {
    var findings: [Finding]
    /// With `--external`: every other site linked to.
    var outsideHosts: [OutsideHost]?

    enum CodingKeys: String, CodingKey {
      case findings
      case outsideHosts = "outside_hosts"
    }
  }

  static func encode(
    _ diagnostics: [Diagnostic], _ language: Language, outsideHosts: [(host: String, links: Int)]? = nil
  ) -> String {
    let findings = diagnostics.map {
      Finding(
        file: $0.location.file.value, sheet: $0.location.sheet, line: $0.location.line, column: $0.location.column,
        severity: $0.severity.rawValue, kind: $0.message.id, message: $0.message.text(language))
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let report = Report(
      findings: findings, outsideHosts: outsideHosts?.map { OutsideHost(host: $0.host, links: $0.links) })
    let data = (try? encoder.encode(report)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self)
  }
}
