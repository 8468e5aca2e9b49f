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
import YearbookServer

struct Serve: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: Message.helpServe().forHelp)

  @Option(help: .said(.helpRoot()))
  var root: String = "."

  @Option(help: .said(.helpHost()))
  var host: String = "127.0.0.1"

  @Option(help: .said(.helpPort()))
  var port: Int = 8000

  @Option(help: .said(.helpServeBaseURL()))
  var baseURL: String?

  @Flag(help: .said(.helpDrafts()))
  var drafts = false

  @Option(help: .hidden)
  var headerTimeout: Double = 10

  @Option(help: .hidden)
  var idleTimeout: Double = 30

  @OptionGroup var messages: LanguageOption

  func validate() throws {
    if let baseURL, BaseURL(baseURL) == nil {
      throw ValidationError(
        Message.badBaseURLOption(baseURL).text(messages.language(root: URL(fileURLWithPath: root))))
    }
    guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    guard headerTimeout > 0, idleTimeout > 0 else { throw ValidationError("timeouts must be positive") }
  }

  func run() async throws {
    let rootURL = URL(fileURLWithPath: root)
    let language = messages.language(root: rootURL)
    // Pages live in memory: the user's Output/ is written by `build` alone.
    let site = PreviewSite(
      options: SiteBuilder.Options(
        root: rootURL, output: rootURL.appendingPathComponent(".yearbook-preview-unused"),
        baseURL: baseURL.flatMap(BaseURL.init), includeDrafts: drafts), language: language)
    // One log on standard output, in order: the first build, the URL, each rebuild.
    let say: @Sendable (Message) -> Void = { line in
      FileHandle.standardOutput.write(Data((line.text(language) + "\n").utf8))
    }
    let first = site.buildAll()
    for diagnostic in first.diagnostics { say(.named(diagnostic.text(language))) }
    if !first.succeeded {
      say(.previewFirstBuildFailed(Terminal.count(first.diagnostics)))
    }
    let timeouts = PreviewServer.Timeouts(
      header: .milliseconds(Int(headerTimeout * 1000)), idle: .milliseconds(Int(idleTimeout * 1000)))
    let server = PreviewServer(site: site, options: .init(host: host, port: port, timeouts: timeouts), report: say)
    do {
      try await server.run()
    } catch let failure as PreviewServer.Failure {
      Terminal.status(.commandError(failure.message), language)
      throw ExitCode(1)
    }
  }
}
