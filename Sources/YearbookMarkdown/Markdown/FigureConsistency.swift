import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookModel

/// Finds numbers in prose that disagree with the data: a sentence that names an indicator
/// (a dataset row such as 新认定国家高新技术企业) and gives a number in that indicator's
/// unit that is not its value gets a warning. Numbers bound with `{{…}}` are never checked,
/// because they come from the data.
public struct FigureConsistency: Sendable {
  package struct Indicator: Sendable {
    var label: String
    var value: Quantity
    var dataset: String
    var column: String
    /// The dataset's period; nil applies to every report.
    var period: String?
  }

  package let indicators: [Indicator]

  /// Only labels that name exactly one value are checked: the same label with two values
  /// (two scopes, two columns, applied and approved) cannot say which one a sentence means.
  public init(datasets: [Dataset]) {
    var candidates: [Indicator] = []
    for dataset in datasets {
      guard let first = dataset.columns.first, !first.isNumeric else { continue }
      for row in dataset.rows {
        let label = row[0].text
        // Labels with few Chinese characters (合计, 2024年) would match too many sentences.
        guard label.unicodeScalars.filter({ ScriptKind.of($0) == .cjk }).count >= 4 else { continue }
        for (index, cell) in row.enumerated() where index > 0 && dataset.columns[index].isNumeric {
          if let value = cell.quantity, !value.unit.symbol.isEmpty {
            candidates.append(
              Indicator(
                label: label, value: value, dataset: dataset.id, column: dataset.columns[index].name,
                period: dataset.period))
          }
        }
      }
    }
    let byKey = Dictionary(grouping: candidates) { "\($0.label)|\($0.period ?? "")" }
    indicators = candidates.filter { byKey["\($0.label)|\($0.period ?? "")"]?.count == 1 }
  }

  /// Warnings for one paragraph's text, located at the paragraph. `period` is the report's:
  /// figures of other periods are not compared with it.
  /// The text and its location are asked for only when some indicator could be named.
  package func check(
    _ text: @autoclosure () -> String, period: String?, at location: @autoclosure () -> SourceLocation
  ) -> [Diagnostic] {
    var relevant = indicators.filter { $0.period == nil || $0.period == period }
    guard !relevant.isEmpty else { return [] }
    let text = text()
    // Most paragraphs name no indicator at all: they are let go before being cut into
    // sentences (a label a sentence names is in its paragraph).
    relevant = relevant.filter { text.containsText($0.label) }
    guard !relevant.isEmpty else { return [] }
    // Found only for a warning: working out a paragraph's column reads its line again.
    var found: SourceLocation?
    var diagnostics: [Diagnostic] = []
    let years = period.flatMap(FigureConsistency.years(in:))
    for sentence in FigureConsistency.sentences(text) {
      // A sentence about another year (a 2024 aside in the 2016-2020 review) is not
      // about this report's figures.
      if let years, FigureConsistency.yearsNamed(in: sentence).contains(where: { !years.contains($0) }) { continue }
      let numbers = FigureConsistency.numbers(in: sentence)
      guard !numbers.isEmpty else { continue }
      let named = relevant.filter { sentence.containsText($0.label) }
      // A label inside a longer named label (省级研发中心 in 新增省级研发中心) is the longer one's.
      let longest = named.filter { indicator in
        !named.contains { $0.label != indicator.label && $0.label.containsText(indicator.label) }
      }
      for indicator in longest {
        let comparable = numbers.compactMap { $0.converted(to: indicator.value.unit).map { ($0, $0) } }
          .filter { $0.0.unit.symbol == indicator.value.unit.symbol }
          .map(\.0)
        guard !comparable.isEmpty else { continue }
        let matches = comparable.contains { number in
          // Said to fewer decimals than the data has (41.96亿元 as 42亿元) is still the figure.
          let decimals = min(number.decimals, indicator.value.decimals)
          return number.rounded(toDecimals: decimals) == indicator.value.rounded(toDecimals: decimals)
        }
        if !matches {
          let said = comparable.map(ChineseNumberFormat.format).joined(separator: "、")
          let at = found ?? location()
          found = at
          diagnostics.append(
            .warning(
              .figureSaysOtherwise(
                label: indicator.label, said: said, dataset: indicator.dataset,
                gives: ChineseNumberFormat.format(indicator.value), column: indicator.column),
              at: at))
        }
      }
    }
    return diagnostics
  }

  /// `2024` → 2024...2024, `2016-2020` → 2016...2020.
  package static func years(in period: String) -> ClosedRange<Int>? {
    let parts = period.split(whereSeparator: { $0 == "-" || $0 == "—" || $0 == "–" }).compactMap { Int($0) }
    guard let first = parts.first, let last = parts.last, first <= last, first > 1000 else { return nil }
    return first...last
  }

  /// Years written as `2024年`.
  package static func yearsNamed(in sentence: String) -> [Int] {
    let characters = Array(sentence)
    var years: [Int] = []
    for index in characters.indices where characters[index] == "年" && index >= 4 {
      let digits = String(characters[(index - 4)..<index])
      if digits.allSatisfy({ $0.isASCII && $0.isNumber }),
        index < 5 || !(characters[index - 5].isASCII && characters[index - 5].isNumber),
        let year = Int(digits)
      {
        years.append(year)
      }
    }
    return years
  }

  package static func sentences(_ text: String) -> [String] {
    text.split(whereSeparator: { "。！？；!?;\n".contains($0) }).map(String.init)
  }

  /// Numbers written in the text with the unit that follows them (`41.96亿元`, `300.1%`).
  /// Numbers that are part of a year (`2024年`) or a longer code are skipped.
  package static func numbers(in sentence: String) -> [Quantity] {
    let characters = Array(sentence)
    var found: [Quantity] = []
    var index = 0
    while index < characters.count {
      guard characters[index].isASCII && characters[index].isNumber,
        index == 0
          || !(characters[index - 1].isASCII
            && (characters[index - 1].isLetter || characters[index - 1].isNumber || characters[index - 1] == "."))
      else {
        index += 1
        continue
      }
      var end = index
      while end < characters.count
        && (characters[end].isASCII && characters[end].isNumber || characters[end] == "." || characters[end] == ",")
      {
        end += 1
      }
      let rest = String(characters[end..<min(characters.count, end + 6)])
      let unit = Unit.knownSuffixes.first { rest.hasPrefix($0) } ?? ""
      if let quantity = Quantity.parse(String(characters[index..<end]) + unit), !unit.isEmpty {
        found.append(quantity)
      }
      index = end
    }
    return found
  }
}
