import Foundation
import YearbookCore
import YearbookModel

/// The parts of an .xlsx file, a zip of XML files, each unpacked under a size limit: a
/// hostile file can declare small sizes and unpack to gigabytes. Where each part lies is
/// read by `ZipDirectory`; `Inflate` unpacks each from exactly its stored bytes.
package struct WorkbookArchive {
  /// No part of a real bureau workbook comes near this.
  package static let partLimit = 64 << 20
  /// Nor does a whole workbook, whose parts are compressed.
  package static let fileLimit = 128 << 20

  private let data: Data
  private let directory: ZipDirectory
  private let location: SourceLocation

  package init(url: URL, file: SourcePath) throws(WorkbookError) {
    location = SourceLocation(file: file)
    let size = (try? url.resourceValues(forKeys: [.fileSizeKey]).fileSize) ?? 0
    // Not read at all: Foundation leaks a buffer reading an empty file (found by fuzzing).
    guard size > 0 else { throw Self.error(.notAZipArchive, location: location) }
    guard size <= Self.fileLimit else {
      throw WorkbookError(
        message: .workbookTooLarge(mebibytes: Self.fileLimit >> 20),
        location: location)
    }
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw WorkbookError(message: .workbookUnreadable(FileProblem.reason(error)), location: location)
    }
    // Excel keeps a workbook with an opening password, like an old .xls, in a compound file.
    if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
      throw WorkbookError(
        message: .workbookProtected(),
        location: location)
    }
    do {
      directory = try ZipDirectory(data)
    } catch {
      throw Self.error(error, location: location)
    }
  }

  private static func error(_ problem: ZipDirectory.Problem, location: SourceLocation) -> WorkbookError {
    switch problem {
    case .notAZipArchive:
      WorkbookError(
        message: .workbookNotZip(),
        location: location)
    case .encrypted:
      WorkbookError(
        message: .workbookEncrypted(),
        location: location)
    case .damaged(let what):
      WorkbookError(message: .workbookDamaged(what), location: location)
    }
  }

  /// The part at `path` (`xl/workbook.xml`), or nil when the archive has none.
  package func part(_ path: String) throws(WorkbookError) -> Data? {
    guard let entry = directory.entries[path] else { return nil }
    guard entry.uncompressedSize <= Self.partLimit else { throw tooLarge(path) }
    let stored = data[(data.startIndex + entry.stored.lowerBound)..<(data.startIndex + entry.stored.upperBound)]
    let unpacked: Data
    switch entry.method {
    case 0:
      unpacked = Data(stored)
    case 8:
      do {
        unpacked = try Inflate.raw(stored, limit: Self.partLimit)
      } catch .tooLarge {
        throw tooLarge(path)
      } catch {
        throw damaged(path)
      }
    default:
      throw WorkbookError(
        message: .workbookUnusualCompression(path, method: Int(entry.method)),
        location: location)
    }
    guard Inflate.checksum(unpacked) == entry.checksum, unpacked.count == entry.uncompressedSize else {
      throw damaged(path)
    }
    return unpacked
  }

  private func damaged(_ part: String) -> WorkbookError {
    WorkbookError(
      message: .workbookPartDamaged(part),
      location: location)
  }

  private func tooLarge(_ path: String) -> WorkbookError {
    WorkbookError(
      message: .workbookPartTooLarge(path, mebibytes: Self.partLimit >> 20),
      location: location)
  }
}
