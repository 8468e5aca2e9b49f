import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
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

/// Answers a request that does not keep its connection alive (HTTP/1.0 without
/// `keep-alive`, or `Connection: close`) and then closes it. The request's HTTP version is
/// lost on the way to HTTPTypes, so it is read here, between NIO's HTTP/1 decoder and the
/// HTTPTypes codec, and passed on as `Connection: close`, which Hummingbird closes after.
final class CloseUnlessKeptAlive: ChannelDuplexHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias InboundOut = HTTPServerRequestPart
  typealias OutboundIn = HTTPServerResponsePart
  typealias OutboundOut = HTTPServerResponsePart

  private var closing = false

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    guard case .head(var head) = unwrapInboundIn(data) else {
      context.fireChannelRead(data)
      return
    }
    closing = !head.isKeepAlive
    if closing { head.headers.replaceOrAdd(name: "connection", value: "close") }
    context.fireChannelRead(wrapInboundOut(.head(head)))
  }

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    guard closing, case .head(var head) = unwrapOutboundIn(data) else {
      context.write(data, promise: promise)
      return
    }
    head.headers.replaceOrAdd(name: "connection", value: "close")
    context.write(wrapOutboundOut(.head(head)), promise: promise)
  }
}

/// Two rules Hummingbird's own idle timeout does not cover. A new connection must send a
/// complete request head within `headerTimeout`, so idle and slow sockets cannot pile up.
/// And a client that hangs up while its event stream is open is let go at once: the
/// stream writes nothing until the next rebuild, so without this the socket would wait in
/// CLOSE-WAIT, holding a file, until then.
final class ConnectionWatch: ChannelDuplexHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPRequestPart
  typealias InboundOut = HTTPRequestPart
  typealias OutboundIn = HTTPResponsePart
  typealias OutboundOut = HTTPResponsePart

  private let headerTimeout: TimeAmount
  private var headerDeadline: Scheduled<Void>?
  private var streaming = false

  init(headerTimeout: TimeAmount) {
    self.headerTimeout = headerTimeout
  }

  func handlerAdded(context: ChannelHandlerContext) {
    if context.channel.isActive { awaitHead(context) }
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    headerDeadline?.cancel()
  }

  func channelActive(context: ChannelHandlerContext) {
    awaitHead(context)
    context.fireChannelActive()
  }

  func channelInactive(context: ChannelHandlerContext) {
    headerDeadline?.cancel()
    context.fireChannelInactive()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    if case .head = unwrapInboundIn(data) {
      headerDeadline?.cancel()
      headerDeadline = nil
    }
    context.fireChannelRead(data)
  }

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    switch unwrapOutboundIn(data) {
    case .head(let response):
      streaming = response.headerFields[.contentType]?.hasPrefix("text/event-stream") ?? false
    case .end:
      streaming = false
    case .body:
      break
    }
    context.write(data, promise: promise)
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    if let event = event as? ChannelEvent, event == .inputClosed, streaming {
      context.close(promise: nil)
    }
    context.fireUserInboundEventTriggered(event)
  }

  private func awaitHead(_ context: ChannelHandlerContext) {
    guard headerDeadline == nil else { return }
    headerDeadline = context.eventLoop.assumeIsolated().scheduleTask(in: headerTimeout) {
      context.close(promise: nil)
    }
  }
}
