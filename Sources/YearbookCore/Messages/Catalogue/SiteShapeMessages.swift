/// Messages about the site as a whole: output files two sources claim, tags, feeds.
extension Message {
  /// A file or folder name inside a message: the same in every language.
  public static func named(_ path: String) -> Message { Message(en: path, zh: path) }

  public static func tagPageOrigin(_ tag: String, usedIn: String) -> Message {
    Message(en: "the page of tag '\(tag)' (used in \(usedIn))", zh: "标签“\(tag)”的页面（\(usedIn) 中使用）")
  }

  public static func generatedPageOrigin(_ name: String) -> Message {
    Message(en: "the \(name) page Yearbook generates", zh: "Yearbook 生成的 \(name) 页面")
  }

  public static func outputClaimedTwice(_ path: String, earlier: Message, later: Message) -> Message {
    Message(
      en: "two sources claim the output file \(path): \(earlier.english) and \(later.english)",
      zh: "输出文件 \(path) 同时来自两处：\(earlier.chinese)和\(later.chinese)")
  }

  public static func noSiteURLForFeeds() -> Message {
    Message(
      en:
        "sitemap.xml and feed.xml are not written: both need absolute URLs; set site_url to the site's origin, such as https://www.pinghu.gov.cn",
      zh: "没有生成 sitemap.xml 和 feed.xml：它们需要完整网址；请在 site.yml 中把 site_url 设为网站域名，如 https://www.pinghu.gov.cn")
  }

  public static func tagSpelledTwoWays(_ tag: String, shownAs: String, writtenIn: String) -> Message {
    Message(
      en:
        "tag '\(tag)' is shown as '\(shownAs)' (written so in \(writtenIn)): tags that differ only in case or width are one tag; write it one way",
      zh: "标签“\(tag)”显示为“\(shownAs)”（\(writtenIn) 中是这样写的）：只有大小写或全角半角不同的标签算同一个，请统一写法")
  }

  public static func previewLinkOutside() -> Message {
    Message(
      en: "a symbolic link to a file outside the project: the preview does not serve it",
      zh: "指向网站项目之外文件的符号链接：预览不提供这个文件")
  }
}
