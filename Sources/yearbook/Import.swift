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

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Import a Word report (.docx) as a report folder: articles, datasets and table charts.")

  @Argument(help: "The Word document (.docx).")
  var document: String

  @Option(help: "The report folder to write, e.g. 2025 (Content/2025/).")
  var report: String

  @Option(help: "The date of the report and its articles (YYYY-MM-DD); today when not given.")
  var date: String?

  @Option(help: "The project folder, holding Content/.")
  var root: String = "."

  @Flag(help: "Replace files that already exist.")
  var force = false

  @Flag(help: "List the files that would be written, and write nothing.")
  var dryRun = false

  func validate() throws {
    let kind = (document as NSString).pathExtension.lowercased()
    if ["doc", "wps"].contains(kind) {
      throw ValidationError(
        "\(document) is an old-format document (.\(kind)); open it in Word or WPS and save it as \"Word 文档 (*.docx)\"")
    }
    guard kind == "docx" else { throw ValidationError("\(document) is not a Word document (.docx)") }
    if let date, date.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) == nil {
      throw ValidationError("--date must be YYYY-MM-DD, got \"\(date)\"")
    }
    guard report.wholeMatch(of: /[^\/\\.][^\/\\]*/) != nil else {
      throw ValidationError("--report must be a folder name such as 2025")
    }
  }

  func run() throws {
    guard FileManager.default.fileExists(atPath: document) else {
      Terminal.status("error: \(document): no such file")
      throw ExitCode(1)
    }
    let media = FileManager.default.temporaryDirectory.appendingPathComponent("yearbook-import-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: media) }
    let accepted = try pandoc(["--track-changes=accept", "--extract-media=\(media.path)"])
    let everything = try pandoc(["--track-changes=all"])
    let rootURL = URL(fileURLWithPath: root)
    let day = date ?? ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate])
    guard
      let result = WordImport.plan(
        pandocJSON: accepted,
        options: .init(document: document, report: report, date: day, source: WordImport.publisher(root: rootURL)))
    else {
      Terminal.status("error: \(document): pandoc's output could not be read (pandoc 2.17 is expected)")
      throw ExitCode(1)
    }
    let warnings = result.warnings + WordImport.reviewWarnings(everyChange: everything, document: document)
    let paths = result.files.map(\.path) + result.images.map(\.path)
    let existing = paths.filter { FileManager.default.fileExists(atPath: rootURL.appendingPathComponent($0).path) }
    if !existing.isEmpty && !force && !dryRun {
      for path in existing { Terminal.status("error: \(path) exists; nothing was written (--force replaces it)") }
      throw ExitCode(1)
    }
    for path in paths where dryRun {
      print("would write \(path)\(existing.contains(path) ? " (replacing it)" : "")")
    }
    if !dryRun {
      for file in result.files { try write(Data(file.text.utf8), to: rootURL.appendingPathComponent(file.path)) }
      for image in result.images {
        try write(Data(contentsOf: URL(fileURLWithPath: image.from)), to: rootURL.appendingPathComponent(image.path))
      }
    }
    for warning in warnings { Terminal.status(warning.description) }
    let pictures = result.images.isEmpty ? "" : ", \(result.images.count) image\(result.images.count == 1 ? "" : "s")"
    print(
      "\(dryRun ? "Would import" : "Imported") \(result.articles) article\(result.articles == 1 ? "" : "s") and \(result.datasets) dataset\(result.datasets == 1 ? "" : "s")\(pictures) into Content/\(report)/ (\(warnings.count) warning\(warnings.count == 1 ? "" : "s"))"
    )
  }

  private func write(_ data: Data, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
  }

  /// pandoc's JSON tree of the document.
  private func pandoc(_ options: [String]) throws -> Data {
    guard let program = Self.pandocPath() else {
      Terminal.status("error: pandoc is not installed; install it with: apt-get install -y pandoc")
      throw ExitCode(1)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = ["-f", "docx", "-t", "json"] + options + [document]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      Terminal.status(
        "error: \(document): pandoc cannot read it: \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
      throw ExitCode(1)
    }
    return data
  }

  static func pandocPath() -> String? {
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    return folders.map { "\($0)/pandoc" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }
}
