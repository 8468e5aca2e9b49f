import YearbookCore

/// The opening of an article's body as a CMS shows a fragment whose `<link>` it dropped:
/// the 嵌入本页 box renders it with every style reverted to the browser's own, so the editor
/// sees what the portal would show. Only text blocks are taken (headings, paragraphs,
/// lists), until about `length` characters of text, without ids (the page has them).
///
/// It runs once per article on the whole body, so it scans UTF-8 bytes: tag names and
/// the markup it looks for are ASCII, and a `<` byte never occurs inside a multi-byte
/// character.
package enum UnstyledSample {
  static let blocks: [[UInt8]] = ["p", "h2", "h3", "h4", "ul", "ol", "blockquote"].map { Array($0.utf8) }

  package static func of(body: String, length: Int = 240) -> String {
    var sample = ""
    var text = 0
    var body = body
    body.withUTF8 { bytes in
      var index = 0
      while text < length, let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
        let nameEnd = bytes[(open + 1)...].firstIndex { !isASCIIAlphanumeric($0) } ?? bytes.endIndex
        let name = Array(bytes[(open + 1)..<nameEnd])
        guard blocks.contains(name), let end = closing(of: name, in: bytes, from: open) else {
          // A figure, a table's scroll box or the contents: the sample is the text before it.
          if sample.isEmpty, let next = bytes[(open + 1)...].firstIndex(of: UInt8(ascii: "\n")) {
            index = next
            continue
          }
          break
        }
        let block = bytes[open..<end]
        sample += withoutIDs(block) + "\n"
        text += textLength(block)
        index = end
      }
    }
    return sample
  }

  /// The end of the element opening at `start`, counting nested ones of the same name.
  static func closing(of name: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var depth = 0
    var index = start
    while let tag = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
      let after = bytes[(tag + 1)...]
      if after.first == UInt8(ascii: "/"), after.dropFirst().starts(with: name),
        after.dropFirst(1 + name.count).first == UInt8(ascii: ">")
      {
        depth -= 1
        let end = tag + name.count + 3
        if depth == 0 { return end }
        index = end
      } else {
        if after.starts(with: name), let next = after.dropFirst(name.count).first,
          next == UInt8(ascii: " ") || next == UInt8(ascii: ">")
        {
          depth += 1
        }
        index = tag + 1
      }
    }
    return nil
  }

  /// The block's text length in Unicode scalars: its bytes outside tags that do not
  /// continue a multi-byte character.
  static func textLength(_ block: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
    var count = 0
    var inTag = false
    for byte in block {
      if byte == UInt8(ascii: "<") {
        inTag = true
      } else if byte == UInt8(ascii: ">") {
        inTag = false
      } else if !inTag && byte & 0xC0 != 0x80 {
        count += 1
      }
    }
    return count
  }

  static func withoutIDs(_ block: Slice<UnsafeBufferPointer<UInt8>>) -> String {
    let marker = Array(" id=\"".utf8)
    var kept: [UInt8] = []
    kept.reserveCapacity(block.count)
    var index = block.startIndex
    while index < block.endIndex {
      if block[index] == UInt8(ascii: " "), block[index...].starts(with: marker),
        let quote = block[(index + marker.count)...].firstIndex(of: UInt8(ascii: "\""))
      {
        index = quote + 1
      } else {
        kept.append(block[index])
        index += 1
      }
    }
    return String(decoding: kept, as: UTF8.self)
  }

  static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }
}
