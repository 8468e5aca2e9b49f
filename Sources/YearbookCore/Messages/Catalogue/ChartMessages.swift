/// Messages about charts: their specs (```chart blocks) and the data they draw.
extension Message {
  public static func unknownChartType(_ got: String, known: [String]) -> Message {
    Message(
      en: "unknown chart type \"\(got)\"; use one of \(known.joined(separator: ", "))",
      zh: "没有“\(got)”这种图表类型：请用 \(known.joined(separator: "、")) 中的一种")
  }

  public static func badSort(_ got: String) -> Message {
    Message(
      en: "sort must be asc or desc, got \"\(got)\"",
      zh: "sort 应是 asc（从小到大）或 desc（从大到小），实际是“\(got)”")
  }

  public static func badChartID(_ got: String) -> Message {
    Message(
      en: "a chart id may use only letters a-z, digits, - and _, got \"\(got)\"; it names the chart's files",
      zh: "图表的 id 只能用英文字母、数字和“-”“_”，实际是“\(got)”（它会用作图表文件的名字）")
  }

  public static func chartWithoutY() -> Message {
    Message(
      en: "missing required key 'y': the column (or list of columns) to plot",
      zh: "缺少必填项“y”：要画出的列（一列或几列）")
  }

  public static func progressWithoutTarget() -> Message {
    Message(
      en: "a progress chart needs target: a column name or a number such as 100",
      zh: "进度图需要 target:（目标值），可以是一个列名，也可以是 100 这样的数字")
  }

  public static func noSuchDataset(_ id: String, known: [String]) -> Message {
    Message(
      en: "no dataset '\(id)' in Content/data/\(known.isEmpty ? "" : " (there are: \(known.joined(separator: ", ")))")",
      zh: "Content/data/ 中没有数据集“\(id)”\(known.isEmpty ? "" : "（现有：\(known.joined(separator: "、"))）")")
  }

  public static func datasetEmptyForChart(_ id: String, file: String) -> Message {
    Message(
      en: "dataset '\(id)' (\(file)) has no rows; there is nothing to draw",
      zh: "数据集“\(id)”（\(file)）没有数据行，无从画图")
  }

  public static func datasetHasNoColumn(_ id: String, column: String, columns: [String]) -> Message {
    Message(
      en: "dataset '\(id)' has no column '\(column)' (columns: \(columns.joined(separator: ", ")))",
      zh: "数据集“\(id)”中没有“\(column)”列（现有：\(columns.joined(separator: "、"))）")
  }

  public static func datasetHasNoColumns(_ id: String) -> Message {
    Message(en: "dataset '\(id)' has no columns", zh: "数据集“\(id)”没有任何列")
  }

  public static func plottedCellNotNumber(_ text: String, chart: String, column: String) -> Message {
    Message(
      en:
        "\"\(text)\" is not a number, but the chart at \(chart) plots column '\(column)'; write a figure such as 12.5, 3500万元 or 约1.6亿元, or — for no figure",
      zh: "“\(text)”不是数字，但 \(chart) 的图表要画出“\(column)”列：请写成 12.5、3500万元、约1.6亿元 这样的数字，没有数据时写“—”")
  }

  public static func plottedColumnNotNumbers(_ column: String, dataset: String) -> Message {
    Message(
      en: "column '\(column)' of dataset '\(dataset)' must hold numbers to be plotted",
      zh: "数据集“\(dataset)”的“\(column)”列要画成图，应全部是数字")
  }

  public static func noSuchRow(_ key: String, column: String, dataset: String) -> Message {
    Message(
      en: "dataset '\(dataset)' has no row '\(key)' in column '\(column)'",
      zh: "数据集“\(dataset)”的“\(column)”列中没有“\(key)”这一行")
  }

