import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A bare HTTP/1.1 client over a socket: it sends the request line exactly as written
/// (`/../etc/passwd`, `/%2e%2e/`), which URLSession would clean up first, and it can keep
/// a Server-Sent Events stream open.
final class RawHTTP {
  struct Response {
    var status: Int
    var headers: [String: String]
    var body: String
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  private let handle: Int32
  private var buffer: [UInt8] = []

  init(port: Int) throws {
    handle = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    // A server that stops accepting fails the test in seconds, not after the kernel's
    // two minutes of retries (on Linux the send timeout bounds connect too).
    var timeout = timeval(tv_sec: 5, tv_usec: 0)
    setsockopt(handle, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(handle, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard result == 0 else {
      close(handle)
      throw Failure(description: "cannot connect to port \(port): \(String(cString: strerror(errno)))")
    }
  }

  deinit { close(handle) }

  func send(_ method: String, _ path: String, keepOpen: Bool = false, host: String = "127.0.0.1") {
    let request =
      "\(method) \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: \(keepOpen ? "keep-alive" : "close")\r\n\r\n"
    _ = request.withCString { Glibc.send(handle, $0, strlen($0), 0) }
  }

  /// Sends `text` as it is: a request in another HTTP version, or half of one.
  func send(raw text: String) {
    _ = text.withCString { Glibc.send(handle, $0, strlen($0), 0) }
  }

  /// Reads what arrives within `timeout` seconds, until the server closes or `until` is
  /// in the text.
  func read(timeout: Double, until marker: String? = nil) -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var chunk = [UInt8](repeating: 0, count: 65536)
    while Date() < deadline {
      if let marker, String(decoding: buffer, as: UTF8.self).contains(marker) { break }
      var poller = pollfd(fd: handle, events: Int16(POLLIN), revents: 0)
      let waited = Int32(max(1, deadline.timeIntervalSinceNow * 1000))
      guard poll(&poller, 1, min(waited, 100)) > 0 else { continue }
      let count = recv(handle, &chunk, chunk.count, 0)
      if count <= 0 { break }
      buffer += chunk[0..<count]
    }
    return String(decoding: buffer, as: UTF8.self)
  }

  /// One request on a new connection.
  static func request(_ path: String, method: String = "GET", port: Int, host: String = "127.0.0.1") throws -> Response
  {
    let connection = try RawHTTP(port: port)
    connection.send(method, path, host: host)
    let text = connection.read(timeout: 10)
    guard let split = text.range(of: "\r\n\r\n") else { throw Failure(description: "no response to \(path): \(text)") }
    let head = text[..<split.lowerBound].split(separator: "\r\n")
    let status = head.first.flatMap { Int($0.split(separator: " ")[1]) } ?? 0
    var headers: [String: String] = [:]
    for line in head.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    var body = String(text[split.upperBound...])
    if headers["transfer-encoding"] == "chunked" { body = dechunk(body) }
    return Response(status: status, headers: headers, body: body)
  }

  private static func dechunk(_ text: String) -> String {
    let bytes = Array(text.utf8)
    var body: [UInt8] = []
    var index = 0
    while index < bytes.count {
      guard let lineEnd = bytes[index...].firstIndex(of: UInt8(ascii: "\r")),
        let size = Int(String(decoding: bytes[index..<lineEnd], as: UTF8.self), radix: 16), size > 0
      else { break }
      let start = lineEnd + 2
      body += bytes[start..<min(start + size, bytes.count)]
      index = start + size + 2
    }
    return String(decoding: body, as: UTF8.self)
  }
}
