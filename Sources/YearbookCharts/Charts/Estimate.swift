import YearbookCore
import YearbookLoad
import YearbookModel

/// How a data file marks a row as an estimate, forecast or plan rather than a result.
package enum Estimate {
  package static let words: Set<String> = [
    "预计", "预测", "预估", "估计", "估算", "计划", "目标", "初步", "初步核算", "estimate", "estimated", "forecast", "plan", "planned",
    "projected", "e", "p", "是", "true", "yes", "y", "1", "*",
  ]

  /// Whether a `status` or `estimate` cell says the row is not a final figure.
  package static func says(_ cell: String) -> Bool {
    words.contains(cell.trimmed.lowercased())
  }
}