  public static func tooManyPoints(points: Int, rows: Int, columns: Int, dataset: String, limit: Int) -> Message {
    Message(
      en:
        "this chart would draw \(points) points (\(rows) rows × \(columns) columns of dataset '\(dataset)'), over the limit of \(limit) (limits: chart_points in site.yml): no reader can tell them apart; aggregate the data (by year, by region), choose rows with rows:, or raise the limit",
      zh:
        "这张图要画 \(points) 个点（数据集“\(dataset)”的 \(rows) 行 × \(columns) 列），超过了 \(limit) 个的上限（site.yml 中 limits 的 chart_points），读者无法分辨：请按年份、地区等汇总数据，用 rows: 选出要画的行，或提高上限"
    )
  }

  public static func chartUnitIncompatible(_ unit: String, dataset: String, written: String) -> Message {
    Message(
      en:
        "unit: \(unit) cannot show numbers of dataset '\(dataset)' written in \(written); give a unit of the same kind (such as \(written)) or remove unit:",
      zh: "unit: \(unit) 无法表示数据集“\(dataset)”中以“\(written)”为单位的数字：请给出同类单位（如 \(written)），或去掉 unit:")
  }

  public static func chartMixesUnits(kind: String, dataset: String, rows: [String], more: Int) -> Message {
    Message(
      en:
        "a \(kind) chart draws one unit, but the rows of dataset '\(dataset)' mix units: \(rows.joined(separator: ", "))\(more > 0 ? " and \(more) more" : ""); choose rows in one unit with rows:, or show them with type: table or kpi",
      zh:
        "\(kind) 图只能用一种单位，但数据集“\(dataset)”的各行单位不同：\(rows.joined(separator: "、"))\(more > 0 ? "等（另有 \(more) 行）" : "")；请用 rows: 选出同一单位的行，或改用 type: table 或 kpi 展示"
    )
  }

  public static func tooManyDigits(_ figure: String, unit: String) -> Message {
    Message(
      en:
        "\(figure) has too many digits to be shown in \(unit) with every digit kept; give the chart a unit: closer to the data's",
      zh: "\(figure) 位数太多，换算成“\(unit)”会丢失数字：请给图表设一个与数据更接近的 unit:")
  }

  public static func targetUnitClash(row: String, dataset: String, value: String, target: String, targetAt: String?)
    -> Message
  {
    Message(
      en:
        "row '\(row)' of dataset '\(dataset)' compares \(value) with a target of \(target); a row's value and target must be in one unit\(targetAt.map { " (target at \($0))" } ?? "")",
      zh:
        "数据集“\(dataset)”的“\(row)”行把 \(value) 与目标值 \(target) 相比：同一行的数值和目标值单位应一致\(targetAt.map { "（目标值在 \($0)）" } ?? "")")
  }

  public static func badTarget(dataset: String, columns: [String]) -> Message {
    Message(
      en: "target must be a number or a column of dataset '\(dataset)' (columns: \(columns.joined(separator: ", ")))",
      zh: "target 应是一个数字，或数据集“\(dataset)”中的一列（现有：\(columns.joined(separator: "、"))）")
  }

  public static func donutNegative() -> Message {
    Message(
      en: "a donut chart cannot show negative values; use a column or bar chart",
      zh: "环形图不能表示负数：请改用柱形图（column）或条形图（bar）")
  }

  public static func unlabelledColumn(_ column: String, dataset: String, shown: String, columnsForm: Bool) -> Message {
    Message(
      en:
        "column '\(column)' of dataset '\(dataset)' has no label, so readers see “\(shown)” in its place; give it one in "
        + (columnsForm
          ? "its columns: entry (label: …)"
          : "a \(dataset).meta.yml beside the data file (columns: - {name: \(column), label: …})"),
      zh: "数据集“\(dataset)”的“\(column)”列没有 label（显示名称），读者看到的将是“\(shown)”：请在"
        + (columnsForm
          ? "它的 columns: 项中写上 label: …"
          : "数据文件旁的 \(dataset).meta.yml 中写上（columns: - {name: \(column), label: …}）"))
  }
}
