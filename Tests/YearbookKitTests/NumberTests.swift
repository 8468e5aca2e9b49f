import Testing

@testable import YearbookBuild
@testable import YearbookCharts
@testable import YearbookCore
@testable import YearbookIndex
@testable import YearbookKit
@testable import YearbookLoad
@testable import YearbookMarkdown
@testable import YearbookModel
@testable import YearbookPortal
@testable import YearbookPreview
@testable import YearbookRender

@Suite struct NumberTests {
  @Test(arguments: [
    ("１２３，４５６．７", 123456.7, 1, ""), ("1,234", 1234, 0, ""), ("-3.50", -3.5, 2, ""), ("65.1%", 65.1, 1, "%"),
    ("3500万元", 3500, 0, "万元"), ("1.38亿元", 1.38, 2, "亿元"), ("12 家", 12, 0, "家"), ("＋８％", 8, 0, "%"),
    ("40.3件/万人", 40.3, 1, "件/万人"), ("1000000000000000", 1e15, 0, ""), ("+007", 7, 0, ""),
    ("-0.050", -0.05, 3, ""), ("9223372036854775807", 9.223372036854775807e18, 0, ""),
  ])
  func parsesNumbersAsStatisticsTablesWriteThem(text: String, value: Double, decimals: Int, unit: String) throws {
    let quantity = try #require(Quantity.parse(text))
    #expect(quantity.value == value)
    #expect(quantity.decimals == decimals)
    #expect(quantity.unit.symbol == unit)
  }

  @Test(arguments: [
    "", "约", "1千余", "12,34", "1.2.3", "n/a", "3.5 apples", "-", "2016-2020", ".", "约超过3", "12345678901234567890",
    "5.", "+.5", "--5", "9223372036854775808", "1 2",
  ])
  func rejectsWhatIsNotANumber(text: String) {
    #expect(Quantity.parse(text) == nil)
  }

  @Test func formatsMoneyInWanAndYi() {
    #expect(ChineseNumberFormat.format(Quantity(value: 138_000_000, decimals: 0, unit: Unit("元"))) == "1.38亿元")
    #expect(ChineseNumberFormat.format(Quantity(value: 35_000_000, decimals: 0, unit: Unit("元"))) == "3500万元")
    #expect(ChineseNumberFormat.format(Quantity(value: 13800, decimals: 0, unit: Unit("万元"))) == "1.38亿元")
    #expect(ChineseNumberFormat.format(Quantity(value: 5993.92, decimals: 2, unit: Unit("万元"))) == "5993.92万元")
    #expect(ChineseNumberFormat.format(Quantity(value: 41.96, decimals: 2, unit: Unit("亿元"))) == "41.96亿元")
    #expect(ChineseNumberFormat.format(Quantity(value: 800, decimals: 0, unit: Unit("元"))) == "800元")
  }

  @Test func keepsTheDecimalsThatWereWritten() {
    #expect(ChineseNumberFormat.format(Quantity(value: 65.1, decimals: 2, unit: Unit("%"))) == "65.10%")
    #expect(ChineseNumberFormat.format(Quantity(value: 0.1 + 0.2, decimals: 1, unit: Unit(""))) == "0.3")
    #expect(ChineseNumberFormat.number(-0.0001, decimals: 2) == "0.00")
  }

  @Test func sharesChangeInPercentagePointsAndAmountsInPercent() {
    let share2015 = Quantity(value: 2.61, decimals: 2, unit: Unit("%"))
    let share2020 = Quantity(value: 3.09, decimals: 2, unit: Unit("%"))
    #expect(ChineseNumberFormat.change(from: share2015, to: share2020) == "提高0.48个百分点")
    #expect(ChineseNumberFormat.change(from: share2020, to: share2015) == "降低0.48个百分点")
    let before = Quantity(value: 3500, decimals: 0, unit: Unit("万元"))
    let after = Quantity(value: 1.38, decimals: 2, unit: Unit("亿元"))
    #expect(ChineseNumberFormat.change(from: before, to: after) == "增长294.3%")
    #expect(ChineseNumberFormat.change(from: after, to: before) == "下降74.6%")
    #expect(ChineseNumberFormat.change(from: before, to: before) == "持平")
    #expect(ChineseNumberFormat.change(from: Quantity(value: 0, decimals: 0, unit: Unit("家")), to: before) == nil)
  }

  @Test func convertsBetweenUnitsOfOneKind() throws {
    let converted = try #require(Quantity(value: 3500, decimals: 0, unit: Unit("万元")).converted(to: Unit("亿元")))
    #expect(ChineseNumberFormat.number(converted) == "0.35")
    let back = try #require(Quantity(value: 1.38, decimals: 2, unit: Unit("亿元")).converted(to: Unit("万元")))
    #expect(back.value == 13800 && back.decimals == 0)
    #expect(Quantity(value: 3, decimals: 0, unit: Unit("家")).converted(to: Unit("人")) == nil)
  }

  @Test func ticksUseOneTwoFiveSteps() {
    #expect(NiceScale(values: [2.61, 3.09], includeZero: true).ticks == [0, 1, 2, 3, 4])
    #expect(
      NiceScale(values: [0.1, 0.7], includeZero: true).ticks.map {
        ChineseNumberFormat.tick($0, step: 0.2, unit: Unit(""))
      } == [
        "0.0", "0.2", "0.4", "0.6", "0.8",
      ])
    let negative = NiceScale(values: [-35, 20], includeZero: true)
    #expect(negative.lower == -40 && negative.upper == 20 && negative.step == 20)
    let flat = NiceScale(values: [5, 5], includeZero: false)
    #expect(flat.lower < 5 && flat.upper > 5)
    // The magnitude lives in the chart's unit, stated once: ticks never add 万 or 亿.
    #expect(ChineseNumberFormat.tick(20000, step: 5000, unit: Unit("万元")) == "20000")
    #expect(ChineseNumberFormat.tick(40, step: 20, unit: Unit("%")) == "40%")
  }

  @Test func wrapsChineseLabelsWithoutSplittingCharactersOrStartingWithPunctuation() {
    let lines = TextMetrics.wrap("重点项目包括平湖国际科创岛一期工程、润泽国际信息港等", maxWidth: 13 * 16, fontSize: 13, maxLines: 3)
    #expect(lines.joined() == "重点项目包括平湖国际科创岛一期工程、润泽国际信息港等")
    #expect(lines.allSatisfy { !$0.hasPrefix("、") })
    let cut = TextMetrics.wrap(String(repeating: "长", count: 100), maxWidth: 130, fontSize: 13, maxLines: 2)
    #expect(cut.count == 2 && cut[1].hasSuffix("…"))
  }
}
