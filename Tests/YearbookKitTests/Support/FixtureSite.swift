import Foundation

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

/// A small site written into a fresh temporary folder, file by file, the way Hugo's
/// integration tests declare theirs. Uses the repository's own default theme unless the
/// test gives templates of its own.
struct FixtureSite {
  let root: URL

  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  init(_ files: [String: String], copyTheme: Bool = true) throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("yearbook-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    if copyTheme {
      try Self.copyContents(
        of: Self.repository.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
    }
    for (path, text) in files {
      try write(path, text)
    }
  }

  /// Copies files by content only: FileManager's copy keeps owners, which an ordinary user
  /// cannot do for the repository's files when the tests run under another account.
  static func copyContents(of source: URL, to destination: URL) throws {
    try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
    for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
      let from = source.appendingPathComponent(name)
      let to = destination.appendingPathComponent(name)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: from.path, isDirectory: &isDirectory), isDirectory.boolValue {
        try copyContents(of: from, to: to)
      } else {
        try Data(contentsOf: from).write(to: to)
      }
    }
  }

  func write(_ path: String, _ text: String) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  /// A symbolic link at `path` pointing to `destination` (as written, often relative).
  func symlink(_ path: String, to destination: String) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
  }

  func writeBytes(_ path: String, _ bytes: [UInt8]) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: url)
  }

  var output: URL { root.appendingPathComponent("Output") }

  func read(_ path: String) throws -> String {
    try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
  }

  func build(baseURL: String? = nil) async throws(BuildFailure) -> SiteBuilder.Summary {
    try await SiteBuilder.build(SiteBuilder.Options(root: root, baseURL: baseURL.flatMap(BaseURL.init)))
  }

  /// The diagnostics of a build expected to fail.
  func failingBuild() async -> [Diagnostic] {
    do {
      _ = try await build()
      return []
    } catch {
      return error.diagnostics
    }
  }

  /// Every file under the output folder with its bytes, to compare two builds.
  func snapshot(of folder: URL? = nil) throws -> [String: Data] {
    let base = folder ?? output
    var files: [String: Data] = [:]
    guard
      let enumerator = FileManager.default.enumerator(
        at: base, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey])
    else {
      return files
    }
    for case let url as URL in enumerator {
      let values = try url.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey])
      guard values.isRegularFile == true else { continue }
      // Foundation's Data(contentsOf:) leaks its 4 KB read buffer on an empty file (an empty
      // search shard), which LeakSanitizer reports in `make test-asan`.
      files[String(url.path.dropFirst(base.path.count + 1))] = values.fileSize == 0 ? Data() : try Data(contentsOf: url)
    }
    return files
  }

  func remove() {
    try? FileManager.default.removeItem(at: root)
  }

  /// A minimal valid site: one report with two articles.
  static let minimal: [String: String] = [
    "Content/site.yml": """
    title: 测试年报
    site_url: https://www.example.gov.cn
    description: 用于测试的站点。
    publisher: 测试科技局
    footer:
      organizer: 测试科技局
      site_code: "3304820001"
      icp: 浙ICP备00000000号-1
      police_record: 浙公网安备 33048202000000号
      contact: 联系电话：0573-00000000
    """,
    "Content/2024/_index.md": """
    ---
    title: 2024年度报告
    date: 2025-01-20
    summary: 这是报告摘要。
    key_figures:
      - {label: 高新技术企业, value: "100", unit: 家}
    ---
    报告正文第一段。
    """,
    "Content/2024/platforms.md": """
    ---
    title: 平台建设
    date: 2025-01-21
    byline: 本报记者
    source: 测试科技局
    tags: [科创平台, 长三角]
    weight: 1
    ---
    平台建设取得进展，
    新建实验室两家。

    ## 主要成效

    详见[人才工作](talent.md)。
    """,
    "Content/2024/talent.md": """
    ---
    title: 人才工作
    date: 2025-01-22
    tags: [人才]
    weight: 2
    ---
    引进人才100人。

    ## 人才引育

    返回[平台建设](platforms.md)或[年度报告](_index.md)。
    """,
  ]
}
