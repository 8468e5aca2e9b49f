/// Messages about `Content/`: site.yml's values, reports, articles, front matter, files.
extension Message {
  // MARK: Files and folders

  public static func noContentFolder() -> Message {
    Message(
      en: "no Content/ folder here; run yearbook from the project folder or pass --root",
      zh: "这里没有 Content/ 文件夹：请在网站项目的文件夹中运行 yearbook，或用 --root 指定项目文件夹")
  }

  public static func fileNotFound() -> Message { Message(en: "file not found", zh: "找不到这个文件") }

  public static func folderNotFile() -> Message {
    Message(
      en: "this is a folder, not a file; rename it or move it out of Content/",
      zh: "这是一个文件夹，不是文件：请改名，或把它移出 Content/")
  }

  public static func cannotRead(_ reason: Message) -> Message {
    Message(en: "cannot read the file: \(reason.english)", zh: "无法读取这个文件：\(reason.chinese)")
  }

  public static func cannotReadFolder(_ reason: Message) -> Message {
    Message(
      en: "cannot read the folder: \(reason.english); check its permissions (nothing in it was built)",
      zh: "无法读取这个文件夹：\(reason.chinese)；请检查它的权限（其中的内容都没有生成）")
  }

  // MARK: Limits

  public static func datasetOverRowLimit(rows: Int, limit: Int) -> Message {
    Message(
      en:
        "the dataset has \(rows) rows, over the limit of \(limit) (limits: dataset_rows in site.yml): its table makes the data page slow to load; aggregate it (by year, by region) or raise the limit",
      zh: "这个数据集有 \(rows) 行，超过了 \(limit) 行的上限（site.yml 中 limits 的 dataset_rows）：表格会让数据页打开很慢；请按年份、地区等汇总后再用，或提高上限")
  }

  public static func articleOverSizeLimit(size: String, limit: String) -> Message {
    Message(
      en:
        "the article is \(size), over the limit of \(limit) (limits: article_kb in site.yml); split it into several articles",
      zh: "这篇文章有 \(size)，超过了 \(limit) 的上限（site.yml 中 limits 的 article_kb）：请拆成几篇文章")
  }

  public static func pageOverSizeLimit(page: String, size: String, limit: String) -> Message {
    Message(
      en:
        "\(page) is \(size), over the limit of \(limit) for one page (limits: page_kb in site.yml); split the article or its data",
      zh: "\(page) 有 \(size)，超过了单个页面 \(limit) 的上限（site.yml 中 limits 的 page_kb）：请拆分文章或它的数据")
  }

  // MARK: site.yml

  public static func badBaseURL(_ got: String) -> Message {
    Message(
      en: "base_url must be an http(s) URL or a path starting with '/', got \"\(got)\"",
      zh: "base_url 应是以 http(s):// 开头的网址，或以“/”开头的路径（如 /kjj/ndbg/），实际是“\(got)”")
  }

  public static func badLogo(_ path: String) -> Message {
    Message(
      en: "logo must be a file under Content/assets/, such as assets/logo.svg; there is no Content/\(path)",
      zh: "logo 应是 Content/assets/ 中的文件，如 assets/logo.svg；找不到 Content/\(path)")
  }

  public static func notPositiveWholeNumber(_ key: String, got: String) -> Message {
    Message(
      en: "\(key) must be a whole number of at least 1, got \(got)",
      zh: "\(key) 应是不小于 1 的整数，实际是 \(got)")
  }

  public static func badSiteURL(_ got: String) -> Message {
    Message(
      en:
        "site_url must be the site's origin, such as https://www.pinghu.gov.cn (no path: the path goes in base_url), got \"\(got)\"",
      zh: "site_url 应是网站的域名部分，如 https://www.pinghu.gov.cn（不带路径，路径写在 base_url 中），实际是“\(got)”")
  }

  public static func badPortalPath(_ got: String) -> Message {
    Message(
      en:
        "each entry of portal_paths must be a path of the host portal starting with '/', such as /col/, got \"\(got)\"",
      zh: "portal_paths 的每一项应是门户网站上以“/”开头的路径，如 /col/，实际是“\(got)”")
  }

