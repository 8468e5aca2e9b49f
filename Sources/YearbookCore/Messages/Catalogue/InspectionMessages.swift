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

  public static func badPortalSearchURL(_ address: String) -> Message {
    Message(
      en: "portal_url must be the portal search's full address, starting https://; got \"\(address)\"",
      zh: "portal_url 应是门户网站搜索页的完整地址，以 https:// 开头；现在是“\(address)”")
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

extension Message {
  // MARK: Personal information

  public static func residentIDNumber(masked: String) -> Message {
    Message(
      en: "this looks like a resident ID number (居民身份证号): mask it before publishing, e.g. \(masked)",
      zh: "这里像是居民身份证号：发布前请打码，只留前4位和后4位，如 \(masked)")
  }

  public static func mobileNumber(masked: String) -> Message {
    Message(
      en: "this looks like a mobile phone number: mask it before publishing, e.g. \(masked)",
      zh: "这里像是手机号码：发布前请打码，只留前3位和后4位，如 \(masked)")
  }

  public static func bankCardNumber(masked: String) -> Message {
    Message(
      en: "this looks like a bank card number: mask it before publishing, e.g. \(masked)",
      zh: "这里像是银行卡号：发布前请打码，只留前4位和后4位，如 \(masked)")
  }

  // MARK: Word list

  public static func listedWord(_ word: String, suggestion: String?, list: String?) -> Message {
    Message(
      en: "\"\(word)\" is on the word list" + (list.map { " (\($0))" } ?? "")
        + (suggestion.map { ": write \"\($0)\"" } ?? ": it may not be published"),
      zh: "“\(word)”在词表中" + (list.map { "（\($0)）" } ?? "")
        + (suggestion.map { "：请改为“\($0)”" } ?? "：不能发布"))
  }

  public static func officialUsage(_ word: String, suggestion: String) -> Message {
    Message(
      en:
        "official writing uses \"\(suggestion)\" here, not \"\(word)\" (built-in list; checks: {builtin_words: false} turns it off)",
      zh: "公文规范用“\(suggestion)”，不用“\(word)”（内置词表；可在 site.yml 中设 checks: {builtin_words: false} 关闭）")
  }

  public static func badWordListEntry(_ line: String) -> Message {
    Message(
      en: "cannot read this word-list entry \"\(line)\": write a word, or 错词 => 正确写法",
      zh: "无法读取这一行词表“\(line)”：请写一个词，或写成“错词 => 正确写法”")
  }
}

extension Message {
  // MARK: Links

  public static func plainHTTPLink(_ url: String, secure: String) -> Message {
    Message(
      en: "this link uses http:// but the site serves HTTPS: write \(secure)",
      zh: "这个链接用的是 http://，而该网站提供 HTTPS：请改为 \(secure)")
  }

  public static func bareURLLinkText() -> Message {
    Message(
      en: "the link's text is a bare web address: say where it leads (e.g. [平湖市人民政府网站](https://…))",
      zh: "链接文字是一串网址：请写明链接去向，如 [平湖市人民政府网站](https://…)")
  }

  public static func outsideHostsHeading(_ count: Int) -> Message {
    Message(
      en: "links to other sites: \(count) hosts (review each before publishing)",
      zh: "链接到其他网站：共 \(count) 个网站（发布前请逐个确认）")
  }

  public static func outsideHostLine(_ host: String, links: Int) -> Message {
    Message(en: "  \(host)  \(links) link(s)", zh: "  \(host)  \(links) 个链接")
  }
}
