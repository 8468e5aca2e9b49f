import Foundation
import Testing

@testable import YearbookKit

/// Every file of the default site, by size and hash, against a golden manifest: a change
/// to the pipeline that alters one byte of the output shows up here, file by file.
@Suite struct DefaultSiteGoldenTests {
  @Test func theDefaultSiteBuildsToTheGoldenManifest() async throws {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("yearbook-golden-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    _ = try await SiteBuilder.build(SiteBuilder.Options(root: FixtureSite.repository, output: output))
    let fixture = try FixtureSite([:], copyTheme: false)
    defer { fixture.remove() }
    let files = try fixture.snapshot(of: output)
    let manifest = files.keys.sorted().map { path in
      let data = files[path]!
      return "\(path) \(data.count) \(String(Self.fnv1a(data), radix: 16))"
    }.joined(separator: "\n")
    try Golden.assertMatches(manifest + "\n", named: "default-site.manifest")
  }

  /// FNV-1a, 64 bits: enough to tell two versions of a file apart.
  static func fnv1a(_ data: Data) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in data {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    return hash
  }
}
