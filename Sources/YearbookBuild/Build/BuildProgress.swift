import Synchronization
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookPortal
import YearbookRender

/// How far a build is, for a progress bar: pages rendered out of all pages. Updated from
/// many threads without a lock.
public final class BuildProgress: Sendable {
  private let done = Atomic<Int>(0)
  private let total = Atomic<Int>(0)

  public init() {}

  public var pagesDone: Int { done.load(ordering: .relaxed) }
  public var pageTotal: Int { total.load(ordering: .relaxed) }

  package func start(pages: Int) { total.store(pages, ordering: .relaxed) }

  package func pageDone() { done.add(1, ordering: .relaxed) }
}
