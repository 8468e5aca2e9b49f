/// Messages of `yearbook pdf`: the tools it needs and what the printed report says.
extension Message {
  public static func chromiumMissing() -> Message {
    Message(
      en: "Chromium is not installed; install it with: apt-get install -y chromium",
      zh: "没有安装 Chromium 浏览器：请运行 apt-get install -y chromium 安装")
  }

  public static func pdftotextMissing() -> Message {
    Message(
      en:
        "pdftotext is not installed (it reads the pages back to number the contents); install it with: apt-get install -y poppler-utils",
      zh: "没有安装 pdftotext（用于读出页码、编排目录）：请运行 apt-get install -y poppler-utils 安装")
  }

  public static func pdfTemporaryFolder(_ path: String) -> Message {
    Message(
      en: "the temporary folder \(path) cannot be a base path (it has a space or a quote)",
      zh: "临时文件夹 \(path) 不能用作网站路径（其中有空格或引号）")
  }

  public static func pdfSiteDoesNotBuild() -> Message {
    Message(
      en: "the site does not build, so its report cannot be printed; fix the errors above",
      zh: "网站生成失败，报告无法打印：请先修改上面列出的错误")
  }

  public static func pdfNoSuchReport(_ report: String) -> Message {
    Message(
      en: "there is no report \(report) (no Content/\(report)/_index.md, or it is a draft: add --drafts)",
      zh: "没有报告 \(report)（没有 Content/\(report)/_index.md，或者它是草稿：请加 --drafts）")
  }

  public static func chromiumFailed(status: Int, says: String) -> Message {
    Message(
      en: "Chromium could not print the report (exit status \(status)): \(says)",
      zh: "Chromium 无法打印报告（退出状态 \(status)）：\(says)")
  }

  public static func pdftotextFailed(_ status: Int) -> Message {
    Message(
      en: "pdftotext could not read the printed report (exit status \(status))",
      zh: "pdftotext 无法读取打印出的报告（退出状态 \(status)）")
  }

  public static func pdfChapterNotFound(_ title: String) -> Message {
    Message(
      en: "the chapter “\(title)” was not found at the top of any page, so the contents give it no page number",
      zh: "没有在任何一页的开头找到“\(title)”这一章，目录中它没有页码")
  }

  public static func pdfContentsMoved() -> Message {
    Message(
      en: "the page numbers moved chapters when written into the contents; check the contents of the PDF",
      zh: "目录写入页码后章节位置发生了变化：请核对 PDF 的目录")
  }

  public static func pdfThemeWithoutPageNumbers() -> Message {
    Message(
      en:
        "the theme's contents have no room for page numbers (<span class=\"print-toc-page\" data-anchor=\"{{anchor}}\"></span> in each entry); the PDF's contents have none",
      zh: "主题的目录中没有留出页码的位置（每一项中的 <span class=\"print-toc-page\" data-anchor=\"{{anchor}}\"></span>），PDF 的目录将没有页码")
  }

  public static func pdfWritten(_ path: String, pages: Int, chapters: Int) -> Message {
    Message(
      en: "Wrote \(path): \(pages) pages, \(chapters) chapters, contents with page numbers",
      zh: "已生成 \(path)：共 \(pages) 页，\(chapters) 章，目录带页码")
  }

  public static func pdfShortPages(_ pages: [Int]) -> Message {
    Message(
      en: "pages \(pages.map(String.init).joined(separator: ", ")) still hold one or two lines",
      zh: "第 \(pages.map(String.init).joined(separator: "、")) 页仍只有一两行")
  }
}
