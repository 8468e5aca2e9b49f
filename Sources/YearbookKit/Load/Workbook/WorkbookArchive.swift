import Foundation
import ZIPFoundation

/// The parts of an .xlsx file, a zip of XML files, each unpacked under a size limit: a
/// hostile file can declare small sizes and unpack to gigabytes. Read from the file, not
/// from memory: ZIPFoundation 0.9.20's in-memory archive traps when a damaged directory
/// points past the end of the data (found by fuzzing), where a file read simply ends.
struct WorkbookArchive {
  /// No part of a real bureau workbook comes near this.
  static let partLimit = 64 << 20

  private let archive: Archive
  private let location: SourceLocation

  init(url: URL, file: String) throws(WorkbookError) {
    location = SourceLocation(file: file)
    do {
      archive = try Archive(url: url, accessMode: .read)
    } catch {
      throw WorkbookError(
        message:
          "not a readable .xlsx workbook (it is not a zip archive); save it again from Excel or WPS as \"Excel 工作簿 (*.xlsx)\"",
        location: location)
    }
  }

  /// The part at `path` (`xl/workbook.xml`), or nil when the archive has none.
  func part(_ path: String) throws(WorkbookError) -> Data? {
    guard let entry = archive[path] else { return nil }
    guard entry.uncompressedSize <= UInt64(Self.partLimit) else { throw tooLarge(path) }
    var data = Data()
    do {
      // ZIPFoundation computes the checksum of what it hands over but does not compare it.
      let checksum = try archive.extract(entry, skipCRC32: false) { chunk in
        data.append(chunk)
        if data.count > Self.partLimit { throw CocoaError(.fileReadTooLarge) }
      }
      if checksum != entry.checksum { throw CocoaError(.fileReadCorruptFile) }
    } catch let error as CocoaError where error.code == .fileReadTooLarge {
      throw tooLarge(path)
    } catch {
      throw WorkbookError(
        message: "the workbook is damaged: its part \(path) cannot be unpacked; save it again from Excel or WPS",
        location: location)
    }
    return data
  }

  private func tooLarge(_ path: String) -> WorkbookError {
    WorkbookError(
      message:
        "the workbook's part \(path) unpacks to more than \(Self.partLimit >> 20) MiB, far beyond any table a report needs; split the workbook",
      location: location)
  }
}
