import Foundation
import Testing

@testable import YearbookBuild
@testable import YearbookCharts
@testable import YearbookCore
@testable import YearbookIndex
@testable import YearbookKit
@testable import YearbookLoad
@testable import YearbookMarkdown
@testable import YearbookModel
@testable import YearbookPortal
@testable import YearbookPreview
@testable import YearbookRender

/// `build`, `check` and the preview run one declared sequence of steps: their timings
/// follow the declaration, and a failure names the step it stopped in.
@Suite struct PipelineTests {
  @Test func eachPurposeRunsItsDeclaredStepsInOrder() async throws {
    #expect(
      Pipeline.steps(for: .build).map(\.rawValue) == [
        "load", "index", "markdown", "pages", "portal", "search", "check", "write",
      ])
    #expect(Pipeline.steps(for: .check).map(\.rawValue) == ["load", "index", "markdown", "check"])
    #expect(Pipeline.steps(for: .preview) == Pipeline.steps(for: .build))

    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let built = try await site.build()
    #expect(built.timings.steps.map(\.name) == Pipeline.steps(for: .build).map(\.rawValue))
    let checked = try await SiteBuilder.check(SiteBuilder.Options(root: site.root))
    #expect(checked.timings.steps.map(\.name) == Pipeline.steps(for: .check).map(\.rawValue))
    let preview = PreviewSite(options: SiteBuilder.Options(root: site.root)).buildAll()
    #expect(preview.succeeded)
    #expect(preview.timings.steps.map(\.name) == Pipeline.steps(for: .preview).map(\.rawValue))
  }

  @Test(arguments: [
    // A date the loader refuses.
    ("Content/2024/talent.md", "---\ntitle: 人才\ndate: 2025/1/20\n---\n正文\n", "load"),
    // A chart drawn from a dataset that does not exist.
    (
      "Content/2024/talent.md",
      "---\ntitle: 人才\ndate: 2025-01-20\n---\n```chart\ntype: column\ndata: nowhere\nx: year\ny: [a]\ntitle: 无\n```\n",
      "markdown"
    ),
    // A link to a heading no page has.
    ("Content/2024/talent.md", "---\ntitle: 人才\ndate: 2025-01-20\n---\n见[平台](platforms.md#没有这一节)。\n", "check"),
  ])
  func aFailureNamesItsStep(file: String, text: String, step: String) async throws {
    var files = FixtureSite.minimal
    files[file] = text
    let site = try FixtureSite(files)
    defer { site.remove() }
    for purpose in [Pipeline.Purpose.build, .check] {
      do {
        _ = try SiteBuilder.run(
          purpose, SiteBuilder.Options(root: site.root), into: purpose == .check ? nil : { MemoryFolder() })
        Issue.record("the \(purpose) run should fail in \(step)")
      } catch {
        #expect(error.step == step)
        #expect(error.diagnostics.hasErrors)
      }
    }
  }

  @Test func timingsPrintEveryStepOfTheBuild() throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let result = try CLI.run(["build", "--timings"], in: site.root)
    #expect(result.status == 0)
    let steps = result.stderr.split(separator: "\n").compactMap { line -> String? in
      let parts = line.split(separator: " ", omittingEmptySubsequences: true)
      return parts.count == 3 && parts[1] == "s" ? String(parts[2]) : nil
    }
    #expect(steps == ["load", "index", "markdown", "pages", "portal", "search", "check", "write"])
  }
}
