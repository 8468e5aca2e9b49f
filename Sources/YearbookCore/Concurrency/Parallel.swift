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

  /// Two pieces of work at once, on two cores.
  package static func pair<First, Second>(
    _ first: @Sendable () -> First, _ second: @Sendable () -> Second
  ) -> (First, Second) {
    var results: (First?, Second?) = (nil, nil)
    withUnsafeMutablePointer(to: &results) { results in
      let shared = UnsafeSendable(results)
      withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
          DispatchQueue.concurrentPerform(iterations: 2) { index in
            // Each iteration writes its own element of the tuple.
            if index == 0 { shared.value.pointee.0 = first() } else { shared.value.pointee.1 = second() }
          }
        }
      }
    }
    return (results.0!, results.1!)
  }

  private struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
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
