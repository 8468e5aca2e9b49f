/// Rewrites the tags of HTML that Yearbook wrote (cmark's output, charts, templates): the
/// same body becomes a CMS fragment whose classes and ids carry a prefix, or a part of a
/// print page whose ids must not clash with the other articles'. Only markup is touched:
/// text, where `<` and `"` are always escaped, passes through unchanged.
struct HTMLRewriter {
  /// The new value of an attribute (`class`, `id`, `href`…) of an element, or nil to keep it.
  var attribute: (_ element: Substring, _ name: Substring, _ value: Substring) -> String?
  /// The new name of an element (`h2` → `h3`), or nil to keep it.
  var element: (_ name: Substring) -> String? = { _ in nil }
  /// Attributes to add to an element, given those it has (` fill="#fff"`), or nil.
  var adding: ((_ element: Substring, _ attributes: [(name: Substring, value: Substring)]) -> String?)?

  func callAsFunction(_ html: String) -> String {
    var html = html
    return html.withUTF8 { bytes in
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count + bytes.count / 8)
      var index = 0
      while index < bytes.count {
        guard let open = Self.find(UInt8(ascii: "<"), in: bytes, from: index) else {
          out.append(contentsOf: bytes[index...])
          break
        }
        out.append(contentsOf: bytes[index..<open])
        guard let end = Self.tagEnd(in: bytes, from: open) else {
          out.append(contentsOf: bytes[open...])
          break
        }
        rewriteTag(bytes[open..<end], into: &out)
        index = end
      }
      return String(decoding: out, as: UTF8.self)
    }
  }

  private static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var index = start
    while index < bytes.count {
      if bytes[index] == byte { return index }
      index += 1
    }
    return nil
  }

  /// Where the tag starting at `start` ends (after its `>`), minding quoted values.
  private static func tagEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
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
    var quote: UInt8?
    var index = start + 1
    while index < bytes.count {
      let byte = bytes[index]
      if let open = quote {
        if byte == open { quote = nil }
      } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        quote = byte
      } else if byte == UInt8(ascii: ">") {
        return index + 1
      }
      index += 1
    }
    return nil
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
  }

  private func rewriteTag(_ tag: Slice<UnsafeBufferPointer<UInt8>>, into out: inout [UInt8]) {
    var index = tag.startIndex + 1
    let closing = index < tag.endIndex && tag[index] == UInt8(ascii: "/")
    if closing { index += 1 }
    guard index < tag.endIndex, Self.isLetter(tag[index]) else {
      out.append(contentsOf: tag)
      return
    }
    let nameStart = index
    while index < tag.endIndex, !Self.isSpace(tag[index]), tag[index] != UInt8(ascii: ">"),
      tag[index] != UInt8(ascii: "/")
    {
      index += 1
    }
    let name = Self.text(tag[nameStart..<index])
    out.append(contentsOf: tag[tag.startIndex..<nameStart])
    if let renamed = element(name) { out.append(contentsOf: renamed.utf8) } else { out.append(contentsOf: name.utf8) }
    var attributes: [(name: Substring, value: Substring)] = []
    while true {
      let spaceStart = index
      while index < tag.endIndex, Self.isSpace(tag[index]) { index += 1 }
      out.append(contentsOf: tag[spaceStart..<index])
      guard index < tag.endIndex, tag[index] != UInt8(ascii: ">"), tag[index] != UInt8(ascii: "/") else { break }
      let attributeStart = index
      while index < tag.endIndex, !Self.isSpace(tag[index]), tag[index] != UInt8(ascii: "="),
        tag[index] != UInt8(ascii: ">"), tag[index] != UInt8(ascii: "/")
      {
        index += 1
      }
      let attributeName = Self.text(tag[attributeStart..<index])
      out.append(contentsOf: attributeName.utf8)
      guard index < tag.endIndex, tag[index] == UInt8(ascii: "=") else { continue }
      out.append(UInt8(ascii: "="))
      index += 1
      var quote: UInt8?
      if index < tag.endIndex, tag[index] == UInt8(ascii: "\"") || tag[index] == UInt8(ascii: "'") {
        quote = tag[index]
        out.append(tag[index])
        index += 1
      }
      let valueStart = index
      while index < tag.endIndex {
        let byte = tag[index]
        if let quote, byte == quote { break }
        if quote == nil, Self.isSpace(byte) || byte == UInt8(ascii: ">") { break }
        index += 1
      }
      let value = Self.text(tag[valueStart..<index])
      if adding != nil { attributes.append((attributeName, value)) }
      if let renamed = attribute(name, attributeName, value) {
        out.append(contentsOf: renamed.utf8)
      } else {
        out.append(contentsOf: value.utf8)
      }
      if let quote, index < tag.endIndex, tag[index] == quote {
        out.append(quote)
        index += 1
      }
    }
    if !closing, let added = adding?(name, attributes) { out.append(contentsOf: added.utf8) }
    out.append(contentsOf: tag[index..<tag.endIndex])
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
  }

  private static func text(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Substring {
    Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self))
  }
}

extension HTMLRewriter {
  /// Attributes whose value names ids: they follow the ids when those are renamed.
  static func rename(
    ids rename: @escaping (Substring) -> String, classes renameClass: ((Substring) -> String)? = nil
  ) -> HTMLRewriter {
    HTMLRewriter { _, name, value in
      switch name {
      case "id", "for":
        return rename(value)
      case "aria-labelledby", "aria-describedby", "headers":
        return value.split(separator: " ").map(rename).joined(separator: " ")
      case "href", "xlink:href":
        guard value.first == "#", value.count > 1 else { return nil }
        return "#" + rename(value.dropFirst())
      case "fill", "stroke", "clip-path", "mask":
        guard value.hasPrefix("url(#"), value.hasSuffix(")") else { return nil }
        return "url(#" + rename(value.dropFirst(5).dropLast()) + ")"
      case "class":
        guard let renameClass else { return nil }
        return value.split(separator: " ").map(renameClass).joined(separator: " ")
      default:
        return nil
      }
    }
  }
}
