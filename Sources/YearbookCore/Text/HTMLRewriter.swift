import Foundation

/// Rewrites the tags of HTML that Yearbook wrote (cmark's output, charts, templates): the
/// same body becomes a CMS fragment whose classes and ids carry a prefix, or a part of a
/// print page whose ids must not clash with the other articles'. Only markup is touched:
/// text, where `<` and `"` are always escaped, passes through unchanged.
package struct HTMLRewriter {
  /// The new value of an attribute (`class`, `id`, `href`…), or nil to keep it.
  package var attribute: (_ name: Substring, _ value: Substring) -> String?
  /// The attributes `attribute` is asked about; nil for all. Others are copied as bytes.
  package var watched: Set<String>? {
    didSet { watchedNames = watched.map { $0.map { Array($0.utf8) } } }
  }
  /// `watched` as bytes, compared with each attribute's name where it lies in the tag.
  private var watchedNames: [[UInt8]]?
  /// Elements given a new name (`h2` → `h3`), in their opening and closing tags.
  package var renamedElements: [String: String] = [:] {
    didSet { elementNames = renamedElements.map { (Array($0.key.utf8), $0.value) } }
  }
  /// `renamedElements` as bytes, compared with each tag's name where it lies.
  private var elementNames: [(from: [UInt8], to: String)] = []
  /// Copies what is inside each chart's `<svg>` unchanged (its tag itself is rewritten):
  /// the rename rewriters leave Yearbook's charts as they are, whose names all start with
  /// `yb-`, and most tags of a chart-heavy body are inside its charts.
  package var passesOverSVG = false
  /// Keeps, without asking `attribute`, an attribute naming ids or classes whose every name
  /// starts with `yb-`: Yearbook's own, which the rename rewriters leave as they are. Most
  /// of a chart figure's attributes are such, and asking would make two strings of each.
  package var keepsOwnNames = false

  private static let nameListAttributes = ["id", "for", "class", "aria-labelledby", "aria-describedby", "headers"].map {
    Array($0.utf8)
  }

  package func callAsFunction(_ html: String) -> String {
    var html = html
    html.makeContiguousUTF8()
    // The input is copied in runs between the changes, as slices of the string itself:
    // it is valid UTF-8 already, and a tag that stays as it is costs no copy of its own.
    var output = ""
    output.reserveCapacity(html.utf8.count + html.utf8.count / 8)
    var copied = 0
    func copy(upTo end: Int) {
      guard end > copied else { return }
      output += html.utf8Slice(copied..<end)
      copied = end
    }
    var edits: [Edit] = []
    html.utf8.withContiguousStorageIfAvailable { bytes in
      var index = 0
      while index < bytes.count {
        guard let open = Self.find(in: bytes, from: index), let end = Self.tagEnd(in: bytes, from: open) else { break }
        rewriteTag(bytes[open..<end], into: &edits)
        for edit in edits {
          copy(upTo: edit.range.lowerBound)
          output += edit.replacement
          copied = edit.range.upperBound
        }
        edits.removeAll(keepingCapacity: true)
        index = end
        if passesOverSVG, Self.startsChartSVG(bytes[open..<end]), let close = Self.svgEnd(in: bytes, from: end) {
          index = close
        }
      }
    }
    copy(upTo: html.utf8.count)
    return output
  }

  /// One change to the input: the bytes in `range` (offsets into it) become `replacement`.
  private struct Edit {
    var range: Range<Int>
    var replacement: String
  }

  private static let svgClose = Array("</svg>".utf8)

  private static let chartClass = Array("class=\"yb-chart-svg".utf8)

  /// A chart's `<svg>` tag, which Yearbook wrote; not one written in raw HTML.
  private static func startsChartSVG(_ tag: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    guard tag.count > 5, tag[tag.startIndex + 1] == 0x73, tag[tag.startIndex + 2] == 0x76,
      tag[tag.startIndex + 3] == 0x67, tag[tag.startIndex + 4] == 0x20
    else { return false }
    var index = tag.startIndex
    while index + chartClass.count <= tag.endIndex {
      if tag[index] == chartClass[0], chartClass.indices.allSatisfy({ tag[index + $0] == chartClass[$0] }) {
        return true
      }
      index += 1
    }
    return false
  }

  /// Where the `</svg>` after `start` begins (Yearbook's SVGs do not nest).
  private static func svgEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var index = start
    while let open = find(in: bytes, from: index) {
      if open + svgClose.count <= bytes.count, svgClose.indices.allSatisfy({ bytes[open + $0] == svgClose[$0] }) {
        return open
      }
      index = open + 1
    }
    return nil
  }

  /// The next `<`, by memchr.
  package static func find(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard let base = bytes.baseAddress, let hit = memchr(base + start, 0x3C, bytes.count - start) else { return nil }
    return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
  }

  /// Where the tag starting at `start` ends (after its `>`), minding quoted values.
  package static func tagEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    let dash = UInt8(ascii: "-")
    if start + 3 < bytes.count, bytes[start + 1] == UInt8(ascii: "!"), bytes[start + 2] == dash,
      bytes[start + 3] == dash
    {
      var index = start + 4
      while index + 2 < bytes.count {
        if bytes[index] == dash, bytes[index + 1] == dash, bytes[index + 2] == UInt8(ascii: ">") { return index + 3 }
        index += 1
      }
      return nil
    }
    guard let base = bytes.baseAddress else { return nil }
    var index = start + 1
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        // A quoted value (a chart's path data runs long) is passed over by memchr.
        guard let close = memchr(base + index + 1, Int32(byte), bytes.count - index - 1) else { return nil }
        index = base.distance(to: close.assumingMemoryBound(to: UInt8.self)) + 1
        continue
      }
      if byte == UInt8(ascii: ">") { return index + 1 }
      index += 1
    }
    return nil
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
  }

  private func rewriteTag(_ tag: Slice<UnsafeBufferPointer<UInt8>>, into edits: inout [Edit]) {
    var index = tag.startIndex + 1
    if index < tag.endIndex && tag[index] == UInt8(ascii: "/") { index += 1 }
    guard index < tag.endIndex, Self.isLetter(tag[index]) else { return }
    let nameStart = index
    while index < tag.endIndex, !Self.isSpace(tag[index]), tag[index] != UInt8(ascii: ">"),
      tag[index] != UInt8(ascii: "/")
    {
      index += 1
    }
    let name = tag[nameStart..<index]
    if let renamed = elementNames.first(where: { $0.from.elementsEqual(name) }) {
      edits.append(Edit(range: nameStart..<index, replacement: renamed.to))
    }
    while true {
      while index < tag.endIndex, Self.isSpace(tag[index]) { index += 1 }
      guard index < tag.endIndex, tag[index] != UInt8(ascii: ">"), tag[index] != UInt8(ascii: "/") else { break }
      let attributeStart = index
      while index < tag.endIndex, !Self.isSpace(tag[index]), tag[index] != UInt8(ascii: "="),
        tag[index] != UInt8(ascii: ">"), tag[index] != UInt8(ascii: "/")
      {
        index += 1
      }
      let nameBytes = tag[attributeStart..<index]
      guard index < tag.endIndex, tag[index] == UInt8(ascii: "=") else { continue }
      index += 1
      var quote: UInt8?
      if index < tag.endIndex, tag[index] == UInt8(ascii: "\"") || tag[index] == UInt8(ascii: "'") {
        quote = tag[index]
        index += 1
      }
      let valueStart = index
      while index < tag.endIndex {
        let byte = tag[index]
        if let quote, byte == quote { break }
        if quote == nil, Self.isSpace(byte) || byte == UInt8(ascii: ">") { break }
        index += 1
      }
      let keptAsOwn =
        keepsOwnNames && Self.nameListAttributes.contains(where: { $0.elementsEqual(nameBytes) })
        && Self.allOwnNames(tag[valueStart..<index])
      if !keptAsOwn, watchedNames?.contains(where: { $0.elementsEqual(nameBytes) }) != false,
        let renamed = attribute(Self.text(nameBytes), Self.text(tag[valueStart..<index]))
      {
        edits.append(Edit(range: valueStart..<index, replacement: renamed))
      }
      if quote != nil, index < tag.endIndex, tag[index] == quote { index += 1 }
    }
  }

  /// Whether every space-separated name in `value` starts with `yb-` (and there is one).
  private static func allOwnNames(_ value: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    var index = value.startIndex
    var names = 0
    while index < value.endIndex {
      if value[index] == 0x20 {
        index += 1
        continue
      }
      guard index + 3 <= value.endIndex, value[index] == UInt8(ascii: "y"), value[index + 1] == UInt8(ascii: "b"),
        value[index + 2] == UInt8(ascii: "-")
      else { return false }
      names += 1
      while index < value.endIndex, value[index] != 0x20 { index += 1 }
    }
    return names > 0
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
  }

  private static func text(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Substring {
    Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self))
  }
}