  public static func badConacBadge(_ got: String) -> Message {
    Message(
      en:
        "conac_badge must be the script address the 党政机关网站标识 registration gives, such as https://dcs.conac.cn/js/33/000/0000/60000000/CA330000000600000000.js, got \"\(got)\"",
      zh:
        "conac_badge 应是党政机关网站标识注册后给出的脚本地址，如 https://dcs.conac.cn/js/33/000/0000/60000000/CA330000000600000000.js，实际是“\(got)”"
    )
  }

  public static func sampleSiteCode(_ code: String) -> Message {
    Message(
      en:
        "site_code \(code) is the sample yearbook init writes: put the site's own 网站标识码 (ten digits, from the portal's operators) here before publishing",
      zh: "site_code \(code) 是 yearbook init 写入的示例：发布前请改为本网站的网站标识码（十位数字，向门户网站运维单位索取）")
  }

  public static func errorReportNeedsSiteCode() -> Message {
    Message(
      en: "error_report links to 政府网站找错 by the site's code: set site_code (网站标识码) too",
      zh: "error_report（政府网站找错）按网站标识码链接：请同时填写 site_code（网站标识码）")
  }

  public static func placeholderLeft(_ marker: String) -> Message {
    Message(
      en:
        "placeholder “\(marker)” from yearbook init or new is still here: write the real text in its place before publishing",
      zh: "这里还留着 yearbook init 或 new 写入的占位文字“\(marker)”：发布前请换成正式内容")
  }

  // MARK: Reports and articles

  public static func reportFolderName(_ problem: Message) -> Message {
    Message(en: "report folder name \(problem.english)", zh: "报告文件夹的名称\(problem.chinese)")
  }

  public static func reportWithoutIndex() -> Message {
    Message(
      en: "report folder has no _index.md; add one with a title and date",
      zh: "报告文件夹中没有 _index.md：请添加一个，写明 title（标题）和 date（日期）")
  }

  /// At the second of two articles with one slug; `other` is where the first sets it.
  public static func duplicateSlug(_ slug: String, other: String, page: String) -> Message {
    Message(
      en: "slug '\(slug)' is already used by \(other); both would be written to \(page)",
      zh: "网址名“\(slug)”已被 \(other) 使用，两篇文章会写到同一个页面 \(page)：请改一个文件名，或在其中一篇的开头设置不同的 slug:")
  }

  /// At the first of two articles with one slug.
  public static func duplicateSlugAlsoUsed(_ slug: String, other: String, page: String) -> Message {
    Message(
      en: "slug '\(slug)' is also used by \(other); both would be written to \(page)",
      zh: "网址名“\(slug)”也被 \(other) 使用，两篇文章会写到同一个页面 \(page)")
  }

  public static func badSlug(_ problem: Message) -> Message {
    Message(en: "slug \(problem.english)", zh: "slug（网址名）\(problem.chinese)")
  }

  public static func fileNameHasSpaces(page: String) -> Message {
    Message(
      en:
        "the file name has spaces, so its page is at \(page); rename the file or set slug: in the front matter to choose another",
      zh: "文件名中有空格，所以页面地址是 \(page)；如需其他地址，请改文件名，或在文章开头设置 slug:")
  }

  public static func badFileName(_ problem: Message) -> Message {
    Message(
      en: "file name \(problem.english); rename the file or set slug: in the front matter",
      zh: "文件名\(problem.chinese)：请改文件名，或在文章开头设置 slug:")
  }

  public static func missingFrontMatter() -> Message {
    Message(
      en: "missing front matter: the file must start with a line '---', then title: and date:, then another '---'",
      zh: "文章开头缺少设置：文件第一行应是“---”，接着写 title:（标题）和 date:（日期），再以一行“---”结束")
  }

  public static func unclosedFrontMatter() -> Message {
    Message(
      en: "front matter is not closed: add a line '---' after the last key",
      zh: "文章开头的设置没有结束：请在最后一项设置后加一行“---”")
  }

  // The end of a sentence about a name (`slug "a b" …`), for the three messages above.
  public static func nameEmpty() -> Message { Message(en: "is empty", zh: "不能为空") }

  public static func nameStartsWithDot(_ name: String) -> Message {
    Message(en: "\"\(name)\" may not start with a dot", zh: "“\(name)”不能以“.”开头")
  }

  public static func nameHasBadCharacters(_ name: String) -> Message {
    Message(
      en: "\"\(name)\" may contain only letters, digits, '-', '_' and '.'",
      zh: "“\(name)”只能包含文字、数字和“-”“_”“.”，不能有空格或其他符号")
  }
}
