/// Messages about YAML: `site.yml`, front matter, chart specs, dataset descriptions.
extension Message {
  public static func yamlExpectedMapping(found: Message) -> Message {
    Message(
      en: "expected key: value pairs, found \(found.english)",
      zh: "这里应是“键: 值”形式的设置，实际是\(found.chinese)")
  }

  public static func yamlMissingKey(_ key: String) -> Message {
    Message(en: "missing required key '\(key)'", zh: "缺少必填项“\(key)”")
  }

  public static func yamlNotText(_ key: String, found: Message) -> Message {
    Message(en: "\(key) must be text, found \(found.english)", zh: "\(key) 应是一段文字，实际是\(found.chinese)")
  }

  public static func yamlEmpty(_ key: String) -> Message {
    Message(en: "\(key) must not be empty", zh: "\(key) 不能为空")
  }

  public static func yamlNotWholeNumber(_ key: String, got: Message) -> Message {
    Message(en: "\(key) must be a whole number, got \(got.english)", zh: "\(key) 应是整数，实际是\(got.chinese)")
  }

  public static func yamlNotBool(_ key: String, got: Message) -> Message {
    Message(
      en: "\(key) must be true or false, got \(got.english)",
      zh: "\(key) 应是 true（是）或 false（否），实际是\(got.chinese)")
  }

  /// `proposal` is the same date written as `YYYY-MM-DD`, when the text could be read as one.
  public static func yamlBadDate(_ key: String, got: String, proposal: String?) -> Message {
    Message(
      en: "\(key) must be YYYY-MM-DD, got \"\(got)\"" + (proposal.map { "; write \($0)" } ?? ""),
      zh: "\(key) 应写成“年-月-日”（YYYY-MM-DD），实际是“\(got)”" + (proposal.map { "；请改为 \($0)" } ?? ""))
  }

  public static func yamlEntryNotText(_ key: String, found: Message) -> Message {
    Message(
      en: "each entry of \(key) must be text, found \(found.english)",
      zh: "\(key) 的每一项都应是一段文字，实际有一项是\(found.chinese)")
  }

  public static func yamlNotList(_ key: String, found: Message) -> Message {
    Message(en: "\(key) must be a list, found \(found.english)", zh: "\(key) 应是一个列表，实际是\(found.chinese)")
  }

  public static func yamlNotMapping(_ key: String, found: Message) -> Message {
    Message(
      en: "\(key) must be a set of key: value pairs, found \(found.english)",
      zh: "\(key) 应是一组“键: 值”设置，实际是\(found.chinese)")
  }

  public static func yamlEntryNotMapping(_ key: String, found: Message) -> Message {
    Message(
      en: "each entry of \(key) must be a set of key: value pairs, found \(found.english)",
      zh: "\(key) 的每一项都应是一组“键: 值”设置，实际有一项是\(found.chinese)")
  }

  /// An unknown key in a place where keys are free to be ignored (warnings).
  public static func yamlUnknownKey(_ key: String, in context: SettingsPlace, suggestion: String?, known: [String])
    -> Message
  {
    Message(
      en: "unknown key '\(key)' in \(context.english) is ignored\(suggestion.map { "; did you mean \($0)?" } ?? "")"
        + " (known keys: \(known.joined(separator: ", ")))",
      zh: "\(context.chinese)中的“\(key)”不是可用的设置项，已忽略\(suggestion.map { "；是否想写 \($0)？" } ?? "")"
        + "（可用的设置项：\(known.joined(separator: "、"))）")
  }

  /// An unknown key where a mistake would publish the wrong thing (front matter): an error.
  public static func yamlUnknownKeyRefused(
    _ key: String, in context: SettingsPlace, suggestion: String?, known: [String]
  )
    -> Message
  {
    Message(
      en: "unknown key '\(key)' in \(context.english)\(suggestion.map { "; did you mean \($0)?" } ?? "")"
        + " (known keys: \(known.joined(separator: ", ")))",
      zh: "\(context.chinese)中的“\(key)”不是可用的设置项\(suggestion.map { "；是否想写 \($0)？" } ?? "")"
        + "（可用的设置项：\(known.joined(separator: "、"))）")
  }

  public static func yamlSyntax(_ problem: String, context: String?, contextLine: Int?) -> Message {
    let english = contextLine.map { " (\(context ?? "") at line \($0))" } ?? ""
    let chinese = contextLine.map { "（相关内容从第 \($0) 行开始）" } ?? ""
    return Message(
      en: "invalid YAML: \(problem)\(english)", zh: "格式有误：\(chineseYAMLProblem(problem))\(chinese)")
  }

