import Foundation
import YearbookCore
import YearbookLoad
import YearbookModel

/// An axis range with round ticks in steps of 1, 2 or 5 times a power of ten.
package struct NiceScale: Equatable {
  package var lower: Double
  package var upper: Double
  package var step: Double

  /// `includeZero` keeps the baseline at zero, as bars need.
  package init(values: [Double], includeZero: Bool, maximumTicks: Int = 5) {
    let finite = values.filter(\.isFinite)
    var low = finite.min() ?? 0
    var high = finite.max() ?? 1
    if includeZero {
      low = min(low, 0)
      high = max(high, 0)
    }
    if low == high {
      // One value, or all equal: give it room around it.
      let pad = low == 0 ? 1 : abs(low) * 0.5
      if includeZero && low >= 0 {
        high = low + pad
      } else if includeZero {
        low = high - pad
      } else {
        low -= pad
        high += pad
      }
    }
    let step = NiceScale.niceStep((high - low) / Double(max(1, maximumTicks - 1)))
    self.step = step
    self.lower = (low / step).rounded(.down) * step
    self.upper = (high / step).rounded(.up) * step
    if lower == upper { upper = lower + step }
  }

  package static func niceStep(_ rough: Double) -> Double {
    guard rough > 0, rough.isFinite else { return 1 }
    let power = pow(10, floor(log10(rough)))
    let fraction = rough / power
    let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
    return nice * power
  }

  package var ticks: [Double] {
    var ticks: [Double] = []
    let count = Int(((upper - lower) / step).rounded())
    guard count >= 0, count <= 1000 else { return [lower, upper] }
    for index in 0...count {
      let value = lower + Double(index) * step
      // Snap values like 0.30000000000000004 to the step's precision.
      ticks.append((value / step).rounded() * step)
    }
    return ticks
  }

  /// Maps a value into `range` (which may run backwards, as SVG's y axis does).
  package func position(_ value: Double, in range: ClosedRange<Double>, reversed: Bool = false) -> Double {
    let span = upper - lower
    guard span > 0 else { return range.lowerBound }
    let fraction = (value - lower) / span
    let clamped = min(max(fraction, 0), 1)
    return reversed
      ? range.upperBound - clamped * (range.upperBound - range.lowerBound)
      : range.lowerBound + clamped * (range.upperBound - range.lowerBound)
  }
}
