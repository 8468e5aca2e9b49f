/// `yearbook --help`: what each command and option is for.
extension Message {
  public static func helpYearbook() -> Message {
    Message(
      en: "Builds a yearly report site from Markdown articles and data.",
      zh: "用 Markdown 文章和数据生成年度报告网站。")
  }

  public static func helpBuild() -> Message {
    Message(
      en: "Build the site into the output folder (replaced only when the build succeeds).",
      zh: "生成网站，写入输出文件夹（只有生成成功才替换原有内容）。")
  }

  public static func helpCheck() -> Message {
    Message(en: "Validate content and templates without writing anything.", zh: "检查内容和模板，不写入任何文件。")
  }

  public static func helpServe() -> Message {
    Message(
      en: "Preview the site at http://127.0.0.1:8000/ while editing: pages rebuild and reload on every save.",
      zh: "编辑时在 http://127.0.0.1:8000/ 预览网站：每次保存后页面自动重新生成并刷新。")
  }

  public static func helpInit() -> Message {
    Message(
      en: "Create a new site in a folder: settings, a report, an article with a chart, a dataset and the theme.",
      zh: "在一个文件夹中新建网站：设置、一份报告、一篇带图表的文章、一个数据集和主题。")
  }

  public static func helpNew() -> Message {
    Message(
      en: "Create a report (new report 2025) or an article (new article 2025/talent) from Templates/new/.",
      zh: "按 Templates/new/ 中的模板新建报告（new report 2025）或文章（new article 2025/talent）。")
  }

  public static func helpImport() -> Message {
    Message(
      en: "Import a Word report (.docx) as a report folder: articles, datasets and table charts.",
      zh: "把 Word 报告（.docx）导入为一个报告文件夹：文章、数据集和表格图表。")
  }

  public static func helpPDF() -> Message {
    Message(
      en: "Print a report to PDF with headless Chromium: page numbers, contents with page numbers.",
      zh: "用无界面的 Chromium 把报告打印成 PDF：带页码，目录带页码。")
  }

  public static func helpRoot() -> Message {
    Message(
      en: "The project folder, holding Content/ and Templates/.",
      zh: "网站项目文件夹（其中有 Content/ 和 Templates/）。")
  }

  public static func helpOutput() -> Message {
    Message(en: "Where to write the site (default: <root>/Output).", zh: "网站写入的位置（默认：<root>/Output）。")
  }

  public static func helpBaseURL() -> Message {
    Message(
      en: "Override base_url from site.yml: an absolute URL or a path such as /kjj/ndbg/.",
      zh: "代替 site.yml 中的 base_url：完整网址，或 /kjj/ndbg/ 这样的路径。")
  }

  public static func helpDrafts() -> Message {
    Message(en: "Include articles marked draft: true.", zh: "包括标为 draft: true（草稿）的文章。")
  }

  public static func helpTimings() -> Message {
    Message(en: "Print how long each step of the build took.", zh: "列出生成的每个步骤所用的时间。")
  }

  public static func helpFormat() -> Message {
    Message(en: "text for people, json for tools.", zh: "text 供人阅读，json 供程序读取。")
  }

  public static func helpJSON() -> Message {
    Message(en: "The same as --format json.", zh: "与 --format json 相同。")
  }

  public static func helpExternal() -> Message {
    Message(
      en: "Also list every other site the content links to, with its number of links, to review before publishing.",
      zh: "同时列出内容链接到的所有其他网站及链接数，供发布前逐个确认。")
  }

  public static func helpDocument() -> Message {
    Message(en: "The Word document (.docx).", zh: "Word 文档（.docx）。")
  }

  public static func helpReportFolder() -> Message {
    Message(en: "The report folder, e.g. 2024 (Content/2024/).", zh: "报告文件夹，如 2024（Content/2024/）。")
  }

  public static func helpImportDate() -> Message {
    Message(
      en: "The date of the report and its articles (YYYY-MM-DD); today when not given.",
      zh: "报告及其文章的日期（YYYY-MM-DD），不写则为今天。")
  }

  public static func helpForce() -> Message { Message(en: "Replace files that already exist.", zh: "覆盖已有的文件。") }

  public static func helpDryRun() -> Message {
    Message(en: "List the files that would be written, and write nothing.", zh: "只列出将要写入的文件，不写入。")
  }

  public static func helpLanguage() -> Message {
    Message(
      en: "Language of messages: zh-CN or en (default: the site's language; English under an English locale).",
      zh: "提示信息的语言：zh-CN 或 en（默认按网站的语言；英文系统环境下为英文）。")
  }

  public static func helpPDFOutput() -> Message {
    Message(en: "Where to write the PDF (default: <root>/<report>.pdf).", zh: "PDF 写入的位置（默认：<root>/<report>.pdf）。")
  }

  public static func helpInitFolder() -> Message {
    Message(en: "The folder to create (it must be new or empty).", zh: "要新建的文件夹（须为新的或空的文件夹）。")
  }

  public static func helpNewKind() -> Message { Message(en: "report or article", zh: "report（报告）或 article（文章）") }

  public static func helpNewName() -> Message {
    Message(
      en: "The report folder (2025) or report/slug for an article (2025/talent).",
      zh: "报告文件夹（2025），或文章的“报告/文件名”（2025/talent）。")
  }

  public static func helpHost() -> Message {
    Message(
      en: "The address to listen on. Keep 127.0.0.1 unless others must see the preview.",
      zh: "监听的地址。除非要让别人看到预览，请保持 127.0.0.1。")
  }

  public static func helpPort() -> Message {
    Message(en: "The port to listen on (0 picks a free one).", zh: "监听的端口（0 表示自动选一个空闲端口）。")
  }

  public static func helpServeBaseURL() -> Message {
    Message(
      en: "Override base_url from site.yml: a path such as /kjj/ndbg/.",
      zh: "代替 site.yml 中的 base_url：/kjj/ndbg/ 这样的路径。")
  }
}
