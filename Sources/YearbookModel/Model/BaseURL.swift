import Foundation
import YearbookCore

/// Where the site is served from: either an absolute URL (`https://example.gov.cn/kjj/`)
/// or a path prefix (`/kjj/ndbg/`). Links inside the site use the path alone, so a
/// preview on another host still works; sitemap and feed use the absolute form when known.
public struct BaseURL: Sendable, Hashable, CustomStringConvertible {
  /// `https://example.gov.cn` without a trailing slash, or nil for a bare path prefix.
  public let origin: String?
  /// Always starts and ends with `/`.
  public let path: String

  public init() {
    origin = nil
    path = "/"
  }

  /// Returns nil when `text` is neither an http(s) URL nor a path starting with `/`.
  public init?(_ text: String) {
    let trimmed = text.trimmed
    var rest = Substring(trimmed)
    var origin: String?
    for scheme in ["https://", "http://"] where trimmed.lowercased().hasPrefix(scheme) {
      let afterScheme = trimmed.dropFirst(scheme.count)
      let host = afterScheme.prefix { $0 != "/" }
      guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "?" || $0 == "#" })
      else { return nil }
      origin = scheme + host
      rest = afterScheme.dropFirst(host.count)
    }
    if origin == nil && !rest.hasPrefix("/") { return nil }
    if rest.contains(where: { $0 == "?" || $0 == "#" || $0 == " " || $0 == "\"" || $0 == "<" }) {
      return nil
    }
    var path = String(rest)
    if !path.hasPrefix("/") { path = "/" + path }
    if !path.hasSuffix("/") { path += "/" }
    self.origin = origin
    self.path = path
  }

  /// The link to a page or file of the site; `sitePath` has no leading slash
  /// (`2024/platforms/`, `assets/logo.svg`, or empty for the home page).
  public func link(_ sitePath: SitePath) -> String {
    path + percentEncodedPath(sitePath.value)
  }

  /// The absolute URL when the origin is known, otherwise the same as `link`.
  public func absolute(_ sitePath: SitePath) -> String {
    (origin ?? "") + link(sitePath)
  }

  public var description: String { (origin ?? "") + path }
}

/// Encodes what may not stand raw in a URL path (CJK tag names, spaces), keeping `/`:
/// letters, digits, `-._~`, `:` and `/` stay; every other byte becomes `%XX`.
package func percentEncodedPath(_ path: String) -> String {
  func isAllowed(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E, 0x3A, 0x2F: true
    default: false
    }
  }
  guard !path.utf8.allSatisfy(isAllowed) else { return path }
  let hex = Array("0123456789ABCDEF".utf8)
  var encoded: [UInt8] = []
  encoded.reserveCapacity(path.utf8.count * 3)
  for byte in path.utf8 {
    if isAllowed(byte) {
      encoded.append(byte)
    } else {
      encoded += [0x25, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
    }
  }
  return String(decoding: encoded, as: UTF8.self)
}
