/// The sentence a screen reader hears for a chart (its `<desc>`), written the way a
/// Chinese report would say it: "2015年为2.61%，2020年为3.09%，提高0.48个百分点。"
enum ChartDescription {
  static func sentence(_ data: ChartData) -> String {
    var text: String
    if data.allValues.isEmpty { return "图表没有可显示的数据。" + (data.spec.note ?? "") }
    switch data.spec.kind {
    case .line:
      text = data.series.map { seriesOverTime($0, data: data) }.joined()
    case .grouped where isTimeSeries(data):
      text = data.series.map { seriesOverTime($0, data: data) }.joined()
    case .kpi:
      text = KPIChart.tiles(data).map(KPIChart.sentence).joined()
    case .progress:
      text = ProgressChart.items(data).map { item in
        let ratio = item.ratio == nil ? "" : "，完成目标的\(item.ratioText)"
        return "\(item.label)完成\(item.shown.value)，目标为\(item.shown.target)\(ratio)。"
      }.joined()
    case .donut:
      text = shares(data)
    case .stacked:
      text = totals(data)
    default:
      text = data.series.count == 1 ? ranking(data.series[0], data: data) : byCategory(data)
    }
    if text.isEmpty { text = "图表没有可显示的数据。" }
    if let estimates = estimateNote(data) { text += "其中" + estimates + "。" }
    if let note = data.spec.note { text += note }
    return text
  }

  /// `2025年为预计数，以虚线表示`, or nil when every row is a result.
  static func estimateNote(_ data: ChartData) -> String? {
    let estimated = data.estimatedCategories
    guard !estimated.isEmpty else { return nil }
    return estimated.map(KPIChart.yearLabel).joined(separator: "、") + "为预计数"
      + (data.spec.kind == .line
        ? "，以虚线表示" : [.column, .bar, .grouped, .stacked].contains(data.spec.kind) ? "，以浅色虚框表示" : "")
  }

  static func isTimeSeries(_ data: ChartData) -> Bool {
    data.categories.allSatisfy { $0.count == 4 && $0.allSatisfy(\.isNumber) }
  }

  private static func value(_ quantity: Quantity, unit: ChartNumbers) -> String {
    unit.sentence(quantity)
  }

  /// "研发经费支出占GDP比重2015年为2.61%，2020年为3.09%，提高0.48个百分点。"
  private static func seriesOverTime(_ series: ChartData.Series, data: ChartData) -> String {
    let present = series.values.indices.filter { series.values[$0] != nil }
    guard let first = present.first, let last = present.last, let a = series.values[first], let b = series.values[last]
    else {
      return "\(series.name)没有数据。"
    }
    let prefix = data.series.count > 1 || data.spec.title != series.name ? series.name : ""
    let firstLabel = KPIChart.yearLabel(data.categories[first])
    if first == last { return "\(prefix)\(firstLabel)为\(value(a, unit: data.numbers))。" }
    var sentence =
      "\(prefix)\(firstLabel)为\(value(a, unit: data.numbers))，\(KPIChart.yearLabel(data.categories[last]))为\(value(b, unit: data.numbers))"
    if let change = ChineseNumberFormat.change(from: a, to: b) { sentence += "，\(change)" }
    let gaps = series.values[first...last].filter { $0 == nil }.count
    if gaps > 0 { sentence += "，其间有\(gaps)个年份缺少数据" }
    return sentence + "。"
  }

  /// Few categories are all named; many are summed up by the highest and lowest.
  private static func ranking(_ series: ChartData.Series, data: ChartData) -> String {
    let pairs = data.categories.indices.compactMap { index in series.values[index].map { (data.categories[index], $0) }
    }
    guard !pairs.isEmpty else { return "" }
    if pairs.count <= 6 {
      return pairs.map { "\(KPIChart.yearLabel($0.0))为\(value($0.1, unit: data.numbers))" }.joined(separator: "，") + "。"
    }
    let highest = pairs.max { $0.1.value < $1.1.value }!
    let lowest = pairs.min { $0.1.value < $1.1.value }!
    return
      "共\(pairs.count)项，最高为\(highest.0)（\(value(highest.1, unit: data.numbers))），最低为\(lowest.0)（\(value(lowest.1, unit: data.numbers))）。"
  }

  private static func byCategory(_ data: ChartData) -> String {
    data.categories.indices.prefix(6).map { index in
      let parts = data.series.compactMap { series in
        series.values[index].map { "\(series.name)\(value($0, unit: data.numbers))" }
      }
      return "\(data.categories[index])：\(parts.isEmpty ? "无数据" : parts.joined(separator: "，"))"
    }.joined(separator: "；") + (data.categories.count > 6 ? "；等\(data.categories.count)项。" : "。")
  }

  private static func totals(_ data: ChartData) -> String {
    data.categories.indices.prefix(6).map { index in
      let parts = data.series.compactMap { $0.values[index] }
      let total = parts.map(\.value).reduce(0, +)
      let decimals = parts.map(\.decimals).max() ?? 0
      let detail = data.series.compactMap { series in
        series.values[index].map { "\(series.name)\(value($0, unit: data.numbers))" }
      }
      return
        "\(data.categories[index])合计\(value(Quantity(value: total, decimals: decimals), unit: data.numbers))（\(detail.joined(separator: "，"))）"
    }.joined(separator: "；") + (data.categories.count > 6 ? "；等\(data.categories.count)项。" : "。")
  }

  private static func shares(_ data: ChartData) -> String {
    let values = data.series.first?.values ?? []
    let pairs = data.categories.indices.compactMap { index in values[index].map { (data.categories[index], $0) } }
    let total = pairs.map(\.1.value).reduce(0, +)
    guard total > 0 else { return "" }
    let decimals = pairs.map(\.1.decimals).max() ?? 0
    let parts = pairs.map { "\($0.0)占\(ChineseNumberFormat.number($0.1.value / total * 100, decimals: 1))%" }
    return "合计\(value(Quantity(value: total, decimals: decimals), unit: data.numbers))，其中"
      + parts.joined(separator: "，") + "。"
  }
}
