/// Messages about writing the site: the output folder, files, the swap that publishes a build.
extension Message {
  public static func outputIsRoot() -> Message {
    Message(en: "refusing to use / as the output folder", zh: "不能把 / 用作输出文件夹")
  }

  public static func outputHoldsProject(_ path: String) -> Message {
    Message(
      en: "refusing to use \(path) as the output folder: it holds the project itself",
      zh: "不能把 \(path) 用作输出文件夹：网站项目本身就在其中")
  }

  public static func outputInsideProtected(_ path: String, folder: String) -> Message {
    Message(
      en: "refusing to use \(path) as the output folder: it is inside \(folder)/",
      zh: "不能把 \(path) 用作输出文件夹：它在 \(folder)/ 之中")
  }

  public static func outputIsFile(_ path: String) -> Message {
    Message(
      en: "refusing to use \(path) as the output folder: it is a file",
      zh: "不能把 \(path) 用作输出文件夹：它是一个文件")
  }

  public static func outputNotASite(_ path: String) -> Message {
    Message(
      en: "refusing to replace \(path): it is not empty and does not look like a built site (no index.html)",
      zh: "不能覆盖 \(path)：它不是空文件夹，也不像生成过的网站（没有 index.html）")
  }

  public static func cannotWriteIn(_ folder: String, reason: Message) -> Message {
    Message(en: "cannot write in \(folder): \(reason.english)", zh: "无法在 \(folder) 中写入：\(reason.chinese)")
  }

  public static func cannotCreate(_ path: String, reason: Message) -> Message {
    Message(en: "cannot create \(path): \(reason.english)", zh: "无法创建 \(path)：\(reason.chinese)")
  }

  public static func cannotWrite(_ path: String, reason: Message) -> Message {
    Message(en: "cannot write \(path): \(reason.english)", zh: "无法写入 \(path)：\(reason.chinese)")
  }

  public static func cannotCopy(_ path: String, reason: Message) -> Message {
    Message(en: "cannot copy \(path): \(reason.english)", zh: "无法复制 \(path)：\(reason.chinese)")
  }

  public static func cannotReadSource(_ path: String) -> Message {
    Message(en: "cannot read \(path)", zh: "无法读取 \(path)")
  }

  public static func cannotReplace(_ path: String, reason: Message) -> Message {
    Message(en: "cannot replace \(path): \(reason.english)", zh: "无法替换 \(path)：\(reason.chinese)")
  }

  public static func cannotReplaceNorRestore(
    _ path: String, reason: Message, restoreReason: Message, keptIn: String, name: String
  ) -> Message {
    Message(
      en:
        "cannot replace \(path): \(reason.english); the previous site could not be put back (\(restoreReason.english)) and is kept in \(keptIn): rename that folder to \(name), or run the build again, which puts it back first",
      zh:
        "无法替换 \(path)：\(reason.chinese)；原来的网站也没能放回（\(restoreReason.chinese)），现保存在 \(keptIn)：请把该文件夹改名为 \(name)，或重新生成一次（会先把它放回原处）"
    )
  }

  public static func duplicateChartID(_ id: String, earlier: String) -> Message {
    Message(
      en: "another chart already has the id \(id) (\(earlier)); give this one a different id:",
      zh: "已有另一张图表使用 id \(id)（\(earlier)）：请给这张图表换一个 id:")
  }

  public static func datasetWithoutTitle(_ id: String, hasColumnsForm: Bool) -> Message {
    Message(
      en: "dataset '\(id)' is drawn by a chart but has no title, so the data page can only name it by its chart; "
        + (hasColumnsForm ? "add title: at the top of the file" : "add title: to a \(id).meta.yml beside it"),
      zh: "数据集“\(id)”被图表使用，但没有 title（标题），数据页只能用图表的名字称呼它："
        + (hasColumnsForm ? "请在文件开头加上 title:" : "请在它旁边的 \(id).meta.yml 中加上 title:"))
  }

  public static func noSuchHeading(_ id: String, document: String, headings: [String]) -> Message {
    Message(
      en: "link to #\(id) in Content/\(document), which has no heading or chart with that id ("
        + (headings.isEmpty ? "it has no headings" : "its headings are " + headings.joined(separator: ", ")) + ")",
      zh: "链接指向 Content/\(document) 中的 #\(id)，但那里没有这个 id 的标题或图表（"
        + (headings.isEmpty ? "它没有标题" : "它的标题有：" + headings.joined(separator: "、")) + "）")
  }

  /// A warning about a dataset's table as the data page shows it.
  public static func onDataPage(_ message: Message) -> Message {
    Message(en: "on the data page, " + message.english, zh: "数据页上：" + message.chinese, id: message.id)
  }
}
