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

/// `yearbook serve` as an editor uses it: the real executable on a free port, a browser's
/// event stream, edits on disk.
@Suite(.serialized) struct ServeTests {
  /// Starts `yearbook serve --port 0` and waits for the URL line.
  static func start(in site: FixtureSite, arguments: [String] = []) throws -> (CLI.Running, Int) {
    let running = try CLI.start(["serve", "--port", "0"] + arguments, in: site.root)
    return (running, try port(of: running))
  }

  /// Waits for the URL line of a starting `serve` and returns its port.
  static func port(of running: CLI.Running) throws -> Int {
    let handle = running.out.fileHandleForReading
    var text = ""
    let deadline = Date().addingTimeInterval(30)
    while Date() < deadline {
      let data = handle.availableData
      if data.isEmpty { break }
      text += String(decoding: data, as: UTF8.self)
      if let match = text.firstMatch(of: /Serving at http:\/\/127\.0\.0\.1:(\d+)\//), let port = Int(match.1) {
        return port
      }
    }
    running.process.terminate()
    throw RawHTTP.Failure(description: "serve did not start: \(text)")
  }

  /// Reads standard output until a line contains `marker`.
  static func waitForLine(_ running: CLI.Running, containing marker: String, timeout: Double = 10) -> String {
    let handle = running.out.fileHandleForReading
    var text = ""
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline && !text.contains(marker) {
      let data = handle.availableData
      if data.isEmpty { break }
      text += String(decoding: data, as: UTF8.self)
    }
    return text
  }

  @Test func editReloadBreakAndFix() throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let (running, port) = try Self.start(in: site)
    defer { running.process.terminate() }

    let home = try RawHTTP.request("/", port: port)
    #expect(home.status == 200)
    #expect(home.headers["content-type"] == "text/html; charset=utf-8")
    #expect(home.headers["cache-control"] == "no-store")
    #expect(home.body.contains("<script src=\"/__yearbook/live.js\"></script>\n</body>"))
    #expect(try RawHTTP.request("/css/yearbook.css", port: port).headers["content-type"] == "text/css; charset=utf-8")
    #expect(try RawHTTP.request("/feed.xml", port: port).headers["content-type"] == "application/xml; charset=utf-8")
    #expect(try RawHTTP.request("/__yearbook/live.js", port: port).body.contains("EventSource"))
    #expect(try RawHTTP.request("/", method: "HEAD", port: port).body.isEmpty)
    #expect(try RawHTTP.request("/", method: "POST", port: port).status == 405)
    #expect(try RawHTTP.request("/2024/talent", port: port).headers["location"] == "/2024/talent/")
    #expect(!FileManager.default.fileExists(atPath: site.output.path), "serve must not write Output/")

    // An edit: the open tab hears `reload` and the page has the new title.
    let events = try RawHTTP(port: port)
    events.send("GET", "/__yearbook/events", keepOpen: true)
    #expect(events.read(timeout: 5, until: "\r\n\r\n").contains("text/event-stream"))
    let article = site.root.appendingPathComponent("Content/2024/talent.md")
    let original = try String(contentsOf: article, encoding: .utf8)
    let saved = Date()
    try original.replacingOccurrences(of: "title: 人才工作", with: "title: 人才工作（修订）").write(
      to: article, atomically: true, encoding: .utf8)
    #expect(events.read(timeout: 2, until: "event: reload").contains("event: reload"))
    #expect(Date().timeIntervalSince(saved) < 2)
    #expect(try RawHTTP.request("/2024/talent/", port: port).body.contains("人才工作（修订）"))
    let line = Self.waitForLine(running, containing: "Content/2024/talent.md changed")
    let rebuilt = try #require(line.firstMatch(of: /talent\.md changed: (\d+) files rebuilt in \d+ ms/))
    #expect(Int(rebuilt.1)! < 20, "only the pages showing the article: \(line)")

    // Broken: every page carries the located error; the last good pages are still served.
    try original.replacingOccurrences(of: "title: 人才工作", with: "title: [人才<引育").write(
      to: article, atomically: true, encoding: .utf8)
    #expect(events.read(timeout: 2, until: "data: 3").contains("data: 3"))
    let broken = try RawHTTP.request("/", port: port)
    #expect(broken.body.contains("id=\"yearbook-preview-errors\""))
    #expect(broken.body.contains("<li>Content/2024/talent.md:"))
    #expect(broken.body.contains("error: invalid YAML"))
    #expect(try RawHTTP.request("/2024/talent/", port: port).body.contains("人才工作（修订）"))
    #expect(Self.waitForLine(running, containing: "build failed").contains("Content/2024/talent.md:"))

