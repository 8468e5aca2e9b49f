import Foundation

/// A whole file's bytes, read with one `open` (no separate existence check, no URL): the
/// loader reads every article this way.
package enum FileContents {
  case bytes(Data)
  case missing
  case folder
  /// Why it could not be read, in `FileProblem`'s words.
  case unreadable(Message)

  package static func read(atPath path: String) -> FileContents {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return errno == ENOENT ? .missing : .unreadable(FileProblem.reason(errno: errno)) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return .unreadable(FileProblem.reason(errno: errno)) }
    if status.st_mode & S_IFMT == S_IFDIR { return .folder }
    var data = Data(count: Int(status.st_size))
    var filled = 0
    let problem: Int32? = data.withUnsafeMutableBytes { buffer in
      while filled < buffer.count {
        let count = Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
        if count < 0 {
          if errno == EINTR { continue }
          return errno
        }
        if count == 0 { break }
        filled += count
      }
      return nil
    }
    if let problem { return .unreadable(FileProblem.reason(errno: problem)) }
    // A file that shrank while it was read keeps what was there.
    if filled < data.count { data.removeSubrange(filled...) }
    return .bytes(data)
  }
}
