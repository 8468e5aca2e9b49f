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

/// Diagnostics go to standard error, one per line, in the compiler format editors and
/// IDEs already know how to jump from.
enum Terminal {
  static func printDiagnostics(_ diagnostics: [Diagnostic], _ language: Language) {
    for diagnostic in diagnostics {
      FileHandle.standardError.write(Data((diagnostic.text(language) + "\n").utf8))
    }
  }

  /// Standard error is a terminal: progress can be drawn over one line.
  static var isInteractive: Bool { isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb" }

  static func status(_ line: Message, _ language: Language) {
    write(line.text(language) + "\n")
  }

  static func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  static func count(_ diagnostics: [Diagnostic]) -> Message {
    let errors = diagnostics.filter { $0.severity == .error }.count
    return .counted(errors: errors, warnings: diagnostics.count - errors)
  }

  /// A line for standard output (what a command made), in the reader's language.
  static func say(_ line: Message, _ language: Language) {
    print(line.text(language))
  }

  /// A file as the user would name it: relative to the working folder when inside it.
  static func shown(_ url: URL) -> String {
    let path = url.standardizedFileURL.path
    let current = FileManager.default.currentDirectoryPath
    return path.hasPrefix(current + "/") ? String(path.dropFirst(current.count + 1)) : path
  }

  /// The output folder as the user would name it: relative to the working folder when inside it.
  static func display(_ url: URL, root: URL) -> String {
    let path = url.standardizedFileURL.path
    let current = FileManager.default.currentDirectoryPath
    if path.hasPrefix(current + "/") { return String(path.dropFirst(current.count + 1)) + "/" }
    return path + "/"
  }
}

extension Duration {
  var seconds: Double {
    let (seconds, attoseconds) = components
    return Double(seconds) + Double(attoseconds) / 1e18
  }
}
