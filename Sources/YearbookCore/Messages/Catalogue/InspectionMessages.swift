/// Messages of the checks a government site is inspected for: page metadata, personal
/// information, the word list, links and dates.
extension Message {
  // MARK: Page metadata

  public static func missingSiteCode() -> Message {
    Message(
      en: "footer has no site_code (政府网站标识码): pages go out without the SiteIDCode metadata the portal collects",
      zh: "footer 中没有 site_code（政府网站标识码）：页面将缺少门户采集所需的 SiteIDCode 元数据")
  }

  public static func missingRequiredField(_ field: String) -> Message {
    Message(
      en: "\(field) is missing: site.yml requires it of every article (require: [\(field)])",
      zh: "缺少 \(field)：site.yml 的 require 要求每篇文章都填写它")
  }

  public static func unknownRequiredField(_ field: String, allowed: String) -> Message {
    Message(
      en: "require cannot ask for \"\(field)\"; it can ask for \(allowed)",
      zh: "require 中的“\(field)”不能要求：可以要求的是 \(allowed)")
  }
}

extension Message {
  // MARK: Dates

  public static func futureDate(_ date: String, today: String) -> Message {
    Message(
      en: "the date \(date) has not come yet (today is \(today)): a published article cannot be dated in the future",
      zh: "日期 \(date) 晚于今天（\(today)）：已发布的文章不能使用将来的日期")
  }
}
