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

struct Build: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Build the site into the output folder (replaced only when the build succeeds).")

  @Option(help: "The project folder, holding Content/ and Templates/.")
  var root: String = "."

  @Option(help: "Where to write the site (default: <root>/Output).")
  var output: String?

  @Option(help: "Override base_url from site.yml: an absolute URL or a path such as /kjj/ndbg/.")
  var baseURL: String?

  @Flag(help: "Include articles marked draft: true.")
  var drafts = false

  @Flag(help: "Print how long each step of the build took.")
  var timings = false

  func validate() throws {
    if let baseURL, BaseURL(baseURL) == nil {
      throw ValidationError("--base-url must be an http(s) URL or a path starting with '/', got \"\(baseURL)\"")
    }
  }

  func run() async throws {
    let started = ContinuousClock.now
    let rootURL = URL(fileURLWithPath: root)
    let progress = BuildProgress()
    let options = SiteBuilder.Options(
      root: rootURL, output: output.map { URL(fileURLWithPath: $0) }, baseURL: baseURL.flatMap(BaseURL.init),
      includeDrafts: drafts, progress: progress)
    let bar = Terminal.isInteractive ? ProgressBar.start(progress) : nil
    do {
      let summary = try await SiteBuilder.build(options)
      bar?.finish()
      Terminal.printDiagnostics(summary.diagnostics)
      if timings {
        for step in summary.timings.steps {
          Terminal.status(String(format: "%8.3f s  %@", step.duration.seconds, step.name))
        }
      }
      let seconds = (ContinuousClock.now - started).seconds
      Terminal.status(
        "Built \(summary.pageCount) pages, \(summary.chartCount) charts (\(summary.fileCount) files) into \(Terminal.display(options.output, root: rootURL)) in \(String(format: "%.2f", seconds)) s"
      )
    } catch {
      bar?.finish()
      Terminal.printDiagnostics(error.diagnostics)
      Terminal.status(
        "Build failed\(error.step.map { " in step \($0)" } ?? ""): \(Terminal.count(error.diagnostics)); \(Terminal.display(options.output, root: rootURL)) was not changed"
      )
      throw ExitCode(1)
    }
  }
}
