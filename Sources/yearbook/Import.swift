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
    abstract: Message.helpImport().forHelp)

  @Argument(help: .said(.helpDocument()))
  var document: String

  @Option(help: .said(.helpReportFolder()))
  var report: String

  @Option(help: .said(.helpImportDate()))
  var date: String?

  @Option(help: .said(.helpRoot()))
  var root: String = "."

  @Flag(help: .said(.helpForce()))
  var force = false

  @Flag(help: .said(.helpDryRun()))
  var dryRun = false

  @OptionGroup var messages: LanguageOption

  private var language: Language { messages.language(root: URL(fileURLWithPath: root)) }

  func validate() throws {
    let language = self.language
    let kind = (document as NSString).pathExtension.lowercased()
    if ["doc", "wps"].contains(kind) {
      throw ValidationError(Message.oldWordFormat(document, kind: kind).text(language))
    }
    guard kind == "docx" else { throw ValidationError(Message.notWordDocument(document).text(language)) }
    if let date, date.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) == nil {
      throw ValidationError(Message.badDateOption(date).text(language))
    }
    guard report.wholeMatch(of: /[^\/\\.][^\/\\]*/) != nil else {
      throw ValidationError(Message.badReportOption().text(language))
    }
  }

  func run() throws {
    let language = self.language
    guard FileManager.default.fileExists(atPath: document) else {
      Terminal.status(.commandError(.noSuchDocument(document)), language)
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
      Terminal.status(.commandError(.pandocOutputUnreadable(document)), language)
      throw ExitCode(1)
    }
    let warnings = result.warnings + WordImport.reviewWarnings(everyChange: everything, document: document)
    let paths = result.files.map(\.path) + result.images.map(\.path)
    let existing = paths.filter { FileManager.default.fileExists(atPath: rootURL.appendingPathComponent($0).path) }
    if !existing.isEmpty && !force && !dryRun {
      for path in existing { Terminal.status(.commandError(.importWouldReplace(path)), language) }
      throw ExitCode(1)
    }
    for path in paths where dryRun {
      Terminal.say(.wouldWrite(path, replacing: existing.contains(path)), language)
    }
    if !dryRun {
      for file in result.files { try write(Data(file.text.utf8), to: rootURL.appendingPathComponent(file.path)) }
      for image in result.images {
        try write(Data(contentsOf: URL(fileURLWithPath: image.from)), to: rootURL.appendingPathComponent(image.path))
      }
    }
    Terminal.printDiagnostics(warnings, language)
    Terminal.say(
      .imported(
        dryRun: dryRun, articles: result.articles, datasets: result.datasets, images: result.images.count,
        report: report, warnings: warnings.count),
      language)
  }

  private func write(_ data: Data, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
  }

  /// pandoc's JSON tree of the document.
  private func pandoc(_ options: [String]) throws -> Data {
    guard let program = Self.pandocPath() else {
      Terminal.status(.commandError(.pandocMissing()), language)
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
        .commandError(
          .pandocFailed(document, says: message.trimmingCharacters(in: .whitespacesAndNewlines))), language)
      throw ExitCode(1)
    }
    return data
  }

  static func pandocPath() -> String? {
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    return folders.map { "\($0)/pandoc" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }
}
