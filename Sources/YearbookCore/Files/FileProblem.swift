import Foundation

/// The plain reason behind a failed file operation ("permission denied"), without
/// Foundation's wrapping sentences.
package enum FileProblem {
  package static func reason(_ error: Error) -> Message {
    let error = error as NSError
    if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
      return reason(errno: Int32(underlying.code))
    }
    if error.domain == NSPOSIXErrorDomain { return reason(errno: Int32(error.code)) }
    if error.domain == NSCocoaErrorDomain {
      switch error.code {
      case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return .filePermissionDenied()
      case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return .fileMissing()
      case NSFileWriteOutOfSpaceError: return .diskFull()
      case NSFileWriteVolumeReadOnlyError: return .diskReadOnly()
      default: break
      }
    }
    return .systemReason(error.localizedDescription)
  }

  /// The same words for an `errno` from a system call.
  package static func reason(errno code: Int32) -> Message {
    switch code {
    case EACCES, EPERM: .filePermissionDenied()
    case ENOENT: .fileMissing()
    case ENOSPC: .diskFull()
    case EROFS: .diskReadOnly()
    default: .systemReason(String(cString: strerror(code)))
    }
  }
}
