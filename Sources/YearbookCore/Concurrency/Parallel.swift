import Dispatch

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
