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

  /// A whole file's bytes, read with one `open` (no separate existence check, no URL).
  package enum Contents {
    case bytes(Data)
    case missing
    case folder
    case unreadable(String)
  }

  package static func contents(atPath path: String) -> Contents {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return errno == ENOENT ? .missing : .unreadable(reason(errno: errno)) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return .unreadable(reason(errno: errno)) }
    if status.st_mode & S_IFMT == S_IFDIR { return .folder }
    var data = Data(count: Int(status.st_size))
    var filled = 0
    let problem: Int32? = data.withUnsafeMutableBytes { buffer in
      while filled < buffer.count {
        let count = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
        if count < 0 {
          if errno == EINTR { continue }
          return errno
        }
        if count == 0 { break }
        filled += count
      }
      return nil
    }
    if let problem { return .unreadable(reason(errno: problem)) }
    // A file that shrank while it was read keeps what was there.
    if filled < data.count { data.removeSubrange(filled...) }
    return .bytes(data)
  }
}
