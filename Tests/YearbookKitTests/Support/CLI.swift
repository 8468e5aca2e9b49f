import Foundation

/// Runs the real `yearbook` executable, as an editor or a script would.
enum CLI {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
    var timedOut = false
  }

  final class Running: @unchecked Sendable {
    let process: Process
    let out = Pipe()
    let err = Pipe()

    init(process: Process) { self.process = process }

    func wait() -> Result {
      let stdout = out.fileHandleForReading.readDataToEndOfFile()
      let stderr = err.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return Result(
        status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
        stderr: String(decoding: stderr, as: UTF8.self))
    }
  }

  static var executable: URL {
    // The test bundle sits in the same build folder as the products.
    let bundle = URL(
      fileURLWithPath: CommandLine.arguments.first { $0.contains(".xctest") } ?? CommandLine.arguments[0])
    var folder = bundle.deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("yearbook").path) && folder.path != "/"
    {
      folder = folder.deletingLastPathComponent()
    }
    return folder.appendingPathComponent("yearbook")
  }

  /// Tests read the English messages unless they ask for a language: an English locale
  /// is what an editor would set to get them.
  static let englishLocale: [String: String] = {
    var environment = ProcessInfo.processInfo.environment
    environment["LC_ALL"] = nil
    environment["LC_MESSAGES"] = "en_US.UTF-8"
    return environment
  }()

  static func start(
    _ arguments: [String], in folder: URL, program: URL? = nil, environment: [String: String] = englishLocale
  ) throws -> Running {
    let process = Process()
    process.executableURL = program ?? executable
    process.arguments = arguments
    process.environment = environment
    process.currentDirectoryURL = folder
    let running = Running(process: process)
    process.standardOutput = running.out
    process.standardError = running.err
    try process.run()
    return running
  }

  /// Kills the process after `timeout` seconds, so a hang fails the test instead of CI.
  static func run(
    _ arguments: [String], in folder: URL, timeout: Double = 60, environment: [String: String] = englishLocale
  ) throws -> Result {
    let running = try start(arguments, in: folder, environment: environment)
    let deadline = DispatchTime.now() + timeout
    let watchdog = DispatchWorkItem { if running.process.isRunning { running.process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: deadline, execute: watchdog)
    var result = running.wait()
    watchdog.cancel()
    result.timedOut = running.process.terminationReason == .uncaughtSignal
    return result
  }

  /// Another program (such as `setpriv` wrapping `yearbook`), with the same time limit.
  static func runCommand(_ program: String, _ arguments: [String], in folder: URL) throws -> Result {
    let running = try start(arguments, in: folder, program: URL(fileURLWithPath: program))
    let watchdog = DispatchWorkItem { if running.process.isRunning { running.process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
    let result = running.wait()
    watchdog.cancel()
    return result
  }
}
