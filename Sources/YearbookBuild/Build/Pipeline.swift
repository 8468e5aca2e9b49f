import Synchronization
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookPortal
import YearbookRender

/// The one sequence of named steps that `build`, `check` and the preview run, in the order
/// data flows through them. Each purpose runs a part of it; `--timings` prints the steps
/// from this declaration, and a failure names the step it happened in.
public enum Pipeline {
  public enum Step: String, CaseIterable, Sendable {
    /// `Content/` and `Templates/` read into a validated site and theme.
    case load
    /// Every page, URL and output file decided; the theme checked against the pages.
    case index
    /// Every report and article rendered from Markdown, with its charts.
    case markdown
    /// Article pages, list pages, the feed and the sitemap.
    case pages
    /// Embed pages, CMS fragments and chart files for the portal.
    case portal
    /// The search index: every article's keys, cut into small files, and its result file.
    case search
    /// Links to headings, dataset titles, column labels, the templates' links.
    case check
    /// Copied files, then the output put in place in one step.
    case write
  }

  public enum Purpose: Sendable {
    /// `yearbook build`: every step, into a staging folder swapped in at the end.
    case build
    /// `yearbook check`: every step that does not render pages.
    case check
    /// The preview server: every step, into memory.
    case preview
  }

  public static func steps(for purpose: Purpose) -> [Step] {
    switch purpose {
    case .build, .preview: Step.allCases
    case .check: [.load, .index, .markdown, .check]
    }
  }
}

extension Pipeline {
  /// One run of a purpose's steps: each step's time, summed over the batches it ran in.
  package struct Run {
    package let purpose: Purpose
    private(set) var durations: [Step: Duration] = [:]

    package init(_ purpose: Purpose) { self.purpose = purpose }

    /// Runs `work` as `step`; a failure inside it is marked with the step's name.
    package mutating func step<Value>(_ step: Step, _ work: () throws(BuildFailure) -> Value) throws(BuildFailure)
      -> Value
    {
      precondition(Pipeline.steps(for: purpose).contains(step), "\(purpose) does not run the \(step) step")
      let start = ContinuousClock.now
      defer { durations[step, default: .zero] += ContinuousClock.now - start }
      do {
        return try work()
      } catch {
        var failure = error
        failure.step = failure.step ?? step.rawValue
        throw failure
      }
    }

    /// Runs `work`, which cannot fail, as `step`.
    package mutating func timed<Value>(_ step: Step, _ work: () -> Value) -> Value {
      precondition(Pipeline.steps(for: purpose).contains(step), "\(purpose) does not run the \(step) step")
      let start = ContinuousClock.now
      defer { durations[step, default: .zero] += ContinuousClock.now - start }
      return work()
    }

    /// Runs `work`, in which several steps interleave on every core (one task an article
    /// does its markdown, its page and its portal files), and gives each step the share of
    /// the wall time that it took of the time summed over the threads.
    package mutating func interleaved<Value>(_ work: (StepClock) -> Value) -> Value {
      let clock = StepClock()
      let start = ContinuousClock.now
      let value = work(clock)
      let wall = ContinuousClock.now - start
      let spent = clock.totals
      let total = spent.values.reduce(Duration.zero, +)
      for (step, duration) in spent where total > .zero {
        precondition(Pipeline.steps(for: purpose).contains(step), "\(purpose) does not run the \(step) step")
        durations[step, default: .zero] += wall * (duration / total)
      }
      return value
    }

    /// The steps of the purpose in declared order, with their times.
    package var timings: StepTimings {
      StepTimings(steps: Pipeline.steps(for: purpose).map { (name: $0.rawValue, duration: durations[$0] ?? .zero) })
    }
  }
}

extension Pipeline {
  /// Time spent in each step, summed over the threads that ran parts of it.
  package final class StepClock: Sendable {
    private let spent = Mutex<[Step: Duration]>([:])

    package func time<Value>(_ step: Step, _ work: () -> Value) -> Value {
      let start = ContinuousClock.now
      defer {
        let duration = ContinuousClock.now - start
        spent.withLock { $0[step, default: .zero] += duration }
      }
      return work()
    }

    var totals: [Step: Duration] { spent.withLock { $0 } }
  }
}