extension HTMLRewriter {
  /// The same rewriter that also writes root-relative `href` and `src` values (`/2024/`,
  /// `/charts/x.svg`) as absolute URLs of `origin`, for HTML pasted into a page on another
  /// host.
  package func absolutingLinks(origin: String) -> HTMLRewriter {
    var rewriter = self
    let escapedOrigin = HTML.escape(origin)
    let other = attribute
    rewriter.attribute = { name, value in
      if name == "href" || name == "src", value.hasPrefix("/"), !value.hasPrefix("//") {
        return escapedOrigin + value
      }
      return other(name, value)
    }
    rewriter.watched = watched.map { $0.union(["href", "src"]) }
    return rewriter
  }

  /// Only root-relative links made absolute (see `absolutingLinks`); a chart's SVG is left
  /// as it is.
  package static func absoluteLinks(origin: String) -> HTMLRewriter {
    var rewriter = HTMLRewriter { _, _ in nil }
    rewriter.watched = []
    rewriter.passesOverSVG = true
    return rewriter.absolutingLinks(origin: origin)
  }

  /// Prefixes every id (and every attribute naming one) with `idPrefix`, and every class
  /// with `classPrefix`, except names that already start with `yb-`: Yearbook's own, such
  /// as a chart's, which are unique across the site already.
  package static func rename(idPrefix: String, classPrefix: String? = nil) -> HTMLRewriter {
    let rename = { (id: Substring) -> String? in id.hasPrefix("yb-") ? nil : idPrefix + id }
    let renameAll = { (list: Substring, prefix: String) -> String? in
      let names = list.split(separator: " ")
      guard names.contains(where: { !$0.hasPrefix("yb-") }) else { return nil }
      return names.map { $0.hasPrefix("yb-") ? String($0) : prefix + $0 }.joined(separator: " ")
    }
    var rewriter = HTMLRewriter { name, value in
      switch name {
      case "id", "for":
        return rename(value)
      case "aria-labelledby", "aria-describedby", "headers":
        return renameAll(value, idPrefix)
      case "href", "xlink:href":
        guard value.first == "#", value.count > 1 else { return nil }
        return rename(value.dropFirst()).map { "#" + $0 }
      case "fill", "stroke", "clip-path", "mask":
        guard value.hasPrefix("url(#"), value.hasSuffix(")") else { return nil }
        return rename(value.dropFirst(5).dropLast()).map { "url(#" + $0 + ")" }
      case "class":
        return classPrefix.flatMap { renameAll(value, $0) }
      default:
        return nil
      }
    }
    rewriter.passesOverSVG = true
    rewriter.keepsOwnNames = true
    rewriter.watched = [
      "id", "for", "aria-labelledby", "aria-describedby", "headers", "href", "xlink:href", "fill", "stroke",
      "clip-path", "mask",
    ]
    if classPrefix != nil { rewriter.watched?.insert("class") }
    return rewriter
  }
}
