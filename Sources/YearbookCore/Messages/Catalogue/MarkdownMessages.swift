/// Messages about articles' Markdown: links, images, tables, figures written in the text.
extension Message {
  public static func rawHTMLShownAsText() -> Message {
    Message(
      en: "raw HTML is shown as text; set unsafe_html: true in site.yml to let it through",
      zh: "文中的 HTML 代码会原样显示为文字；如确需生效，请在 site.yml 中设置 unsafe_html: true")
  }

  public static func imageWithoutDescription() -> Message {
    Message(
      en: "image has no description; write ![what it shows](path) so screen readers can say what it shows",
      zh: "图片没有文字说明：请写成 ![图片内容](路径)，读屏软件才能告诉视障读者图片的内容")
  }

  public static func scriptLinkRemoved(_ url: String) -> Message {
    Message(
      en: "a script link (\(url)) was removed; only its text is shown",
      zh: "已去掉一个脚本链接（\(url)），只显示它的文字")
  }

  public static func linkNotOnSite(_ path: String, prefix: String) -> Message {
    Message(
      en:
        "link \"\(path)\" is not a page or file of this site; if it is a page of the host portal, add its prefix to portal_paths in site.yml (portal_paths: [\(prefix)]), or write the full URL (https://…)",
      zh:
        "链接“\(path)”不是本站的页面或文件；如果它是门户网站的页面，请把它的前缀加入 site.yml 的 portal_paths（portal_paths: [\(prefix)]），或写完整网址（https://…）"
    )
  }

  public static func linkOutsideContent(_ url: String) -> Message {
    Message(en: "link \"\(url)\" points outside Content/", zh: "链接“\(url)”指向了 Content/ 之外")
  }

  public static func linkToMissingArticle(_ path: String, file: String) -> Message {
    Message(
      en: "link to a missing article \"\(path)\" (no file Content/\(file))",
      zh: "链接的文章“\(path)”不存在（没有 Content/\(file) 这个文件）")
  }

  public static func linkTargetMissing(_ path: String, file: String) -> Message {
    Message(
      en: "link target \"\(path)\" not found (no file Content/\(file); files for links go in Content/assets/)",
      zh: "找不到链接的文件“\(path)”（没有 Content/\(file)；供链接的文件请放在 Content/assets/ 中）")
  }

  public static func tableRowWidth(cells: Int, header: Int) -> Message {
    let english =
      cells < header ? "the missing cells are left empty" : "the cells after the \(header)th are left out"
    let chinese = cells < header ? "缺少的格子留空" : "第 \(header) 格之后的内容不显示"
    return Message(
      en:
        "this table row has \(cells) cell\(cells == 1 ? "" : "s") but the header has \(header); \(english). Add or remove a |",
      zh: "表格的这一行有 \(cells) 格，表头却有 \(header) 格：\(chinese)。请补上或删掉一个“|”")
  }

  public static func figureSaysOtherwise(label: String, said: String, dataset: String, gives: String, column: String)
    -> Message
  {
    Message(
      en:
        "the sentence names “\(label)” and says \(said), but dataset '\(dataset)' gives \(gives); correct one of them, or write {{\(dataset):\(column):\(label)}} to take the value from the data",
      zh: "这句话提到“\(label)”是 \(said)，但数据集“\(dataset)”中是 \(gives)：请改正其中一处，或写成 {{\(dataset):\(column):\(label)}} 直接引用数据")
  }

  // A figure written as {{dataset:column:row}} that cannot be filled in.
  public static func figureNoDataset(_ dataset: String) -> Message {
    Message(en: "no dataset '\(dataset)' in Content/data/", zh: "Content/data/ 中没有数据集“\(dataset)”")
  }

  public static func figureCellEmpty(_ column: String, row: String, dataset: String) -> Message {
    Message(
      en: "the cell \(column) of row '\(row)' in dataset '\(dataset)' is empty",
      zh: "数据集“\(dataset)”中“\(row)”行的“\(column)”格是空的")
  }

  public static func figureCellNotNumber(_ column: String, row: String, dataset: String, text: String) -> Message {
    Message(
      en: "the cell \(column) of row '\(row)' in dataset '\(dataset)' is not a number (\"\(text)\")",
      zh: "数据集“\(dataset)”中“\(row)”行的“\(column)”格不是数字（“\(text)”）")
  }
}
