import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookPortal
import YearbookRender

/// How long each named step of a build took, for `yearbook build --timings`.
public struct StepTimings: Sendable {
  public private(set) var steps: [(name: String, duration: Duration)] = []

  package init(steps: [(name: String, duration: Duration)] = []) {
    self.steps = steps
  }

  /// For a step inside a larger function: the time since `start`, which moves on to now.
  package mutating func record(_ name: String, since start: inout ContinuousClock.Instant) {
    let now = ContinuousClock.now
    steps.append((name, now - start))
    start = now
  }
}
