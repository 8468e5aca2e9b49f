import YearbookCore
import YearbookLoad
import YearbookModel

/// The content `yearbook init` writes: a site that builds at once and shows every part a
/// new user needs to copy from (settings, a report, an article with a chart, a dataset).
/// Examples are marked 待填写 (or 待替换), and the site code is the sample 0000000000, so
/// `build` refuses to publish them until they are replaced; the sample report is a draft,
/// seen with `--drafts`, so the editor's own report is the one the home page features.
enum StarterSite {
  static func files(year: String, today: String) -> [String: String] {
    [
      "Content/site.yml": siteSettings,
      "Content/\(year)/_index.md": report(year: year, today: today),
      "Content/\(year)/overview.md": article(year: year, today: today),
      "Content/data/indicators.csv": dataset(year: year),
      "Content/data/indicators.meta.yml": datasetDescription,
    ]
  }

  static let siteSettings = """
    # 站点设置 Site settings. Every value marked 待填写 is a placeholder to replace.
    # 站点名称 The site's title, shown in every page's header and <title>.
    title: 某县科技创新年度报告（待填写）
    # 语言 Page language.
    language: zh-CN
    # 网站根路径 Where the site is served from: / or a portal path such as /kjj/ndbg/.
    base_url: /
    # 网站域名 The site's origin, for the absolute URLs of the sitemap and the feed.
    site_url: https://www.example.gov.cn
    # 站点简介 One sentence for search engines and the feed.
    description: 某县科学技术局编发的科技创新年度报告（待填写）。
    # 发布单位 The publisher, shown on reports and as the default organizer.
    publisher: 某县科学技术局（待填写）
    # 是否允许 Markdown 中的原始 HTML Let raw HTML in Markdown through (keep false).
    unsafe_html: false
    # 每个标签页显示的文章数 Articles per tag page.
    paginate: 50
    # 订阅源中的条目数 Entries in feed.xml.
    feed_limit: 20
    # 网站标志 The emblem shown before the title, a file under Content/assets/ (uncomment).
    # logo: assets/logo.svg
    # 页脚 Footer fields a government site shows on every page; leave out what you lack.
    footer:
      # 主办单位 Organizer.
      organizer: 某县科学技术局（待填写）
      # 网站标识码 Site code, ten digits.
      site_code: "0000000000"
      # 政府网站找错 A link to the State Council's error-report page for the site code (uncomment).
      # error_report: true
      # ICP备案号 ICP record number.
      icp: 浙ICP备00000000号-1
      # 公安备案号 Public security record number.
      police_record: 浙公网安备 00000000000000号
      # 联系方式 Free text contact line.
      contact: 对本网站的意见和建议，请联系办公室（待填写）
      # 地址 Address.
      address: 某省某县某街道某路1号（待填写）
      # 邮编 Postcode, six digits.
      postcode: "000000"
      # 联系电话 Phone.
      phone: 0000-00000000
      # 电子邮箱 Email.
      email: kjj@example.gov.cn
      # 版权所有 Copyright line.
      copyright: 某县科学技术局 版权所有

    """

  static func report(year: String, today: String) -> String {
    """
    ---
    title: \(year)年度科技创新工作报告（示例，待替换）
    date: \(today)
    period: "\(year)"
    # 示例报告：只在 yearbook serve --drafts 中显示。写好自己的报告（yearbook new report 年份）后删除本文件夹。
    draft: true
    summary: 本报告汇总\(year)年全县科技创新的主要指标和重点工作（待填写）。
    weight: 1
    key_figures:
      - {label: 高新技术企业（待填写）, value: "0", unit: 家, note: 待填写}
    ---
    这里是报告的导语：用一两段话概述本年度科技创新工作的总体情况（待填写）。

    本报告收录的文章列在下方。

    """
  }

  static func article(year: String, today: String) -> String {
    """
    ---
    title: \(year)年科技创新工作综述
    date: \(today)
    summary: 一句话概括本文的内容（待填写）。
    source: 某县科学技术局
    tags: [科技创新]
    weight: 1
    ---
    这是一篇示例文章。正文用 Markdown 书写，**加粗的内容。**后面紧跟的文字也能正确显示。

    ## 主要指标

    下面的图表从 `Content/data/indicators.csv` 读取数据，构建时画成图形，并附有数据表。

    ```chart
    type: column
    data: indicators
    x: 年份
    y: [研发经费]
    title: 全社会研发经费支出
    ```

    全社会研发经费支出达到{{indicators:研发经费:\(year)}}（示例数据，待替换）。

    ## 下一步工作

    | 任务 | 目标 |
    | :--- | ---: |
    | 新增高新技术企业 | 20家 |
    | 引进科技人才 | 100人 |

    """
  }

  /// What the CSV's header cannot say: the title the data page lists it by, its source,
  /// and labels or units for columns whose header is a key.
  static let datasetDescription = """
    # 数据说明 A description of indicators.csv beside it.
    title: 主要科技指标（示例数据，待替换）
    source: 待填写
    # columns:
    #   - {name: 研发经费, label: 全社会研发经费支出, unit: 亿元}

    """

  static func dataset(year: String) -> String {
    let last = Int(year) ?? 2025
    let rows = (0..<3).map { offset in "\(last - 2 + offset),\(["8.5", "9.2", "10.1"][offset])亿元" }
    return "年份,研发经费\n" + rows.joined(separator: "\n") + "\n"
  }
}
