import CZlib
import Foundation
import YearbookCore
import YearbookModel

/// A zip part's deflated bytes unpacked with zlib, given exactly those bytes and no more,
/// and stopped at `limit` bytes of output. (ZIPFoundation 0.9.20's inflate, fuzzed, told
/// zlib its last chunk was a full buffer, so zlib read past it, and waited forever for the
/// end of a stream cut short.)
package enum Inflate {
  package enum Failure: Error {
    case damaged
    case tooLarge
  }

  package static func raw(_ stored: Data, limit: Int) throws(Failure) -> Data {
    var stream = z_stream()
    // Negative window bits: a raw deflate stream, without zlib's header, as zip stores it.
    guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      throw .damaged
    }
    defer { inflateEnd(&stream) }
    var output = Data()
    var buffer = [UInt8](repeating: 0, count: 64 << 10)
    // Data's withUnsafeBytes rethrows untyped errors, so the outcome is carried out as a value.
    let outcome: Result<Data, Failure> = stored.withUnsafeBytes { input in
      stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: UInt8.self).baseAddress)
      stream.avail_in = UInt32(input.count)
      while true {
        let result = buffer.withUnsafeMutableBufferPointer { buffer in
          stream.next_out = buffer.baseAddress
          stream.avail_out = UInt32(buffer.count)
          return inflate(&stream, Z_NO_FLUSH)
        }
        output.append(contentsOf: buffer[0..<(buffer.count - Int(stream.avail_out))])
        if output.count > limit { return .failure(.tooLarge) }
        switch result {
        case Z_STREAM_END: return .success(output)
        case Z_OK: continue
        // Z_BUF_ERROR: no progress is possible, all input having been used before the end.
        default: return .failure(.damaged)
        }
      }
    }
    return try outcome.get()
  }

  /// The CRC-32 a zip directory records for each part.
  package static func checksum(_ data: Data) -> UInt32 {
    data.withUnsafeBytes { bytes in
      UInt32(crc32(0, bytes.bindMemory(to: UInt8.self).baseAddress, uInt(bytes.count)))
    }
  }
}
