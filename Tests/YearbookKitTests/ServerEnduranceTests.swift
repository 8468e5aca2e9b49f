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

/// `yearbook serve` through a long editing day on a machine with few files to spare:
/// connections of every kind opened and closed by the thousand, idle sockets past the
/// limit, and a save at the end that must still be seen.
@Suite(.serialized) struct ServerEnduranceTests {
  static let fileLimit = 256

  /// The server's open files, from /proc.
  static func openFiles(_ pid: Int32) -> Int {
    (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count) ?? -1
  }

  /// Seconds of CPU the server has used, from /proc/PID/stat.
  static func cpuSeconds(_ pid: Int32) -> Double {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let end = stat.lastIndex(of: ")")
    else { return -1 }
    let fields = stat[stat.index(after: end)...].split(separator: " ")
    return Double((Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)) / Double(sysconf(Int32(_SC_CLK_TCK)))
  }

  /// Waits until the server holds at most `files` open files; returns what it holds.
  static func settle(_ pid: Int32, to files: Int, within seconds: Double) -> Int {
    let deadline = Date().addingTimeInterval(seconds)
    while openFiles(pid) > files && Date() < deadline { usleep(50_000) }
    return openFiles(pid)
  }

  @Test func fiveThousandConnectionsWithAFileLimitOf256() throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let running = try CLI.start(
      [
        "-c", "ulimit -n \(Self.fileLimit) && exec \"$0\" \"$@\"", CLI.executable.path, "serve", "--port", "0",
        "--header-timeout", "1", "--idle-timeout", "2",
      ], in: site.root, program: URL(fileURLWithPath: "/bin/sh"))
    defer { running.process.terminate() }
    let port = try ServeTests.port(of: running)
    let pid = running.process.processIdentifier
    let atStart = Self.openFiles(pid)
    #expect(atStart > 0 && atStart < 40)

    // Browser tabs that open the event stream and go away, kept-alive requests, HTTP/1.0
    // requests and sockets that connect and leave: 5,000 in batches of 100.
    for batch in 0..<50 {
      var connections: [RawHTTP] = []
      for index in 0..<100 {
        let connection = try RawHTTP(port: port)
        switch (batch * 100 + index) % 4 {
        case 0:
          // A tab that has its stream open (its response head read) and then closes: the
          // server writes nothing more, so only the hang-up itself can release it.
          connection.send("GET", "/__yearbook/events", keepOpen: true)
          let head = connection.read(timeout: 5, until: "\r\n\r\n")
          guard head.hasPrefix("HTTP/1.1 200") else {
            Issue.record("connection \(batch * 100 + index) got no event stream, open files \(Self.openFiles(pid))")
            return
          }
        case 1: connection.send("GET", "/", keepOpen: true)
        case 2: connection.send(raw: "GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
        default: break
        }
        connections.append(connection)
      }
      connections.removeAll()
    }
    // Every closed connection is released: nothing waits in CLOSE-WAIT for a rebuild.
    let afterChurn = Self.settle(pid, to: atStart + 2, within: 5)
    #expect(afterChurn <= atStart + 2, "open files after 5,000 connections: \(afterChurn), at start \(atStart)")
    #expect(try RawHTTP.request("/", port: port).status == 200)

    // HTTP/1.0 is answered, then closed.
    let old = try RawHTTP(port: port)
    let asked = Date()
    old.send(raw: "GET /2024/ HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
    let answer = old.read(timeout: 5)
    #expect(answer.hasPrefix("HTTP/1.1 200"))
    #expect(answer.lowercased().contains("connection: close"))
    #expect(Date().timeIntervalSince(asked) < 1, "the server closes an HTTP/1.0 connection after its response")

    // More idle sockets than the server takes: the limit is said once, nothing spins, the
    // idle ones are closed after the header timeout, and a new request is answered.
    var idle: [RawHTTP] = []
    for _ in 0..<(Self.fileLimit + 50) { idle.append(try RawHTTP(port: port)) }
    let cpuBefore = Self.cpuSeconds(pid)
    usleep(500_000)
    #expect(Self.openFiles(pid) < Self.fileLimit - 32, "files are kept free for rebuilds")
    let flooded = Date()
    #expect(try RawHTTP.request("/", port: port).status == 200)
    #expect(Date().timeIntervalSince(flooded) < 8, "idle sockets are closed after the header timeout")
    let spent = Self.cpuSeconds(pid) - cpuBefore
    // A server that spins on a full file table burns a core for the whole header timeout;
    // under AddressSanitizer the honest work alone took 0.58 s, so it is bounded without.
    if !underAddressSanitizer { #expect(spent < 0.5, "CPU seconds while flooded: \(spent)") }
    #expect(
      ServeTests.waitForLine(running, containing: "the most this preview takes at once").contains(
        "connections are open"))

    // A save still works and reaches an open tab.
    let events = try RawHTTP(port: port)
    events.send("GET", "/__yearbook/events", keepOpen: true)
    #expect(events.read(timeout: 5, until: "\r\n\r\n").contains("text/event-stream"))
    let article = site.root.appendingPathComponent("Content/2024/talent.md")
    let original = try String(contentsOf: article, encoding: .utf8)
    try original.replacingOccurrences(of: "引进人才100人。", with: "引进人才120人。").write(
      to: article, atomically: true, encoding: .utf8)
    #expect(events.read(timeout: 5, until: "event: reload").contains("event: reload"))
    #expect(try RawHTTP.request("/2024/talent/", port: port).body.contains("引进人才120人"))
    idle.removeAll()
    let atEnd = Self.settle(pid, to: atStart + 3, within: 5)
    #expect(atEnd <= atStart + 3, "open files at the end: \(atEnd), at start \(atStart)")
  }
}
