import YearbookCore
import YearbookLoad
import YearbookModel

/// The HTML around a chart: a `<figure>` whose caption is the title, an inline SVG that a
/// screen reader announces by its title and description sentence, the source, a link to
/// the dataset, and the numbers as a real table.
package enum ChartFigure {
  /// What every form of a figure shares, made once a chart: the page's figure and the
  /// portal's two forms differ only in their picture.
  package struct Parts: Sendable {
    /// The `<figure>` tag and its caption.
    var opening: String
    /// The description sentence, escaped: a single SVG's `<desc>`.
    var description: String
    /// The notes line: note, estimates, unit, source, the link to the data.
    var notes: String
    var table: String
    /// The chart's text alternative, for an `<img>` of its file.
    package var alternative: String

    package init(_ data: ChartData, id: String, baseURL: BaseURL) {
      opening =
        "<figure class=\"yb-chart yb-chart-\(data.spec.kind.rawValue)\" id=\"\(id)\">\n"
        + "<figcaption class=\"yb-chart-title\">\(HTML.escapeBreakingBetweenWords(data.spec.title))</figcaption>\n"
      let sentence = ChartDescription.sentence(data)
      description = data.spec.kind == .kpi ? "" : HTML.escape(sentence)
      alternative =
        data.spec.kind == .kpi ? KPIChart.tiles(data).map(KPIChart.sentence).joined() : sentence
      var notes: [String] = []
      if let note = data.spec.note { notes.append("说明：\(HTML.escape(note))") }
      if let estimates = ChartDescription.estimateNote(data) { notes.append("注：\(HTML.escape(estimates))") }
      if let unit = data.numbers.caption, data.spec.kind != .kpi && data.spec.kind != .progress {
        notes.append("单位：\(HTML.escape(unit))")
      }
      if let source = data.source { notes.append("数据来源：\(HTML.escape(source))") }
      notes.append(
        "<a href=\"\(HTML.escape(baseURL.link(SitePaths.data)))#\(HTML.escape(SitePaths.datasetAnchor(data.dataset.id)))\">查看并下载数据</a>"
      )
      self.notes = "<p class=\"yb-chart-source\">\(notes.joined(separator: "　"))</p>\n"
      table = ChartFigure.table(data, id: id)
    }
  }

  /// With `image`, the picture is an `<img>` of the chart's file and the table is shown
  /// rather than folded away. `drawing` gives shapes already drawn (styled, for fragments).
  package static func html(
    _ data: ChartData, id: String, baseURL: BaseURL, image: (src: String, alt: String)? = nil,
    drawing: ChartDrawing? = nil
  ) -> String {
    html(Parts(data, id: id, baseURL: baseURL), data, id: id, image: image, drawing: drawing)
  }

  /// The figure from parts made once (see `html(_:id:baseURL:image:drawing:)`).
  package static func html(
    _ parts: Parts, _ data: ChartData, id: String, image: (src: String, alt: String)? = nil,
    drawing: ChartDrawing? = nil
  ) -> String {
    var out = parts.opening
    if let image {
      out +=
        "<img class=\"yb-chart-img\" src=\"\(HTML.escape(image.src))\" alt=\"\(HTML.escape(image.alt))\">\n"
    } else if case .tiles(let tiles) = drawing ?? ChartDrawing(data, id: id) {
      out += "<div class=\"yb-kpi-grid\">\n"
      for (index, tile) in tiles.enumerated() {
        let tileID = "\(id)-\(index + 1)"
        out +=
          "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVG.number(KPIChart.tileWidth)) \(SVG.number(tile.height))\" role=\"img\" aria-labelledby=\"\(tileID)-title \(tileID)-desc\" class=\"yb-chart-svg yb-kpi-svg\">"
        out +=
          "<title id=\"\(tileID)-title\">\(HTML.escape(tile.tile.label))</title><desc id=\"\(tileID)-desc\">\(HTML.escape(KPIChart.sentence(tile.tile)))</desc>"
        out += tile.body + "</svg>\n"
      }
      out += "</div>\n"
    } else if case .single(let body, let height) = drawing ?? ChartDrawing(data, id: id) {
      out +=
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVG.number(ChartLayout.width)) \(SVG.number(height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" class=\"yb-chart-svg\">"
      out +=
        "<title id=\"\(id)-title\">\(HTML.escape(data.spec.title))</title><desc id=\"\(id)-desc\">\(parts.description)</desc>"
      out += body + "</svg>\n"
    }
    out += parts.notes
    if data.spec.kind == .table || image != nil {
      out += parts.table
    } else {
      out += "<details class=\"yb-chart-data\"><summary>数据表</summary>\n\(parts.table)</details>\n"
    }
    return out + "</figure>\n"
  }

  package static func body(_ data: ChartData, id: String) -> (String, Double) {
    switch data.spec.kind {
    case .column: ColumnChart.svg(data, id: id, mode: .single)
    case .grouped: ColumnChart.svg(data, id: id, mode: .grouped)
    case .stacked: ColumnChart.svg(data, id: id, mode: .stacked)
    case .bar: BarChart.svg(data, id: id)
    case .line: LineChart.svg(data, id: id)
    case .donut: DonutChart.svg(data, id: id)
    case .kpi: ("", 0)
    case .progress: ProgressChart.svg(data, id: id)
    case .table: ("", 0)
    }
  }

  /// The chart's numbers, scrollable on narrow screens (and focusable, so keyboard users
  /// can scroll it too).
  package static func table(_ data: ChartData, id: String) -> String {
    // A `table` chart's caption would repeat the figure's title on screen; it stays for
    // screen readers, who may reach the table on its own.
    let captionClass = data.spec.kind == .table ? " class=\"visually-hidden\"" : ""
    var out =
      "<div class=\"yb-table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"\(id)-caption\">\n<table class=\"yb-table\">\n"
    out +=
      "<caption id=\"\(id)-caption\"\(captionClass)>\(HTML.escape(data.spec.title))</caption>\n<thead><tr><th scope=\"col\">\(HTML.escape(data.categoryLabel))</th>"
    for series in data.series {
      out += "<th scope=\"col\">\(HTML.escape(series.name))\(headerUnit(series.shownUnit))</th>"
    }
    let valueUnit = data.series.first?.shownUnit
    if data.spec.kind == .progress {
      out += "<th scope=\"col\">目标\(headerUnit(valueUnit))</th><th scope=\"col\">完成率</th>"
    }
    out += "</tr></thead>\n<tbody>\n"
    for (index, category) in data.categories.enumerated() {
      let estimate = data.estimates[safe: index] == true ? "（预计）" : ""
      out += "<tr><th scope=\"row\">\(HTML.escape(category))\(estimate)</th>"
      for series in data.series {
        // A number is right-aligned and kept on one line; text is not.
        let numeric = series.shown[safe: index] ?? nil != nil
        out +=
          "<td\(numeric ? " class=\"yb-num\"" : "")>\(HTML.escape(tableCell(data, series: series, row: index)))</td>"
      }
      if data.spec.kind == .progress {
        let target = data.targets[safe: index] ?? nil
        let value = data.series.first?.values[index] ?? nil
        let targetText = target.map { valueUnit == nil ? ChineseNumberFormat.withUnit($0) : ChartNumbers.cell($0) }
        out += "<td class=\"yb-num\">\(HTML.escape(targetText ?? "—"))</td>"
        let ratio = value.flatMap { value in target.map { ProgressChart.ratioText(value: value, target: $0) } }
        out += "<td class=\"yb-num\">\(ratio ?? "—")</td>"
      }
      out += "</tr>\n"
    }
    return out + "</tbody>\n</table>\n</div>\n"
  }

  /// `（万元）` after a column's name: its unit, said once for all its cells.
  private static func headerUnit(_ unit: Unit?) -> String {
    // Places read 第17位 in their cells, never 17 under （位）.
    guard let unit, !unit.symbol.isEmpty, !unit.isRank else { return "" }
    return "（\(HTML.escape(unit.symbol))）"
  }

  /// A `table` chart shows cells as the data file wrote them, numbers with their unit.
  /// A number whose unit came from the row's unit column shows alone when that column is
  /// in the table too: `38.13` beside `%`, never `38.13%` beside `%`.
  private static func tableCell(_ data: ChartData, series: ChartData.Series, row: Int) -> String {
    guard let quantity = series.shown[safe: row] ?? nil else {
      let text = series.texts[safe: row] ?? ""
      return series.isNumeric && Gap.isGap(text) ? "—" : text
    }
    if let unit = series.shownUnit {
      return unit.isRank ? ChineseNumberFormat.withUnit(quantity) : ChartNumbers.cell(quantity)
    }
    if data.showsUnitColumn && series.texts[safe: row].flatMap(Quantity.parse)?.unit.symbol.isEmpty == true {
      return ChartNumbers.cell(quantity)
    }
    return ChineseNumberFormat.withUnit(quantity)
  }
}
