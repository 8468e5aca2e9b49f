/// Messages about datasets: CSV, YAML and JSON tables, workbooks, their descriptions.
extension Message {
  public static func descriptionWithoutDataset(_ dataset: String) -> Message {
    Message(
      en: "\(dataset) is missing, so this description of it is not used",
      zh: "找不到 \(dataset)，所以这份数据说明没有用上")
  }

  public static func oldWorkbookFormat(_ fileExtension: String) -> Message {
    Message(
      en:
        "an old-format workbook (.\(fileExtension)) cannot be read; open it in Excel or WPS and save it as \"Excel 工作簿 (*.xlsx)\"",
      zh: "旧格式的工作簿（.\(fileExtension)）无法读取：请用 Excel 或 WPS 打开，另存为“Excel 工作簿 (*.xlsx)”")
  }

  public static func notADataset() -> Message {
    Message(
      en: "not a dataset (.csv, .xlsx, .yml or .json): ignored",
      zh: "不是数据文件（.csv、.xlsx、.yml 或 .json），已忽略")
  }

  public static func duplicateDataset(_ id: String, other: String) -> Message {
    Message(
      en: "dataset '\(id)' is also defined by \(other); rename one of them",
      zh: "数据集“\(id)”也由 \(other) 定义：请给其中一个改名")
  }

  public static func datasetWithoutRows(hasHeader: Bool) -> Message {
    Message(
      en:
        "the dataset has no rows\(hasHeader ? ", only a header" : " and no header"): the data page shows no table for it and a chart over it fails; add rows or delete the file",
      zh: "这个数据集\(hasHeader ? "只有表头，" : "")没有数据行：数据页不会显示它的表格，用它的图表也会出错；请补上数据，或删除这个文件")
  }

  public static func cannotReadData() -> Message { Message(en: "cannot read the file", zh: "无法读取这个文件") }

  public static func badColumnType(_ got: String) -> Message {
    Message(en: "type must be number or text, got \"\(got)\"", zh: "type 应是 number（数字）或 text（文字），实际是“\(got)”")
  }

  public static func blankCellsLeftOut(columns: Int, rows: Int) -> Message {
    let english = [
      columns > 0 ? "\(columns) empty column\(columns == 1 ? "" : "s") at the end" : nil,
      rows > 0 ? "\(rows) empty row\(rows == 1 ? "" : "s")" : nil,
    ].compactMap { $0 }.joined(separator: " and ")
    let chinese = [columns > 0 ? "末尾 \(columns) 个空列" : nil, rows > 0 ? "\(rows) 个空行" : nil]
      .compactMap { $0 }.joined(separator: "和")
    return Message(
      en:
        "\(english) (as a spreadsheet saves them) left out; delete \(columns + rows == 1 ? "it" : "them") to silence this",
      zh: "已略去\(chinese)（电子表格保存时常带上这些）；删掉\(columns + rows == 1 ? "它" : "它们")即可消除这条提示")
  }

  public enum RowWidthHint: Sendable { case csv, sheet }

  public static func rowWidth(fields: Int, header: Int, hint: RowWidthHint) -> Message {
    let english = hint == .csv ? "check for a missing or extra comma" : "delete the cells to the right of the table"
    let chinese = hint == .csv ? "请检查是否少了或多了逗号" : "请删除表格右侧多余的单元格"
    return Message(
      en: "this row has \(fields) field\(fields == 1 ? "" : "s") but the header has \(header); \(english)",
      zh: "这一行有 \(fields) 项，表头却有 \(header) 项：\(chinese)")
  }

  public static func notUTF8Data() -> Message {
    Message(en: "the file is not UTF-8 text; save it as UTF-8", zh: "文件不是 UTF-8 编码：请另存为 UTF-8 编码")
  }

  public static func yamlDatasetShape() -> Message {
    Message(
      en: "a dataset needs columns: (a list of name, label, unit) and rows:, or a list of records",
      zh: "数据集需要 columns:（各列的 name、label、unit）和 rows:，或者写成一条条记录的列表")
  }

  public static func rowsNotList() -> Message { Message(en: "rows must be a list", zh: "rows 应是一个列表") }

  public static func notAColumn(_ name: String, columns: [String]) -> Message {
    Message(
      en: "'\(name)' is not one of the columns (\(columns.joined(separator: ", ")))",
      zh: "“\(name)”不是已有的列（已有：\(columns.joined(separator: "、"))）")
  }

  public static func rowValueCount(values: Int, columns: Int) -> Message {
    Message(
      en: "this row has \(values) values but there are \(columns) columns",
      zh: "这一行有 \(values) 个值，但共有 \(columns) 列")
  }

  public static func rowShape() -> Message {
    Message(
      en: "each row must be a set of column: value pairs or a list of values",
      zh: "每一行应是一组“列名: 值”，或一个值的列表")
  }

  public static func datasetNotListOrTable() -> Message {
    Message(
      en: "a dataset must be a list of records or have columns: and rows:",
      zh: "数据集应是一条条记录的列表，或包含 columns: 和 rows:")
  }

  public static func recordShape() -> Message {
    Message(en: "each record must be a set of key: value pairs", zh: "每条记录应是一组“键: 值”")
  }

  public static func cellNotSingleValue(_ found: Message) -> Message {
    Message(en: "a cell must be a single value, not \(found.english)", zh: "单元格应是单个值，不能是\(found.chinese)")
  }

  public static func columnWithoutName() -> Message { Message(en: "a column has no name", zh: "有一列没有列名") }

  public static func columnTwice(_ name: String) -> Message {
    Message(en: "column '\(name)' appears twice", zh: "列名“\(name)”出现了两次")
  }

