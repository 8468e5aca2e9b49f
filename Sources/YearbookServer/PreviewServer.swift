import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle
import YearbookBuild
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookKit
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookPortal
import YearbookPreview
import YearbookRender

/// `yearbook serve`: the site from memory on 127.0.0.1, rebuilt after every save, open
/// tabs reloaded through Server-Sent Events. Only GET and HEAD; every response
/// `Cache-Control: no-store`. SIGINT and SIGTERM stop it: the event streams end first,
/// then the server.
public struct PreviewServer: Sendable {
  public struct Options: Sendable {
    public var host: String
    public var port: Int
    public var timeouts: Timeouts

    public init(host: String = "127.0.0.1", port: Int = 8000, timeouts: Timeouts = Timeouts()) {
      self.host = host
      self.port = port
      self.timeouts = timeouts
    }
  }

  /// How long a connection may wait: `header` for a new connection's first request head,
  /// `idle` between requests on a kept-alive one. An open event stream is never idle.
  public struct Timeouts: Sendable {
    public var header: Duration
    public var idle: Duration

    public init(header: Duration = .seconds(10), idle: Duration = .seconds(30)) {
      self.header = header
      self.idle = idle
    }
  }

  public struct Failure: MessageError {
    public var message: Message
  }

  let site: PreviewSite
  let options: Options
  /// One line for the terminal: the URL, each rebuild, errors.
  let report: @Sendable (Message) -> Void

  public init(site: PreviewSite, options: Options, report: @escaping @Sendable (Message) -> Void) {
    self.site = site
    self.options = options
    self.report = report
  }

  public func run() async throws {
    if let problem = PortCheck.problem(host: options.host, port: options.port) { throw Failure(message: problem) }
    let reloads = ReloadBroadcaster()
    let site = self.site
    let listening = options.host
    let responder = CallbackResponder { (request: Request, context: PreviewRequestContext) in
      var response = try await Self.respond(
        to: request, site: site, reloads: reloads, host: listening, connectionClosed: context.connectionClosed)
      if request.headers[.connection] == "close" { response.headers[.connection] = "close" }
      return response
    }
    var logger = Logger(label: "yearbook-serve")
    logger.logLevel = .error
    let report = self.report
    let host = options.host
    let timeouts = options.timeouts
    let app = Application(
      responder: responder,
      server: HTTPServerBuilder { responder in PreviewChannel(responder: responder, timeouts: timeouts) },
      configuration: .init(
        address: .hostname(host, port: options.port), serverName: "yearbook",
        availableConnectionsDelegate: ConnectionLimit.fittingOpenFiles(report: report)),
      onServerRunning: { channel in
        let port = channel.localAddress?.port ?? 0
        report(.serving("http://\(host):\(port)\(site.basePath)"))
      },
      logger: logger)
    let watcher = try RebuildService(site: site, reloads: reloads, report: report)
    let group = ServiceGroup(
      configuration: .init(
        services: [app, watcher, reloads], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
    try await group.run()
  }

  static func respond(
    to request: Request, site: PreviewSite, reloads: ReloadBroadcaster, host: String,
    connectionClosed: EventLoopFuture<Void>
  ) async throws -> Response {
    guard PreviewRequest.allowsHost(request.head.authority, listeningOn: host) else {
      return respond(
        Data((Message.misdirected().text(site.language) + "\n").utf8),
        type: "text/plain; charset=utf-8", status: .misdirectedRequest, request: request)
    }
    guard request.method == .get || request.method == .head else {
      return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD", .cacheControl: "no-store"])
    }
    let path = request.uri.path
    if path == PreviewRequest.eventsPath {
      let (id, stream) = await reloads.subscribe()
      connectionClosed.whenComplete { _ in Task { await reloads.unsubscribe(id) } }
      return Response(
        status: .ok,
        headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
        body: ResponseBody(asyncSequence: stream.map { ByteBuffer(string: "event: reload\ndata: \($0)\n\n") }))
    }
    if path == PreviewRequest.reloadScriptPath {
      return respond(
        Data(PreviewInjection.reloadScript.utf8), type: "text/javascript; charset=utf-8", status: .ok, request: request)
    }
    switch PreviewRequest.resolve(path, basePath: site.basePath, exists: { site.file(at: $0) != nil }) {
    case .redirect(let location):
      return Response(status: .found, headers: [.location: location, .cacheControl: "no-store"])
    case .file(let file):
      guard let data = site.file(at: file) else { return notFound(site: site, request: request) }
      return respond(
        page(data, file: file, site: site), type: PreviewRequest.contentType(of: file.value), status: .ok,
        request: request)
    case .notFound:
      return notFound(site: site, request: request)
    }
  }

  private static func page(_ data: Data, file: OutputPath, site: PreviewSite) -> Data {
    file.value.hasSuffix(".html")
      ? PreviewInjection.inject(into: data, errors: site.errors, language: site.language) : data
  }

  private static func notFound(site: PreviewSite, request: Request) -> Response {
    if site.outputCount == 0 {
      // The site never built: every path shows why.
      return respond(
        PreviewInjection.errorPage(site.errors, language: site.language), type: "text/html; charset=utf-8",
        status: .serviceUnavailable,
        request: request)
    }
    let body =
      site.file(at: "404.html").map { page($0, file: "404.html", site: site) }
      ?? Data(Message.notFound().text(site.language).utf8)
    return respond(body, type: "text/html; charset=utf-8", status: .notFound, request: request)
  }

  private static func respond(_ data: Data, type: String, status: HTTPResponse.Status, request: Request) -> Response {
    let headers: HTTPFields = [.contentType: type, .cacheControl: "no-store", .contentLength: String(data.count)]
    if request.method == .head { return Response(status: status, headers: headers) }
    return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
  }
}
