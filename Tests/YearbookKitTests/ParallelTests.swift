import Foundation
import Testing

@testable import YearbookCore

@Suite struct ParallelTests {
  /// Each piece's result comes back in its own place, whatever finished first.
  @Test func pairKeepsEachResultInItsPlace() {
    let (count, text) = Parallel.pair(
      { (1...10_000).reduce(0, +) },
      { String(repeating: "科", count: 3) })
    #expect(count == 50_005_000)
    #expect(text == "科科科")
  }

  /// Pieces started one after another come back in their order, not their finishing one.
  @Test func backgroundWorkGivesResultsInOrder() {
    let work = BackgroundWork<Int>()
    for order in (0..<8).reversed() {
      work.start(order: order) {
        usleep(UInt32(order) * 1_000)
        return order * 10
      }
    }
    #expect(work.finish() == [0, 10, 20, 30, 40, 50, 60, 70])
  }

  /// Results keep the items' order.
  @Test func mapKeepsTheOrderOfItems() {
    #expect(Parallel.map(Array(0..<1_000)) { $0 * 2 } == (0..<1_000).map { $0 * 2 })
  }
}
