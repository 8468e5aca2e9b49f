import Foundation

/// Where one run of bytes first occurs in another, at or after `start`: memchr for each
/// candidate's last byte, memcmp for the whole (Glibc's memmem is not visible to Swift,
/// and Foundation's string search converts to UTF-16).
package enum ByteSearch {
  package static func firstIndex(
    of needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from start: Int
  ) -> Int? {
    guard let base = bytes.baseAddress, let needleBase = needle.baseAddress, needle.count > 0 else { return nil }
    // Candidates are found by the needle's last byte: in Chinese text a character's first
    // byte (E4-E9) recurs every few bytes, its last one far less often.
    let last = needle.count - 1
    var index = start
    while bytes.count - index >= needle.count,
      let hit = memchr(base + index + last, Int32(needleBase[last]), bytes.count - index - last)
    {
      let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - last
      if memcmp(base + offset, needleBase, needle.count) == 0 { return offset }
      index = offset + 1
    }
    return nil
  }

  /// Whether `text` holds `byte`, by memchr: a generic `utf8.contains` walks byte by byte,
  /// and every article is asked for `|` and `\r`.
  package static func contains(_ byte: UInt8, in text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      guard let base = bytes.baseAddress else { return false }
      return memchr(base, Int32(byte), bytes.count) != nil
    }
  }
}