  public static func notANumber(_ text: String, column: String) -> Message {
    Message(
      en:
        "\"\(text)\" is not a number, but column '\(column)' holds numbers; write a number such as 12.5 (约12.5 and 12.5以上 are fine), or — for no figure",
      zh: "“\(text)”不是数字，但“\(column)”列是数字列：请写成 12.5 这样的数字（“约12.5”“12.5以上”也可以），没有数据时写“—”")
  }

  public static func unitClash(_ unit: String, given: String, column: String) -> Message {
    Message(
      en:
        "unit \(unit) does not match the unit \(given) given for column '\(column)'; remove the column's unit to let each cell keep its own",
      zh: "单位“\(unit)”与“\(column)”列规定的单位“\(given)”不一致：如果每格单位不同，请去掉列的单位，让各格自带单位")
  }

  /// Where a column's unit was written, for `columnTwoUnits`.
  public static func unitInHeader(_ header: String) -> Message {
    Message(en: "the header \"\(header)\"", zh: "表头“\(header)”")
  }

  public static func unitInLabel(_ label: String) -> Message {
    Message(en: "the label \"\(label)\"", zh: "显示名称 label“\(label)”")
  }

  public static func unitInKey(_ unit: String) -> Message { Message(en: "unit: \(unit)", zh: "unit: \(unit)") }

  public static func columnTwoUnits(
    _ column: String, first: String, firstPlace: Message, firstAt: String, second: String, secondPlace: Message,
    secondAt: String
  ) -> Message {
    Message(
      en:
        "column '\(column)' is given two units: \(first) in \(firstPlace.english) (\(firstAt)) and \(second) in \(secondPlace.english) (\(secondAt)); keep one",
      zh:
        "“\(column)”列有两个单位：\(firstPlace.chinese)中是“\(first)”（\(firstAt)），\(secondPlace.chinese)中是“\(second)”（\(secondAt)）；请只保留一个"
    )
  }

  public static func describedColumnMissing(file: String, column: String, header: [String]) -> Message {
    Message(
      en: "\(file) has no column '\(column)' (its header has: \(header.joined(separator: ", ")))",
      zh: "\(file) 中没有“\(column)”列（表头有：\(header.joined(separator: "、"))）")
  }

  // MARK: CSV

  public static func csvUnclosedQuote() -> Message {
    Message(en: "quoted field is never closed: add the closing \"", zh: "引号没有闭合：请补上结尾的英文双引号 \"")
  }

  public static func csvTextAfterQuote() -> Message {
    Message(
      en: "unexpected text after a closing quote; write a quote inside a quoted field as \"\"",
      zh: "引号结束后还有文字：引号内的文字中如需双引号，请写成两个 \"\"")
  }

  public static func csvQuoteInField() -> Message {
    Message(
      en: "a quote inside an unquoted field; quote the whole field and double the quote (\"\")",
      zh: "没有加引号的格子中出现了双引号：请用双引号括住整格，并把其中的双引号写成两个（\"\"）")
  }

  public static func csvFieldNotUTF8() -> Message {
    Message(en: "this field is not UTF-8 text; save the file as UTF-8", zh: "这一格不是 UTF-8 编码：请把文件另存为 UTF-8 编码")
  }

  // MARK: Text files

  public static func nulByte() -> Message {
    Message(
      en: "the file contains a NUL byte (U+0000), usually from a damaged copy or a binary file; delete that character",
      zh: "文件中有一个空字符（U+0000），通常是文件复制损坏或不是文本文件造成的：请删除这个字符")
  }

  public static func readAsGB18030() -> Message {
    Message(
      en:
        "the file is saved as GB18030/GBK, not UTF-8; it was read as GB18030. Save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8) to remove this warning",
      zh: "文件是 GB18030/GBK 编码，不是 UTF-8，已按 GB18030 读取。另存为 UTF-8（记事本：另存为，编码选 UTF-8）即可消除这条提示")
  }

  public static func invalidByte(_ byte: String) -> Message {
    Message(
      en: "the file is not UTF-8 text (invalid byte 0x\(byte)); save it as UTF-8",
      zh: "文件不是 UTF-8 编码（无效字节 0x\(byte)）：请另存为 UTF-8 编码")
  }

  // MARK: Symbolic links

  public static func brokenLink(loop: Bool, destination: String) -> Message {
    Message(
      en:
        "\(loop ? "a symbolic link loop" : "a broken symbolic link") (points to \(destination)); remove it or point it at a file",
      zh: "\(loop ? "循环的符号链接" : "失效的符号链接")（指向 \(destination)）：请删除它，或让它指向一个文件")
  }

  public static func linkOutside(_ target: String, root: String) -> Message {
    Message(
      en:
        "a symbolic link to \(target), outside \(root)/: it would publish a file from elsewhere on this computer; copy the file into \(root)/ instead",
      zh: "指向 \(root)/ 之外的符号链接（\(target)）：会把这台电脑上别处的文件发布出去；请把文件复制到 \(root)/ 中")
  }

  public static func linkToOwnFolder(_ destination: String) -> Message {
    Message(
      en: "a symbolic link loop: it points back to its own folder \(destination); remove it",
      zh: "循环的符号链接：它指回了自己所在的文件夹 \(destination)；请删除它")
  }

  public static func linkToFolder(_ destination: String) -> Message {
    Message(
      en: "a symbolic link to a folder (\(destination)) is not followed; copy the files instead",
      zh: "指向文件夹的符号链接（\(destination)）不会被读取：请改为复制其中的文件")
  }
}
