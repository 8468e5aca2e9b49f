/// Messages about Excel and WPS workbooks (`.xlsx`).
extension Message {
  public static func workbookTooLarge(mebibytes: Int) -> Message {
    Message(
      en: "the workbook is larger than \(mebibytes) MiB, far beyond any table a report needs; split the workbook",
      zh: "工作簿超过 \(mebibytes) MiB，远超报告所需的表格大小：请拆分工作簿")
  }

  public static func workbookUnreadable(_ reason: Message) -> Message {
    Message(en: "the workbook cannot be read: \(reason.english)", zh: "无法读取工作簿：\(reason.chinese)")
  }

  public static func workbookProtected() -> Message {
    Message(
      en:
        "the workbook is protected by a password or is an old .xls file renamed; open it in Excel or WPS, remove any password (文件 → 信息 → 保护工作簿) and save it as \"Excel 工作簿 (*.xlsx)\"",
      zh: "工作簿设置了密码，或是改了扩展名的旧 .xls 文件：请用 Excel 或 WPS 打开，去掉密码（文件 → 信息 → 保护工作簿），另存为“Excel 工作簿 (*.xlsx)”")
  }

  public static func workbookNotZip() -> Message {
    Message(
      en:
        "not a readable .xlsx workbook (it is not a zip archive); save it again from Excel or WPS as \"Excel 工作簿 (*.xlsx)\"",
      zh: "不是可读取的 .xlsx 工作簿：请用 Excel 或 WPS 重新另存为“Excel 工作簿 (*.xlsx)”")
  }

  public static func workbookEncrypted() -> Message {
    Message(
      en:
        "the workbook's parts are encrypted; open it in Excel or WPS, remove the password (文件 → 信息 → 保护工作簿) and save it again",
      zh: "工作簿内容已加密：请用 Excel 或 WPS 打开，去掉密码（文件 → 信息 → 保护工作簿）后重新保存")
  }

  public static func workbookDamaged(_ detail: Message) -> Message {
    Message(
      en: "the workbook is damaged (\(detail.english)); save it again from Excel or WPS",
      zh: "工作簿已损坏（\(detail.chinese)）：请用 Excel 或 WPS 重新保存")
  }

  // The detail of `workbookDamaged`.
  public static func zip64Directory() -> Message {
    Message(en: "a ZIP64 directory, which workbooks never need", zh: "使用了工作簿不会用到的 ZIP64 目录")
  }

  public static func zipDirectoryOutside() -> Message {
    Message(en: "its zip directory points outside the file", zh: "压缩目录指向了文件之外")
  }

  public static func zipEntryCut(_ number: Int) -> Message {
    Message(en: "entry \(number) of its zip directory is cut short", zh: "压缩目录的第 \(number) 项不完整")
  }

  public static func zipPartMisplaced(_ path: String) -> Message {
    Message(en: "the part \(path) is not where its zip directory says", zh: "部件 \(path) 不在压缩目录所说的位置")
  }

  public static func zipPartCut(_ path: String) -> Message {
    Message(en: "the part \(path) is cut short", zh: "部件 \(path) 不完整")
  }

  public static func workbookUnusualCompression(_ path: String, method: Int) -> Message {
    Message(
      en:
        "the workbook's part \(path) is compressed in a way Excel and WPS do not use (method \(method)); save it again from Excel or WPS",
      zh: "工作簿的部件 \(path) 使用了 Excel 和 WPS 不会用的压缩方式（方法 \(method)）：请用 Excel 或 WPS 重新保存")
  }

  public static func workbookPartDamaged(_ part: String) -> Message {
    Message(
      en: "the workbook is damaged: its part \(part) cannot be unpacked; save it again from Excel or WPS",
      zh: "工作簿已损坏：部件 \(part) 无法解压；请用 Excel 或 WPS 重新保存")
  }

