import Dispatch
import Foundation

/// CPU-bound work over many items on every core. Results keep the items' order, so the
/// output does not depend on which thread finished first.
package enum Parallel {
  package static func map<Item: Sendable, Result>(_ items: [Item], _ transform: @Sendable (Item) -> Result) -> [Result]
  {
    guard items.count > 1 else { return items.map(transform) }
    let slots = Slots<Result>(count: items.count)
    defer { slots.free() }
    withoutActuallyEscaping(transform) { transform in
      DispatchQueue.concurrentPerform(iterations: items.count) { index in
        slots.buffer[index] = transform(items[index])
      }
    }
    return slots.buffer.map { $0! }
  }

  /// Two pieces of work at once: the second on another thread, the first on this one.
  /// Not `concurrentPerform`: libdispatch runs an apply nested in another one on its
  /// caller's thread alone, so the pieces' own `map`s would lose every other core.
  package static func pair<First, Second>(
    _ first: () -> First, _ second: @escaping @Sendable () -> Second
  ) -> (First, Second) {
    let other = Box<Second>()
    let done = DispatchSemaphore(value: 0)
    // A thread of its own rather than a dispatch worker: one blocked waiting (a pair inside
    // a pair) made libdispatch wait up to a second before it started another.
    let thread = Thread {
      other.value = second()
      done.signal()
    }
    thread.start()
    let result = first()
    done.wait()
    return (result, other.value!)
  }

  /// Written by one thread, read by another after the semaphore's `wait`.
  private final class Box<Value>: @unchecked Sendable {
    var value: Value?
  }

  /// Each slot is written by exactly one iteration, so no two threads touch one slot.
  private struct Slots<Value>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
      buffer = .allocate(capacity: count)
      buffer.initialize(repeating: nil)
    }

    func free() {
      _ = buffer.deinitialize()
      buffer.deallocate()
    }
  }
}

/// Work started now and collected later, each piece on a thread of its own: what need not
/// hold up the next part of a step (a report's print page, while the next report's
/// articles render on every core).
package final class BackgroundWork<Result: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var results: [(order: Int, result: Result)] = []
  private let running = DispatchGroup()

  package init() {}

  /// Starts `work`; `order` places its result among the others.
  package func start(order: Int, _ work: @escaping @Sendable () -> Result) {
    running.enter()
    Thread {
      let result = work()
      self.lock.withLock { self.results.append((order, result)) }
      self.running.leave()
    }.start()
  }

  /// Waits for every piece started; their results in `order`.
  package func finish() -> [Result] {
    running.wait()
    return lock.withLock { results.sorted { $0.order < $1.order }.map(\.result) }
  }
}
