import Foundation

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

/// Reads the tags of HTML that Yearbook wrote: names, attributes with entities decoded,
/// and ids. Not a general HTML parser; enough for checking links in our own output,
/// whose markup comes from cmark and the templates.
struct HTMLScanner {
  struct Tag {
    var name: String
    var attributes: [String: String]
    /// Line in the page, for messages.
    var line: Int

    /// The one script Yearbook writes: an embed page's `<script src="…/js/yearbook-embed.js"
    /// defer>`, a file of the site itself, nothing inline.
    /// The search page's one script, a file of the site.
    var isSearchScript: Bool {
      guard name == "script", let source = attributes["src"] else { return false }
      return source.hasPrefix("/") && !source.hasPrefix("//") && source.hasSuffix("/js/yearbook-search.js")
        && Set(attributes.keys) == ["src", "defer"]
    }

    /// The script a page may load from the site: the embed script on embed pages, the
    /// search script on the search page.
    func isOwnScript(onPage path: String) -> Bool {
      (path.hasPrefix("embed/") && isEmbedScript) || (path == "search/index.html" && isSearchScript)
    }

    var isEmbedScript: Bool {
      guard name == "script", let source = attributes["src"] else { return false }
      return source.hasPrefix("/") && !source.hasPrefix("//") && source.hasSuffix("/js/yearbook-embed.js")
        && Set(attributes.keys) == ["src", "defer"]
    }
  }

  static func tags(in html: String) -> [Tag] {
    var tags: [Tag] = []
    let bytes = Array(html.utf8)
    var index = 0
    var line = 1
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\n") { line += 1 }
      guard byte == UInt8(ascii: "<"), index + 1 < bytes.count else {
        index += 1
        continue
      }
      // Skip comments whole: their content is not markup.
      if bytes[index...].starts(with: Array("<!--".utf8)) {
        var end = index + 4
        while end + 2 < bytes.count && !(bytes[end] == 0x2D && bytes[end + 1] == 0x2D && bytes[end + 2] == 0x3E) {
          if bytes[end] == UInt8(ascii: "\n") { line += 1 }
          end += 1
        }
        index = end + 3
        continue
      }
      var cursor = index + 1
      let nameStart = cursor
      while cursor < bytes.count, isNameByte(bytes[cursor]) { cursor += 1 }
      guard cursor > nameStart else {
        index += 1
        continue
      }
      let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self).lowercased()
      var attributes: [String: String] = [:]
      let tagLine = line
      while cursor < bytes.count && bytes[cursor] != UInt8(ascii: ">") {
        if bytes[cursor] == UInt8(ascii: "\n") { line += 1 }
        guard isNameByte(bytes[cursor]) else {
          cursor += 1
          continue
        }
        let attributeStart = cursor
        while cursor < bytes.count, isNameByte(bytes[cursor]) { cursor += 1 }
        let attribute = String(decoding: bytes[attributeStart..<cursor], as: UTF8.self).lowercased()
        var value = ""
        if cursor < bytes.count && bytes[cursor] == UInt8(ascii: "=") {
          cursor += 1
          if cursor < bytes.count && (bytes[cursor] == 0x22 || bytes[cursor] == 0x27) {
            let quote = bytes[cursor]
            let valueStart = cursor + 1
            cursor = valueStart
            while cursor < bytes.count && bytes[cursor] != quote {
              if bytes[cursor] == UInt8(ascii: "\n") { line += 1 }
              cursor += 1
            }
            value = String(decoding: bytes[valueStart..<min(cursor, bytes.count)], as: UTF8.self)
            cursor += 1
          } else {
            let valueStart = cursor
            while cursor < bytes.count && bytes[cursor] != 0x20 && bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
            value = String(decoding: bytes[valueStart..<cursor], as: UTF8.self)
          }
        }
        attributes[attribute] = decodeEntities(value)
      }
      tags.append(Tag(name: name, attributes: attributes, line: tagLine))
      index = cursor + 1
    }
    return tags
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
      || byte == 0x5F || byte == 0x3A
  }

  static func decodeEntities(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var result = HTML.unescape(text)
    // Numeric references, as cmark writes for some characters.
    while let match = result.firstMatch(of: /&#(x?)([0-9a-fA-F]+);/) {
      let code = UInt32(match.2, radix: match.1.isEmpty ? 10 : 16) ?? 0xFFFD
      result.replaceSubrange(match.range, with: String(Unicode.Scalar(code).map(Character.init) ?? "\u{FFFD}"))
    }
    return result
  }
}