  public static func workbookPartTooLarge(_ path: String, mebibytes: Int) -> Message {
    Message(
      en:
        "the workbook's part \(path) unpacks to more than \(mebibytes) MiB, far beyond any table a report needs; split the workbook",
      zh: "工作簿的部件 \(path) 解压后超过 \(mebibytes) MiB，远超报告所需的表格大小：请拆分工作簿")
  }

  public static func workbookSheetWithoutContents() -> Message {
    Message(
      en: "the workbook is damaged: a sheet it lists has no contents; save it again from Excel or WPS",
      zh: "工作簿已损坏：其中列出的一个工作表没有内容；请用 Excel 或 WPS 重新保存")
  }

  public static func workbookMissingPart(_ path: String) -> Message {
    Message(
      en: "not an Excel workbook: it has no \(path); save it again from Excel or WPS as .xlsx",
      zh: "不是 Excel 工作簿（缺少 \(path)）：请用 Excel 或 WPS 另存为 .xlsx")
  }

  public static func workbookBadXML(_ path: String) -> Message {
    Message(
      en: "the workbook is damaged: its part \(path) is not well-formed XML; save it again from Excel or WPS",
      zh: "工作簿已损坏：部件 \(path) 不是格式正确的 XML；请用 Excel 或 WPS 重新保存")
  }

  public static func workbookTooManyCells(_ limit: Int) -> Message {
    Message(
      en:
        "the workbook has more than \(limit) cells, far beyond any table a report needs; keep only the table in the workbook",
      zh: "工作簿超过 \(limit) 个单元格，远超报告所需的表格大小：请在工作簿中只保留要用的表格")
  }

  public static func workbookMissingText() -> Message {
    Message(
      en: "the workbook is damaged: this cell points to a text that is not there",
      zh: "工作簿已损坏：这个单元格引用的文字不存在")
  }

  public static func formulaError(_ error: String) -> Message {
    Message(
      en: "the formula in this cell gives the error \(error); correct it in the workbook",
      zh: "这个单元格的公式算出了错误值 \(error)：请在工作簿中改正")
  }

  public static func formulaWithoutValue(_ formula: String) -> Message {
    Message(
      en:
        "the formula =\(formula) has no saved value (the file was written by a program that does not calculate); open the workbook in Excel or WPS and save it again",
      zh: "公式 =\(formula) 没有保存计算结果（文件是由不计算公式的程序生成的）：请用 Excel 或 WPS 打开工作簿后重新保存")
  }

  public static func numberCellNotNumber(_ saved: String) -> Message {
    Message(
      en: "this number cell holds \"\(saved)\", which is not a number",
      zh: "这个数字格式的单元格中是“\(saved)”，不是数字")
  }

  public static func noVisibleSheet(_ name: String, sheets: [String]) -> Message {
    Message(
      en: "the workbook has no visible sheet '\(name)' (its sheets: \(sheets.joined(separator: ", ")))",
      zh: "工作簿中没有名为“\(name)”的可见工作表（现有：\(sheets.joined(separator: "、"))）")
  }

  public static func mergedCells(_ notes: [Message]) -> Message {
    Message(
      en: "merged cells: \(notes.map(\.english).joined(separator: "; ")); check that the table reads as intended",
      zh: "有合并单元格：\(notes.map(\.chinese).joined(separator: "；"))；请检查表格读出来是否符合原意")
  }

  // The notes of `mergedCells`.
  public static func mergedReadOverRowBelow(_ range: String, text: String) -> Message {
    Message(en: "\(range) (\(text)) read over the row below it", zh: "\(range)（\(text)）作为下一行的上级表头")
  }

  public static func mergedFilledDown(_ range: String, text: String) -> Message {
    Message(en: "\(range) filled down with \(text)", zh: "\(range) 向下填充为“\(text)”")
  }

  public static func mergedRepeated(_ range: String, text: String) -> Message {
    Message(en: "\(range) (\(text)) repeated in each of its cells", zh: "\(range)（\(text)）在每一格中重复")
  }
}
