import Foundation
import YearbookCore
import YearbookModel

/// Turns a file's bytes into text. UTF-8 (with or without BOM) is expected; files saved
/// as GB18030/GBK, as Chinese editions of Windows and WPS often do, are converted with a
/// warning rather than rejected, because the editor cannot see the difference.
package enum TextDecoding {
  package static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

  package static func decode(_ data: Data, file: SourcePath) -> (String?, Diagnostic?) {
    // A NUL byte ends a C string: everything after it would vanish inside cmark or libyaml.
    // memchr: Data's own search checks exclusive access at every byte.
    let nulOffset = data.withUnsafeBytes { bytes -> Int? in
      guard let base = bytes.baseAddress, let found = memchr(base, 0, bytes.count) else { return nil }
      return base.distance(to: UnsafeRawPointer(found))
    }
    if let nulOffset {
      let (line, column) = position(ofByte: nulOffset, in: data)
      return (
        nil,
        .error(
          .nulByte(),
          at: SourceLocation(file: file, line: line, column: column))
      )
    }
    if let text = String(validating: data, as: UTF8.self) { return (text, nil) }
    if let text = String(data: data, encoding: gb18030), looksLikeChinese(text) {
      return (
        text,
        .warning(
          .readAsGB18030(),
          at: SourceLocation(file: file))
      )
    }
    let offset = firstInvalidUTF8Offset(data)
    let (line, column) = position(ofByte: offset, in: data)
    return (
      nil,
      .error(
        .invalidByte(String(format: "%02X", data[data.startIndex + offset])),
        at: SourceLocation(file: file, line: line, column: column))
    )
  }

  /// A real GB18030 text decodes to Chinese characters and no control characters; random
  /// bytes that happen to decode do not.
  private static func looksLikeChinese(_ text: String) -> Bool {
    var ideographs = 0
    for scalar in text.unicodeScalars {
      if scalar.value < 0x20 && scalar != "\n" && scalar != "\r" && scalar != "\t" { return false }
      if (0x4E00...0x9FFF).contains(scalar.value) { ideographs += 1 }
    }
    return ideographs > 0
  }

  package static func firstInvalidUTF8Offset(_ data: Data) -> Int {
    var iterator = data.makeIterator()
    var decoder = UTF8()
    var offset = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): offset += UTF8.width(scalar)
      case .emptyInput, .error: return min(offset, max(data.count - 1, 0))
      }
    }
  }

  private static func position(ofByte offset: Int, in data: Data) -> (Int, Int) {
    let prefix = [UInt8](data.prefix(offset))
    let line = prefix.filter { $0 == UInt8(ascii: "\n") }.count + 1
    let lineStart = (prefix.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }) ?? 0
    let column = String(decoding: prefix[lineStart...], as: UTF8.self).count + 1
    return (line, column)
  }
}
