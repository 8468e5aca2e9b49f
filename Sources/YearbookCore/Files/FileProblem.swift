import Foundation

/// The plain reason behind a failed file operation ("Permission denied"), without
/// Foundation's wrapping sentences.
package enum FileProblem {
  package static func reason(_ error: Error) -> String {
    let error = error as NSError
    if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(underlying.code)))
    }
    if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
    if error.domain == NSCocoaErrorDomain {
      switch error.code {
      case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return "permission denied"
      case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "no such file"
      case NSFileWriteOutOfSpaceError: return "the disk is full"
      case NSFileWriteVolumeReadOnlyError: return "the disk is read-only"
      default: break
      }
    }
    return error.localizedDescription
  }

  /// The same words for an `errno` from a system call.
  package static func reason(errno code: Int32) -> String {
    switch code {
    case EACCES, EPERM: "permission denied"
    case ENOENT: "no such file"
    case ENOSPC: "the disk is full"
    case EROFS: "the disk is read-only"
    default: String(cString: strerror(code))
    }
  }
}
