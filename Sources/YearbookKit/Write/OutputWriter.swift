import Foundation

/// Writes the finished site all at once: everything goes into a hidden sibling folder,
/// which then takes the output folder's place. A build that fails at any point leaves
/// the previous output exactly as it was.
public enum OutputWriter {
  public struct WriteError: Error, CustomStringConvertible {
    public var description: String
  }

  public static func write(_ files: [OutputFile], to output: URL) throws(WriteError) {
    let manager = FileManager.default
    let parent = output.deletingLastPathComponent()
    let name = output.lastPathComponent
    do {
      try manager.createDirectory(at: parent, withIntermediateDirectories: true)
    } catch {
      throw WriteError(description: "cannot write in \(parent.path): \(FileProblem.reason(error))")
    }
    // Two builds into one folder take turns: the second waits for the first's swap to
    // finish, so their files never mix.
    let lock = open(parent.appendingPathComponent(".\(name).lock").path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
    guard lock >= 0 else {
      throw WriteError(description: "cannot write in \(parent.path): \(String(cString: strerror(errno)))")
    }
    defer { close(lock) }
    while flock(lock, LOCK_EX) != 0 && errno == EINTR {}
    defer { flock(lock, LOCK_UN) }
    let staging = parent.appendingPathComponent(".\(name).new-\(getpid())")
    let previous = parent.appendingPathComponent(".\(name).old-\(getpid())")
    do {
      try? manager.removeItem(at: staging)
      try manager.createDirectory(at: staging, withIntermediateDirectories: false)
    } catch {
      throw WriteError(description: "cannot create \(staging.path): \(FileProblem.reason(error))")
    }
    do {
      var made: Set<String> = []
      for file in files {
        let destination = staging.appendingPathComponent(file.path)
        let folder = destination.deletingLastPathComponent()
        if made.insert(folder.path).inserted {
          try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        switch file.content {
        case .text(let text):
          try Data(text.utf8).write(to: destination)
        case .copy(let source):
          try manager.copyItem(atPath: source, toPath: destination.path)
        }
      }
    } catch {
      try? manager.removeItem(at: staging)
      throw WriteError(description: "cannot write the site: \(FileProblem.reason(error))")
    }
    let hadOutput = manager.fileExists(atPath: output.path)
    do {
      if hadOutput { try manager.moveItem(at: output, to: previous) }
    } catch {
      try? manager.removeItem(at: staging)
      throw WriteError(description: "cannot replace \(output.path): \(FileProblem.reason(error))")
    }
    do {
      try manager.moveItem(at: staging, to: output)
    } catch {
      if hadOutput { try? manager.moveItem(at: previous, to: output) }
      try? manager.removeItem(at: staging)
      throw WriteError(description: "cannot replace \(output.path): \(FileProblem.reason(error))")
    }
    if hadOutput { try? manager.removeItem(at: previous) }
  }
}
