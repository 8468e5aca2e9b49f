import Foundation

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
  public func link(_ sitePath: String) -> String {
    path + percentEncodedPath(sitePath)
  }

  /// The absolute URL when the origin is known, otherwise the same as `link`.
  public func absolute(_ sitePath: String) -> String {
    (origin ?? "") + link(sitePath)
  }

  public var description: String { (origin ?? "") + path }
}

/// Encodes what may not stand raw in a URL path (CJK tag names, spaces), keeping `/`.
func percentEncodedPath(_ path: String) -> String {
  var allowed = CharacterSet.urlPathAllowed
  allowed.remove(charactersIn: "?#[]@!$&'()*+,;=")
  return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
}
