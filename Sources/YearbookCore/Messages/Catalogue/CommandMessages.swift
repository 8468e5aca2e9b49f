/// What the commands say: summaries, progress, and errors that are not about one file.
extension Message {
  // MARK: build and check

  public static func counted(errors: Int, warnings: Int) -> Message {
    Message(
      en: "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")",
      zh: "\(errors) 个错误，\(warnings) 个警告")
  }

  public static func built(pages: Int, charts: Int, files: Int, output: String, seconds: String) -> Message {
    Message(
      en: "Built \(pages) pages, \(charts) charts (\(files) files) into \(output) in \(seconds) s",
      zh: "已生成 \(pages) 个页面、\(charts) 张图表（共 \(files) 个文件），写入 \(output)，用时 \(seconds) 秒")
  }

  public static func buildFailed(step: String?, counts: Message, output: String) -> Message {
    Message(
      en: "Build failed\(step.map { " in step \($0)" } ?? ""): \(counts.english); \(output) was not changed",
      zh: "生成失败\(step.map { "（步骤 \($0)）" } ?? "")：\(counts.chinese)；\(output) 保持原样，没有改动")
  }

  public static func checkPassed(links: Int) -> Message {
    Message(
      en: "No problems found" + (links > 0 ? " (\(links) links checked)" : ""),
      zh: "没有发现问题" + (links > 0 ? "（检查了 \(links) 个链接）" : ""))
  }

  public static func checkFound(_ counts: Message, links: Int) -> Message {
    Message(
      en: "Found \(counts.english)" + (links > 0 ? " (\(links) links checked)" : ""),
      zh: "发现 \(counts.chinese)" + (links > 0 ? "（检查了 \(links) 个链接）" : ""))
  }

  public static func progressPages(done: Int, total: Int) -> Message {
    Message(en: "\(done)/\(total) pages", zh: "\(done)/\(total) 个页面")
  }

  public static func stepTiming(seconds: String, step: String) -> Message {
    Message(en: "\(seconds) s  \(step)", zh: "\(seconds) 秒  \(step)")
  }

  /// A problem that stops a command before any file is read: `error: …`.
  public static func commandError(_ problem: Message) -> Message {
    Message(en: "error: \(problem.english)", zh: "错误：\(problem.chinese)")
  }

  public static func badLanguage(_ got: String) -> Message {
    Message(en: "--lang must be zh-CN or en, got \"\(got)\"", zh: "--lang 应是 zh-CN 或 en，实际是“\(got)”")
  }

  public static func badBaseURLOption(_ got: String) -> Message {
    Message(
      en: "--base-url must be an http(s) URL or a path starting with '/', got \"\(got)\"",
      zh: "--base-url 应是以 http(s):// 开头的网址，或以“/”开头的路径，实际是“\(got)”")
  }

  // MARK: init and new

  public static func created(folder: String, files: Int, year: String) -> Message {
    Message(
      en: """
        Created a site in \(folder) (\(files) files). Next:
          cd \(folder)
          yearbook serve --drafts   # preview at http://127.0.0.1:8000/, with the sample report
          yearbook new report \(year)   # your own report
        Replace every 待填写 and the sample site_code in Content/site.yml: build refuses them.
        """,
      zh: """
        已在 \(folder) 中新建网站（\(files) 个文件）。接下来：
          cd \(folder)
          yearbook serve --drafts   # 在 http://127.0.0.1:8000/ 预览，含示例报告
          yearbook new report \(year)   # 新建您自己的报告
        请替换所有“待填写”和 Content/site.yml 中的示例网站标识码（site_code），否则无法生成网站。
        """)
  }

  public static func reportDated(_ date: String, period: String) -> Message {
    Message(
      en: "date: \(date), the end of the period \(period); change it to the day the report is published",
      zh: "date: \(date)，即报告期 \(period) 的最后一天；请改为报告的发布日期")
  }

  public static func folderIsFile(_ path: String) -> Message {
    Message(en: "\(path) is a file, not a folder", zh: "\(path) 是一个文件，不是文件夹")
  }

  public static func folderNotEmpty(_ path: String, holds: [String], more: Bool) -> Message {
    Message(
      en:
        "\(path) is not empty (it holds \(holds.joined(separator: ", "))\(more ? ", …" : "")); choose a new or empty folder",
      zh: "\(path) 不是空文件夹（其中有 \(holds.joined(separator: "、"))\(more ? "等" : "")）：请选择一个新的或空的文件夹")
  }

  public static func articleNameForm() -> Message {
    Message(
      en: "name the article as report/slug, such as 2025/talent",
      zh: "文章请按“报告/文件名”的形式命名，如 2025/talent")
  }

  public static func articleName(_ problem: Message) -> Message {
    Message(en: "article name \(problem.english)", zh: "文章名\(problem.chinese)")
  }

  public static func noSuchReport(_ report: String) -> Message {
    Message(
      en: "there is no report Content/\(report)/_index.md; create it first with: yearbook new report \(report)",
      zh: "没有报告 Content/\(report)/_index.md：请先运行 yearbook new report \(report) 新建报告")
  }

  public static func noArchetype(_ kind: String) -> Message {
    Message(en: "no template Templates/new/\(kind).md", zh: "没有模板 Templates/new/\(kind).md")
  }

  public static func alreadyExists(_ path: String) -> Message {
    Message(en: "\(path) already exists; nothing was changed", zh: "\(path) 已经存在，没有做任何改动")
  }

  // MARK: import

  public static func oldWordFormat(_ document: String, kind: String) -> Message {
    Message(
      en:
        "\(document) is an old-format document (.\(kind)); open it in Word or WPS and save it as \"Word 文档 (*.docx)\"",
      zh: "\(document) 是旧格式的文档（.\(kind)）：请用 Word 或 WPS 打开，另存为“Word 文档 (*.docx)”")
  }

  public static func notWordDocument(_ document: String) -> Message {
    Message(en: "\(document) is not a Word document (.docx)", zh: "\(document) 不是 Word 文档（.docx）")
  }

  public static func badDateOption(_ got: String) -> Message {
    Message(en: "--date must be YYYY-MM-DD, got \"\(got)\"", zh: "--date 应写成 YYYY-MM-DD，实际是“\(got)”")
  }

  public static func badReportOption() -> Message {
    Message(en: "--report must be a folder name such as 2025", zh: "--report 应是一个文件夹名，如 2025")
  }

  public static func noSuchDocument(_ document: String) -> Message {
    Message(en: "\(document): no such file", zh: "\(document)：文件不存在")
  }

  public static func pandocOutputUnreadable(_ document: String) -> Message {
    Message(
      en: "\(document): pandoc's output could not be read (pandoc 2.17 is expected)",
      zh: "\(document)：无法读取 pandoc 的输出（需要 pandoc 2.17）")
  }

  public static func pandocMissing() -> Message {
    Message(
      en: "pandoc is not installed; install it with: apt-get install -y pandoc",
      zh: "没有安装 pandoc：请运行 apt-get install -y pandoc 安装")
  }

  public static func pandocFailed(_ document: String, says: String) -> Message {
    Message(en: "\(document): pandoc cannot read it: \(says)", zh: "\(document)：pandoc 无法读取（\(says)）")
  }

  public static func importWouldReplace(_ path: String) -> Message {
    Message(
      en: "\(path) exists; nothing was written (--force replaces it)",
      zh: "\(path) 已经存在，没有写入任何文件（加 --force 可覆盖）")
  }

  public static func wouldWrite(_ path: String, replacing: Bool) -> Message {
    Message(
      en: "would write \(path)\(replacing ? " (replacing it)" : "")",
      zh: "将写入 \(path)\(replacing ? "（覆盖原文件）" : "")")
  }

  public static func imported(
    dryRun: Bool, articles: Int, datasets: Int, images: Int, report: String, warnings: Int
  ) -> Message {
    Message(
      en:
        "\(dryRun ? "Would import" : "Imported") \(articles) article\(articles == 1 ? "" : "s") and \(datasets) dataset\(datasets == 1 ? "" : "s")\(images == 0 ? "" : ", \(images) image\(images == 1 ? "" : "s")") into Content/\(report)/ (\(warnings) warning\(warnings == 1 ? "" : "s"))",
      zh:
        "\(dryRun ? "将导入" : "已导入") \(articles) 篇文章、\(datasets) 个数据集\(images == 0 ? "" : "、\(images) 张图片")到 Content/\(report)/（\(warnings) 个警告）"
    )
  }

  public static func trackedChangesAccepted(insertions: Int, deletions: Int) -> Message {
    let changes = insertions + deletions
    return Message(
      en:
        "\(changes) tracked change\(changes == 1 ? "" : "s") accepted (\(insertions) insertion\(insertions == 1 ? "" : "s"), \(deletions) deletion\(deletions == 1 ? "" : "s")); check that the imported text is the final one",
      zh: "已接受 \(changes) 处修订（插入 \(insertions) 处，删除 \(deletions) 处）：请核对导入的是否为定稿")
  }

  public static func commentsLeftOut(_ comments: Int) -> Message {
    Message(
      en:
        "\(comments) comment\(comments == 1 ? "" : "s") left out; read \(comments == 1 ? "it" : "them") in Word or WPS before publishing",
      zh: "略去了 \(comments) 条批注：发布前请在 Word 或 WPS 中看一下")
  }

  public static func contentsLeftOut(_ entries: Int) -> Message {
    Message(
      en: "the table of contents (\(entries) entries) is left out: the site lists the articles itself",
      zh: "略去了目录（\(entries) 项）：网站会自动列出文章")
  }

  public static func pictureWithoutCaption(_ picture: String, section: String) -> Message {
    Message(
      en:
        "the picture \(picture) has no caption (a 图N line below it) or description; it reads “\(section)配图” until you say what it shows",
      zh: "图片 \(picture) 没有图题（图下方的“图N”一行）或说明：在您写明图片内容之前，它的说明是“\(section)配图”")
  }

  public static func wordTableMerged(_ number: Int, title: String, merges: [Message]) -> Message {
    Message(
      en:
        "table \(number) (\(title)): merged cells \(merges.map(\.english).joined(separator: "; ")); check that it reads as the document's table does",
      zh: "表 \(number)（\(title)）有合并单元格：\(merges.map(\.chinese).joined(separator: "；"))；请核对是否与文档中的表格一致")
  }

  public static func wordMergedCell(_ text: String, rows: Int, columns: Int) -> Message {
    Message(
      en: "“\(text)” over \(rows) row\(rows == 1 ? "" : "s") and \(columns) column\(columns == 1 ? "" : "s")",
      zh: "“\(text)”跨 \(rows) 行 \(columns) 列")
  }

  // MARK: serve

  public static func serving(_ url: String) -> Message {
    Message(en: "Serving at \(url) (Ctrl-C to stop)", zh: "预览地址：\(url)（按 Ctrl-C 停止）")
  }

  public static func previewFirstBuildFailed(_ counts: Message) -> Message {
    Message(
      en: "Build failed: \(counts.english); fix the files above, the preview rebuilds on save",
      zh: "生成失败：\(counts.chinese)；请修改上面列出的文件，保存后预览会自动重新生成")
  }

  public static func changedFiles(_ files: [String], more: Int) -> Message {
    Message(
      en: more > 0 ? "\(files[0]) and \(more) more files" : files.joined(separator: ", "),
      zh: more > 0 ? "\(files[0]) 等 \(more + 1) 个文件" : files.joined(separator: "、"))
  }

  public static func rebuilt(_ files: Message, outputs: Int, wholeSite: Bool, milliseconds: Int) -> Message {
    Message(
      en:
        "\(files.english) changed: \(outputs) file\(outputs == 1 ? "" : "s") rebuilt\(wholeSite ? " (whole site)" : "") in \(milliseconds) ms",
      zh: "\(files.chinese) 已修改：重新生成了 \(outputs) 个文件\(wholeSite ? "（整个网站）" : "")，用时 \(milliseconds) 毫秒")
  }

  public static func rebuildFailed(_ files: Message, errors: Int, milliseconds: Int) -> Message {
    Message(
      en:
        "\(files.english) changed: build failed with \(errors) error\(errors == 1 ? "" : "s") in \(milliseconds) ms; still serving the last good site, the errors are shown on every page",
      zh: "\(files.chinese) 已修改：生成失败，有 \(errors) 个错误（用时 \(milliseconds) 毫秒）；预览仍显示上次成功生成的网站，错误列在每个页面顶部")
  }

  public static func connectionsFull(_ open: Int) -> Message {
    Message(
      en:
        "\(open) connections are open, the most this preview takes at once; new ones wait until one closes (idle ones close by themselves)",
      zh: "已有 \(open) 个连接，达到预览的上限；新的连接会等到有连接关闭（空闲的连接会自动关闭）")
  }

  public static func badHost(_ host: String) -> Message {
    Message(
      en: "--host must be an IPv4 address such as 127.0.0.1, got \(host)",
      zh: "--host 应是 127.0.0.1 这样的 IPv4 地址，实际是 \(host)")
  }

  public static func portInUse(_ port: Int) -> Message {
    Message(
      en:
        "port \(port) is already in use (another yearbook serve?); choose another with --port, e.g. --port \(port + 1)",
      zh: "端口 \(port) 已被占用（是否已有一个 yearbook serve 在运行？）：请用 --port 换一个，如 --port \(port + 1)")
  }

  public static func cannotListen(_ address: String, reason: Message) -> Message {
    Message(en: "cannot listen on \(address): \(reason.english)", zh: "无法在 \(address) 上监听：\(reason.chinese)")
  }

  public static func cannotWatch(_ folder: String?, reason: Message) -> Message {
    Message(
      en: "cannot watch \(folder ?? "for changes"): \(reason.english)",
      zh: "无法监视\(folder.map { " \($0) " } ?? "文件")的变化：\(reason.chinese)")
  }

  public static func misdirected() -> Message {
    Message(
      en: "Misdirected request: the preview answers only to 127.0.0.1, localhost and [::1].",
      zh: "请求的主机名不对：预览只响应 127.0.0.1、localhost 和 [::1]。")
  }

  public static func notFound() -> Message { Message(en: "Not found", zh: "找不到这个页面") }

  // The preview's error box over every page while the site does not build.
  public static func overlayTitle() -> Message {
    Message(
      en: "Build failed: the errors and where they are; the page shows the last good build.",
      zh: "生成失败：下面是出错的位置；页面仍是上次成功生成的内容。")
  }

  public static func overlayPageTitle() -> Message { Message(en: "Build failed", zh: "生成失败") }
}

extension Message {
  /// Diagnostics one per line, then a closing sentence: what the preview logs after a save.
  public static func lines(_ diagnostics: [Diagnostic], then closing: Message) -> Message {
    Message(
      en: (diagnostics.map { $0.text(.english) } + [closing.english]).joined(separator: "\n"),
      zh: (diagnostics.map { $0.text(.chinese) } + [closing.chinese]).joined(separator: "\n"),
      id: closing.id)
  }
}
