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

/// The default site against golden files a reviewer can read in a diff: the list of every
/// output file with its size, and the whole text of one page of each kind. A change to the
/// pipeline that alters the output shows up as a changed size in the list, and for the
/// pages below as the changed lines themselves.
@Suite struct DefaultSiteGoldenTests {
  /// One page of each kind the default site writes.
  static let representativePages = [
    "index.html",  // home page
    "2024/index.html",  // report page
    "2024/platforms/index.html",  // article with charts and a figure table
    "2024/print/index.html",  // the report's print page
    "tags/index.html",  // tag list
    "data/index.html",  // dataset downloads
    "embed/2024/talent/index.html",  // portal embed page
    "fragments/2024/talent.html",  // portal fragment
    "feed.xml",
  ]

  @Test func theDefaultSiteBuildsToTheGoldenFiles() async throws {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("yearbook-golden-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    _ = try await SiteBuilder.build(SiteBuilder.Options(root: FixtureSite.repository, output: output))
    let fixture = try FixtureSite([:], copyTheme: false)
    defer { fixture.remove() }
    let files = try fixture.snapshot(of: output)
    let listing = files.keys.sorted().map { "\($0) \(files[$0]!.count)" }.joined(separator: "\n")
    try Golden.assertMatches(listing + "\n", named: "files.txt", in: "default-site")
    for page in Self.representativePages {
      let data = try #require(files[page], "the default site no longer writes \(page)")
      try Golden.assertMatches(String(decoding: data, as: UTF8.self), named: page, in: "default-site")
    }
  }
}
