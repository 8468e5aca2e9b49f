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

  /// Results keep the items' order.
  @Test func mapKeepsTheOrderOfItems() {
    #expect(Parallel.map(Array(0..<1_000)) { $0 * 2 } == (0..<1_000).map { $0 * 2 })
  }
}
