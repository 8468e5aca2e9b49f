import YearbookCore
import YearbookLoad
import YearbookModel

/// The sentence a screen reader hears for a chart (its `<desc>`), written the way a
/// Chinese report would say it: "2015年为2.61%，2020年为3.09%，提高0.48个百分点。"
package enum ChartDescription {
  /// What a picture of the chart says to a screen reader: the `<desc>` of its file and
  /// the `alt` of an `<img>` of it (KPI tiles each say their figure).
  package static func alternative(_ data: ChartData) -> String {
    if data.spec.kind == .kpi { return KPIChart.tiles(data).map(KPIChart.sentence).joined() }
    return sentence(data)
  }

  package static func sentence(_ data: ChartData) -> String {
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
  package static func estimateNote(_ data: ChartData) -> String? {
    let estimated = data.estimatedCategories
    guard !estimated.isEmpty else { return nil }
    return estimated.map(KPIChart.yearLabel).joined(separator: "、") + "为预计数"
      + (data.spec.kind == .line
        ? "，以虚线表示" : [.column, .bar, .grouped, .stacked].contains(data.spec.kind) ? "，以浅色虚框表示" : "")
  }

  package static func isTimeSeries(_ data: ChartData) -> Bool {
    data.categories.allSatisfy { $0.count == 4 && $0.allSatisfy(\.isNumber) }
  }

  private static func value(_ quantity: Quantity, unit: ChartNumbers) -> String {
    unit.sentence(quantity)
  }

  /// `为1.38亿元`, `约为1.6亿元`, `超过1.6亿元`, `为1.6亿元以上`: the verb an approximate
  /// figure reads naturally with.
  package static func be(_ quantity: Quantity, unit: ChartNumbers) -> String {
    let prefix = quantity.qualifier.prefix
    guard !prefix.isEmpty else { return "为" + unit.sentence(quantity) }
    var bare = quantity
    bare.qualifier.prefix = ""
    let approximately = ["约", "大约", "约为"].contains(prefix)
    return (approximately ? "约为" : prefix) + unit.sentence(bare)
  }

  /// "研发经费支出占GDP比重2015年为2.61%，2020年为3.09%，提高0.48个百分点。" Years without a
  /// figure are named (2022年无数据), never drawn or counted as zero.
  private static func seriesOverTime(_ series: ChartData.Series, data: ChartData) -> String {
    let present = series.values.indices.filter { series.values[$0] != nil }
    let prefix = data.series.count > 1 || data.spec.title != series.name ? series.name : ""
    guard let first = present.first, let last = present.last, let a = series.values[first], let b = series.values[last]
    else {
      return "\(prefix.isEmpty ? "图表" : prefix)没有数据。"
    }
    let firstLabel = KPIChart.yearLabel(data.categories[first])
    if first == last { return "\(prefix)\(firstLabel)\(be(a, unit: data.numbers))\(gapNote(series, data: data))。" }
    var sentence =
      "\(prefix)\(firstLabel)\(be(a, unit: data.numbers))，\(KPIChart.yearLabel(data.categories[last]))\(be(b, unit: data.numbers))"
    if let change = ChineseNumberFormat.change(from: a, to: b) { sentence += "，\(change)" }
    return sentence + gapNote(series, data: data) + "。"
  }

  /// `，2022年、2023年无数据`: the categories a series has no figure for.
  private static func gapNote(_ series: ChartData.Series, data: ChartData) -> String {
    let missing = data.categories.indices.filter { series.values[safe: $0] ?? nil == nil }
    guard !missing.isEmpty else { return "" }
    let names = missing.prefix(6).map { KPIChart.yearLabel(data.categories[$0]) }.joined(separator: "、")
    return "，" + names + (missing.count > 6 ? "等\(missing.count)项" : "") + "无数据"
  }

  /// Few categories are all named; many are summed up by the highest and lowest.
  private static func ranking(_ series: ChartData.Series, data: ChartData) -> String {
    let pairs = data.categories.indices.compactMap { index in series.values[index].map { (data.categories[index], $0) }
    }
    guard !pairs.isEmpty else { return "" }
    if data.categories.count <= 6 {
      return data.categories.indices.map { index in
        let label = KPIChart.yearLabel(data.categories[index])
        guard let quantity = series.values[index] else { return "\(label)无数据" }
        return "\(label)\(be(quantity, unit: data.numbers))"
      }.joined(separator: "，") + "。"
    }
    let highest = pairs.max { $0.1.value < $1.1.value }!
    let lowest = pairs.min { $0.1.value < $1.1.value }!
    return
      "共\(pairs.count)项，最高为\(highest.0)（\(value(highest.1, unit: data.numbers))），最低为\(lowest.0)（\(value(lowest.1, unit: data.numbers))）\(gapNote(series, data: data))。"
  }

  private static func byCategory(_ data: ChartData) -> String {
    data.categories.indices.prefix(6).map { index in
      let parts = data.series.map { series in
        series.values[index].map { "\(series.name)\(value($0, unit: data.numbers))" } ?? "\(series.name)无数据"
      }
      return "\(data.categories[index])：\(parts.joined(separator: "，"))"
    }.joined(separator: "；") + (data.categories.count > 6 ? "；等\(data.categories.count)项。" : "。")
  }

  /// "2024年合计159家（新增46家，存量113家）"; a category that is itself a total
  /// (合计, 总计) is not said twice.
  private static func totals(_ data: ChartData) -> String {
    data.categories.indices.prefix(6).map { index in
      let parts = data.series.compactMap { $0.values[index] }
      let detail = data.series.compactMap { series in
        series.values[index].map { "\(series.name)\(value($0, unit: data.numbers))" }
      }
      let category = KPIChart.yearLabel(data.categories[index])
      guard let total = Quantity.sum(parts) else { return "\(category)无数据" }
      let totalWord = category.hasSuffix("合计") || category.hasSuffix("总计") ? "" : "合计"
      return "\(category)\(totalWord)\(value(total, unit: data.numbers))（\(detail.joined(separator: "，"))）"
    }.joined(separator: "；") + (data.categories.count > 6 ? "；等\(data.categories.count)项。" : "。")
  }

  private static func shares(_ data: ChartData) -> String {
    let values = data.series.first?.values ?? []
    let pairs = data.categories.indices.compactMap { index in values[index].map { (data.categories[index], $0) } }
    guard let total = Quantity.sum(pairs.map(\.1)), total.value > 0 else { return "" }
    let parts = pairs.map { "\($0.0)占\(ChineseNumberFormat.share($0.1, of: total) ?? "—")" }
    return "合计\(value(total, unit: data.numbers))，其中" + parts.joined(separator: "，") + "。"
  }
}
