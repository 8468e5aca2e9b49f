import Foundation
import YearbookBuild
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookPortal
import YearbookPreview
import YearbookRender

#if canImport(Glibc)
  import Glibc
#endif

/// Tries the address before the server does, so a busy port is one clear line rather
/// than SwiftNIO's bind error.
enum PortCheck {
  static func problem(host: String, port: Int) -> Message? {
    guard port != 0 else { return nil }
    let socketHandle = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socketHandle >= 0 else { return nil }
    defer { close(socketHandle) }
    var reuse: Int32 = 1
    setsockopt(socketHandle, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    guard inet_pton(AF_INET, host == "localhost" ? "127.0.0.1" : host, &address.sin_addr) == 1 else {
      return .badHost(host)
    }
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(socketHandle, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard result != 0 else { return nil }
    if errno == EADDRINUSE {
      return .portInUse(port)
    }
    return .cannotListen("\(host):\(port)", reason: FileProblem.reason(errno: errno))
  }
}
