/// The language messages are written in: the bureau's editors read Chinese; English is
/// for `--lang en`, an English locale, or a site whose `language` is not Chinese.
public enum Language: String, Sendable, Hashable, CaseIterable {
  case chinese = "zh-CN"
  case english = "en"

  /// `zh`, `zh-CN`, `zh_Hans`… are Chinese; `en`, `en-US`… English; anything else is unknown.
  public init?(code: String) {
    let lowered = code.lowercased()
    if lowered.hasPrefix("zh") {
      self = .chinese
    } else if lowered.hasPrefix("en") {
      self = .english
    } else {
      return nil
    }
  }

  /// The rule, in order: `--lang`; an English locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, as
  /// POSIX reads them); the site's `language`; Chinese, the language of the product's users.
  /// A `C` or `POSIX` locale says nothing about the reader, so it does not count.
  public static func choose(flag: String?, environment: [String: String], siteLanguage: String?) -> Language {
    if let flag, let language = Language(code: flag) { return language }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
    if let locale, Language(code: locale) == .english { return .english }
    if let siteLanguage, let language = Language(code: siteLanguage) { return language }
    return siteLanguage == nil ? .chinese : .english
  }
}