  /// libyaml's problems in the words an editor knows; the parser's own words in brackets
  /// for anyone who searches for them.
  private static func chineseYAMLProblem(_ problem: String) -> String {
    let explanations: [(String, String)] = [
      ("did not find expected ',' or ']'", "方括号列表 [ ] 没有正确写完：各项之间用半角逗号“,”分隔，最后以半角“]”结束"),
      ("did not find expected ',' or '}'", "花括号 { } 没有正确写完：各项之间用半角逗号“,”分隔，最后以半角“}”结束"),
      ("could not find expected ':'", "缺少半角冒号“:”：每一行应写成“键: 值”，冒号后留一个空格"),
      ("mapping values are not allowed", "值里出现了“: ”，含冒号的文字请用英文引号括起来，如 title: \"甲: 乙\""),
      ("did not find expected key", "这一行的缩进或写法不对：应与上一项对齐，写成“键: 值”"),
      ("did not find expected '-' indicator", "列表项“- ”的缩进不一致"),
      ("block sequence entries are not allowed", "列表项“- ”不能写在这里，请检查缩进"),
      ("found character that cannot start any token", "这里有一个不能出现在开头的字符（如 Tab、@、`），文字中含这些字符时请用英文引号括起来"),
      ("found unexpected end of stream", "文件在引号或括号闭合之前就结束了，请检查引号和括号是否成对"),
      ("did not find expected node content", "此处缺少内容"),
      ("found a tab character", "缩进不能用 Tab 键，请改用空格"),
      ("found unknown escape character", "英文双引号中的反斜杠“\\”后面跟了无法识别的字符，可改用单引号"),
    ]
    let explanation = explanations.first { problem.contains($0.0) }?.1 ?? "无法读取"
    return "\(explanation)（YAML: \(problem)）"
  }

  public static func yamlTabs() -> Message {
    Message(
      en: "YAML does not allow tabs for indentation, use spaces",
      zh: "缩进不能用 Tab 键，请改用空格")
  }

  /// A full-width character typed where YAML needs its ASCII twin, such as `source：`.
  public static func yamlFullWidth(_ character: Character, ascii: String) -> Message {
    Message(
      en:
        "the full-width “\(character)” must be the ASCII “\(ascii)” here (switch the input method to English punctuation)",
      zh: "此处的全角“\(character)”应为半角“\(ascii)”（请把输入法切换到英文标点后重新输入）")
  }

  public static func yamlDuplicateKey(_ keys: [String]) -> Message {
    Message(
      en: "duplicate key \(keys.map { "'\($0)'" }.joined(separator: ", ")): each key may appear once",
      zh: "设置项 \(keys.map { "“\($0)”" }.joined(separator: "、")) 写了不止一次，每项只能出现一次")
  }

  /// Joins a message with a hint that follows it.
  public func followed(by hint: Message) -> Message {
    Message(en: "\(english); \(hint.english)", zh: "\(chinese)；\(hint.chinese)", id: id)
  }

  // What a YAML value is, for the messages above.
  public static func yamlValue(_ text: String) -> Message {
    Message(en: "\"\(text)\"", zh: "“\(text)”")
  }

  public static func yamlKindMapping() -> Message { Message(en: "a set of key: value pairs", zh: "一组“键: 值”设置") }
  public static func yamlKindList() -> Message { Message(en: "a list", zh: "一个列表") }
  public static func yamlKindAlias() -> Message { Message(en: "an alias", zh: "一个别名（*）") }
}

/// Where a set of YAML settings sits, for messages about its keys.
public enum SettingsPlace: Sendable, CaseIterable {
  case site, footer, limits, keyFigures, reportFrontMatter, articleFrontMatter, checks, search
  case dataset, datasetDescription, column, workbookDescription, sheetDescription, chart

  public var english: String {
    switch self {
    case .site: "site.yml"
    case .footer: "footer"
    case .limits: "limits"
    case .checks: "checks"
    case .search: "search"
    case .keyFigures: "key_figures"
    case .reportFrontMatter: "the report's front matter"
    case .articleFrontMatter: "front matter"
    case .dataset: "a dataset"
    case .datasetDescription: "a dataset description"
    case .column: "a column"
    case .workbookDescription: "a workbook's description"
    case .sheetDescription: "a sheet's description"
    case .chart: "a chart"
    }
  }

  public var chinese: String {
    switch self {
    case .site: "site.yml "
    case .footer: "页脚设置（footer）"
    case .limits: "限额设置（limits）"
    case .checks: "发布前检查设置（checks）"
    case .search: "站内搜索设置（search）"
    case .keyFigures: "关键指标（key_figures）"
    case .reportFrontMatter: "报告的开头设置"
    case .articleFrontMatter: "文章开头的设置（--- 之间）"
    case .dataset: "数据集"
    case .datasetDescription: "数据说明"
    case .column: "列说明"
    case .workbookDescription: "工作簿说明"
    case .sheetDescription: "工作表说明"
    case .chart: "图表设置"
    }
  }
}
