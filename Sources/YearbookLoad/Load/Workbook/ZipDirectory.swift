import Foundation
import YearbookCore
import YearbookModel

/// Where each file of a zip archive lies, read from its central directory with every
/// offset and length checked against the archive's size. Ours rather than ZIPFoundation's
/// `Archive`, which fuzzing showed trapping on a directory that points past the end of the
/// data and never finishing a deflate stream cut short (its reader keeps asking the file
/// for more after the end); here each file's compressed bytes are known exactly, so the
/// inflater is given those and no more. Only what .xlsx files use is read: stored and
/// deflated files, no ZIP64 (no workbook part comes near 4 GiB), no encryption.
package struct ZipDirectory {
  package struct Entry {
    var path: String
    /// 0 stored, 8 deflated.
    var method: UInt16
    var checksum: UInt32
    var uncompressedSize: Int
    /// The file's bytes as stored, inside the archive's data.
    var stored: Range<Int>
  }

  package enum Problem: Error, Equatable {
    case notAZipArchive
    case damaged(Message)
    case encrypted
  }

  package let entries: [String: Entry]

  private static let endSignature: UInt32 = 0x0605_4b50
  private static let centralSignature: UInt32 = 0x0201_4b50
  private static let localSignature: UInt32 = 0x0403_4b50

  package init(_ data: Data) throws(Problem) {
    let bytes = Bytes(data: data)
    let end = try Self.endRecord(bytes)
    let count = bytes.uint16(end + 10) ?? 0
    guard let size = bytes.uint32(end + 12), let start = bytes.uint32(end + 16) else {
      throw .notAZipArchive
    }
    if start == 0xFFFF_FFFF || count == 0xFFFF { throw .damaged(.zip64Directory()) }
    guard Int(start) + Int(size) <= end else { throw .damaged(.zipDirectoryOutside()) }

    var entries: [String: Entry] = [:]
    var offset = Int(start)
    for _ in 0..<count {
      guard bytes.uint32(offset) == Self.centralSignature,
        let flags = bytes.uint16(offset + 8), let method = bytes.uint16(offset + 10),
        let checksum = bytes.uint32(offset + 16), let compressedSize = bytes.uint32(offset + 20),
        let uncompressedSize = bytes.uint32(offset + 24), let nameLength = bytes.uint16(offset + 28),
        let extraLength = bytes.uint16(offset + 30), let commentLength = bytes.uint16(offset + 32),
        let localOffset = bytes.uint32(offset + 42),
        let name = bytes.slice(offset + 46, Int(nameLength))
      else { throw .damaged(.zipEntryCut(entries.count + 1)) }
      let path = String(decoding: name, as: UTF8.self)
      if flags & 1 != 0 { throw .encrypted }
      let stored = try Self.storedBytes(
        bytes, localHeader: Int(localOffset), compressedSize: Int(compressedSize), path: path)
      entries[path] = Entry(
        path: path, method: method, checksum: checksum, uncompressedSize: Int(uncompressedSize),
        stored: stored)
      offset += 46 + Int(nameLength) + Int(extraLength) + Int(commentLength)
    }
    self.entries = entries
  }

  /// The end-of-central-directory record: the last 22 bytes, or earlier when the archive
  /// ends with a comment (at most 65,535 bytes).
  private static func endRecord(_ bytes: Bytes) throws(Problem) -> Int {
    let last = bytes.count - 22
    guard last >= 0 else { throw .notAZipArchive }
    for offset in stride(from: last, through: max(0, last - 0xFFFF), by: -1)
    where bytes.uint32(offset) == endSignature {
      return offset
    }
    throw .notAZipArchive
  }

  /// Where a file's data lies: after its local header, whose name and extra field may
  /// differ in length from the directory's.
  private static func storedBytes(_ bytes: Bytes, localHeader: Int, compressedSize: Int, path: String)
    throws(Problem) -> Range<Int>
  {
    guard bytes.uint32(localHeader) == localSignature,
      let nameLength = bytes.uint16(localHeader + 26), let extraLength = bytes.uint16(localHeader + 28)
    else { throw .damaged(.zipPartMisplaced(path)) }
    let start = localHeader + 30 + Int(nameLength) + Int(extraLength)
    guard start + compressedSize <= bytes.count else { throw .damaged(.zipPartCut(path)) }
    return start..<(start + compressedSize)
  }

  /// Little-endian reads that answer nil outside the data instead of trapping.
  private struct Bytes {
    let data: Data
    var count: Int { data.count }

    func slice(_ offset: Int, _ length: Int) -> Data? {
      guard offset >= 0, length >= 0, offset + length <= data.count else { return nil }
      let start = data.startIndex + offset
      return data[start..<(start + length)]
    }

    func uint16(_ offset: Int) -> UInt16? {
      slice(offset, 2).map { UInt16($0[$0.startIndex]) | UInt16($0[$0.startIndex + 1]) << 8 }
    }

    func uint32(_ offset: Int) -> UInt32? {
      guard let low = uint16(offset), let high = uint16(offset + 2) else { return nil }
      return UInt32(low) | UInt32(high) << 16
    }
  }
}
