/// How long each named step of a build took, for `yearbook build --timings`.
public struct StepTimings: Sendable {
  public private(set) var steps: [(name: String, duration: Duration)] = []

  mutating func measure<Value>(_ name: String, _ work: () throws(BuildFailure) -> Value) throws(BuildFailure) -> Value {
    let start = ContinuousClock.now
    defer { steps.append((name, ContinuousClock.now - start)) }
    return try work()
  }
}