    // Fixed: the overlay is gone.
    try original.write(to: article, atomically: true, encoding: .utf8)
    #expect(events.read(timeout: 2, until: "data: 4").contains("data: 4"))
    #expect(!(try RawHTTP.request("/", port: port).body.contains("yearbook-preview-errors")))
  }

  @Test func aSiteThatNeverBuiltShowsItsErrorsUntilFixed() throws {
    var files = FixtureSite.minimal
    let good = files["Content/2024/talent.md"]!
    files["Content/2024/talent.md"] = "---\ntitle: [坏\n---\n"
    let site = try FixtureSite(files)
    defer { site.remove() }
    let (running, port) = try Self.start(in: site)
    defer { running.process.terminate() }
    let broken = try RawHTTP.request("/2024/", port: port)
    #expect(broken.status == 503)
    #expect(broken.body.contains("<li>Content/2024/talent.md:3:1: error: invalid YAML"))
    #expect(broken.body.contains("/__yearbook/live.js"))
    try site.write("Content/2024/talent.md", good)
    _ = Self.waitForLine(running, containing: "talent.md changed")
    #expect(try RawHTTP.request("/2024/", port: port).status == 200)
  }

  static let traversals = [
    "/../etc/passwd", "/../../../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/%2E%2E/etc/passwd",
    "/..%2fetc%2fpasswd", "/2024/..%2f..%2fetc/passwd", "/..\\..\\etc\\passwd", "/%5c..%5cetc%5cpasswd",
    "//etc/passwd", "/etc/passwd", "/2024/./../../etc/passwd", "/%252e%252e/etc/passwd", "/index.html%00.css",
    "/assets/outside.txt", "/Content/site.yml", "/../Content/site.yml",
  ]

  @Test func pathsOutOfTheSiteAreNotFound() throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let (running, port) = try Self.start(in: site)
    defer { running.process.terminate() }
    for path in Self.traversals {
      let response = try RawHTTP.request(path, port: port)
      #expect(response.status == 404, "\(path)")
      #expect(!response.body.contains("root:"), "\(path)")
    }
  }

  /// A link out of `Content/` is an error, so the preview shows it and serves nothing of it.
  @Test func aLinkOutOfContentIsShownAsAnErrorNeverServed() throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    try site.write("secret.txt", "not for the web")
    try site.symlink("Content/assets/outside.txt", to: "../../secret.txt")
    let (running, port) = try Self.start(in: site)
    defer { running.process.terminate() }
    let response = try RawHTTP.request("/assets/outside.txt", port: port)
    #expect(response.status == 503)
    #expect(response.body.contains("Content/assets/outside.txt") && response.body.contains("outside Content/"))
    #expect(!response.body.contains("not for the web"))
  }

  /// DNS rebinding: a page on evil.example whose name now points at 127.0.0.1 makes the
  /// visitor's browser ask the preview with `Host: evil.example`. It gets 421, events too.
  @Test func onlyLoopbackHostsAreAnswered() throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let (running, port) = try Self.start(in: site)
    defer { running.process.terminate() }
    for host in ["evil.example", "evil.example:\(port)", "127.0.0.1.evil.example", "localhost.evil.example", "[::2]"] {
      for path in ["/", PreviewRequest.eventsPath, PreviewRequest.reloadScriptPath, "/2024/talent/"] {
        let response = try RawHTTP.request(path, port: port, host: host)
        #expect(response.status == 421, "\(host) \(path)")
        #expect(!response.body.contains("人才"), "\(host) \(path)")
      }
    }
    for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST", "[::1]:\(port)", "127.0.0.1"] {
      #expect(try RawHTTP.request("/2024/talent/", port: port, host: host).status == 200, "\(host)")
    }
  }

  @Test func aBusyPortIsOneClearLine() throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let (running, port) = try Self.start(in: site)
    defer { running.process.terminate() }
    let second = try CLI.run(["serve", "--port", String(port)], in: site.root, timeout: 30)
    #expect(second.status == 1)
    #expect(
      second.stderr.contains(
        "error: port \(port) is already in use (another yearbook serve?); choose another with --port"))
  }

  @Test(arguments: [SIGINT, SIGTERM])
  func aSignalStopsItWithinASecond(signal: Int32) throws {
    let site = try FixtureSite(FixtureSite.minimal)
    defer { site.remove() }
    let (running, port) = try Self.start(in: site)
    let events = try RawHTTP(port: port)
    events.send("GET", "/__yearbook/events", keepOpen: true)
    _ = events.read(timeout: 5, until: "\r\n\r\n")
    let sent = Date()
    kill(running.process.processIdentifier, signal)
    running.process.waitUntilExit()
    #expect(Date().timeIntervalSince(sent) < 1)
    #expect(running.process.terminationStatus == 0)
  }
}
