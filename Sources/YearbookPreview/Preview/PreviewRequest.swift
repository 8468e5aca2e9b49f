import Foundation
import YearbookBuild
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookRender

/// What the preview server does with a request path: which output file it names, a
/// redirect, or nothing. Files are looked up in memory by output path, so no request can
/// reach the disk; anything that even looks like a way out of the site (`..`, encoded
/// slashes or dots, backslashes, NUL) is refused outright.
public enum PreviewRequest: Equatable, Sendable {
  case file(OutputPath)
  case redirect(String)
  case notFound

  /// Paths the server answers itself, outside the site.
  public static let reloadScriptPath = "/__yearbook/live.js"
  public static let eventsPath = "/__yearbook/events"

  /// Whether a request's `Host` names this computer: `127.0.0.1`, `localhost`, `[::1]` or
  /// the host `serve` listens on, with or without a port. A page on another site can make
  /// a browser send requests here by pointing its own name at 127.0.0.1 (DNS rebinding);
  /// those carry that name, and are refused, event stream included.
  public static func allowsHost(_ header: String?, listeningOn configured: String) -> Bool {
    guard var host = header?.trimmingCharacters(in: .whitespaces).lowercased(), !host.isEmpty else { return false }
    if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
      let rest = host[host.index(after: close)...]
      guard
        rest.isEmpty || (rest.first == ":" && rest.dropFirst().allSatisfy(\.isASCII) && Int(rest.dropFirst()) != nil)
      else { return false }
      host = String(host[...close])
    } else if let colon = host.lastIndex(of: ":") {
      guard Int(host[host.index(after: colon)...]) != nil else { return false }
      host = String(host[..<colon])
    }
    let listening = configured.lowercased().contains(":") ? "[\(configured.lowercased())]" : configured.lowercased()
    return ["127.0.0.1", "localhost", "[::1]", listening].contains(host)
  }

  /// `rawPath` as the client sent it (percent-encoded, without the query); `basePath`
  /// is the site's base path (`/` or `/kjj/ndbg/`); `exists` says whether an output file is
  /// there.
  public static func resolve(_ rawPath: String, basePath: String, exists: (OutputPath) -> Bool) -> PreviewRequest {
    let lowered = rawPath.lowercased()
    guard rawPath.hasPrefix("/"), !rawPath.contains("\\"),
      !["%2f", "%5c", "%2e", "%00"].contains(where: { lowered.contains($0) }),
      let decoded = rawPath.removingPercentEncoding,
      !decoded.contains("\u{0}"), !decoded.contains("\\"), !decoded.contains("//")
    else { return .notFound }
    let segments = decoded.split(separator: "/", omittingEmptySubsequences: false)
    guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return .notFound }
    if decoded == "/" && basePath != "/" { return .redirect(basePath) }
    if decoded + "/" == basePath { return .redirect(basePath) }
    guard decoded.hasPrefix(basePath) else { return .notFound }
    let sitePath = SitePath(String(decoded.dropFirst(basePath.count)))
    if exists(sitePath.outputPath) { return .file(sitePath.outputPath) }
    // `/2024/talent` is the folder `/2024/talent/`.
    if !sitePath.isPage, exists(SitePath(sitePath.value + "/").outputPath) { return .redirect(rawPath + "/") }
    return .notFound
  }

  /// The `Content-Type` of an output file, with `charset=utf-8` for every text type.
  public static func contentType(of path: String) -> String {
    switch (path as NSString).pathExtension.lowercased() {
    case "html": "text/html; charset=utf-8"
    case "css": "text/css; charset=utf-8"
    case "js": "text/javascript; charset=utf-8"
    case "svg": "image/svg+xml; charset=utf-8"
    case "xml": "application/xml; charset=utf-8"
    case "csv": "text/csv; charset=utf-8"
    case "json": "application/json; charset=utf-8"
    case "txt": "text/plain; charset=utf-8"
    case "png": "image/png"
    case "jpg", "jpeg": "image/jpeg"
    case "gif": "image/gif"
    case "webp": "image/webp"
    case "ico": "image/x-icon"
    case "pdf": "application/pdf"
    case "woff2": "font/woff2"
    default: "application/octet-stream"
    }
  }
}

/// What the preview server adds to every HTML page it serves, and never to `build`
/// output: the live-reload script, and while the site is broken, the errors on top.
public enum PreviewInjection {
  /// Reloads the page when the server says the site changed (Server-Sent Events).
  public static let reloadScript = """
    (function () {
      var source = new EventSource("\(PreviewRequest.eventsPath)");
      source.addEventListener("reload", function () { location.reload(); });
    })();

    """

  /// `page` with the overlay (when there are errors) and the reload script before `</body>`.
  public static func inject(into page: Data, errors: [Diagnostic], language: Language) -> Data {
    var html = String(decoding: page, as: UTF8.self)
    let addition =
      overlay(errors, language: language) + "<script src=\"\(PreviewRequest.reloadScriptPath)\"></script>\n"
    if let end = html.range(of: "</body>", options: .backwards) {
      html.insert(contentsOf: addition, at: end.lowerBound)
    } else {
      html += addition
    }
    return Data(html.utf8)
  }

  /// What is served when the site has never built: the errors, and the reload script so
  /// the tab shows the site as soon as a fix is saved.
  public static func errorPage(_ errors: [Diagnostic], language: Language) -> Data {
    let page = """
      <!DOCTYPE html>
      <html lang="\(language.rawValue)">
      <head><meta charset="utf-8"><title>\(HTML.escape(Message.overlayPageTitle().text(language)))</title></head>
      <body>
      </body>
      </html>

      """
    return inject(into: Data(page.utf8), errors: errors, language: language)
  }

  /// The located errors of a failed rebuild, escaped, in a box over the page; empty when
  /// the site builds.
  public static func overlay(_ errors: [Diagnostic], language: Language) -> String {
    guard !errors.isEmpty else { return "" }
    let items = errors.map { "<li>\(HTML.escape($0.text(language)))</li>" }.joined()
    let title = HTML.escape(Message.overlayTitle().text(language))
    return """
      <div id="yearbook-preview-errors" role="alert" lang="\(language.rawValue)" style="position:fixed;top:0;left:0;right:0;max-height:60vh;overflow:auto;z-index:2147483647;margin:0;padding:12px 16px;background:#fff4f4;color:#7a0000;border-bottom:3px solid #c00000;font:14px/1.6 ui-monospace,monospace;white-space:pre-wrap"><strong>\(title)</strong><ol style="margin:8px 0 0;padding-left:1.5em">\(items)</ol></div>

      """
  }
}
