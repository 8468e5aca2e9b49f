import Hummingbird
import NIOCore
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

/// What a request to the preview knows besides itself: when its connection closes, so an
/// event stream ends with the tab that opened it rather than at the next rebuild.
struct PreviewRequestContext: RequestContext {
  var coreContext: CoreRequestContextStorage
  let connectionClosed: EventLoopFuture<Void>

  init(source: ApplicationRequestContextSource) {
    coreContext = .init(source: source)
    connectionClosed = source.channel.closeFuture
  }
}
