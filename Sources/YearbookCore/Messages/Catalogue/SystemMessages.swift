/// Why the system refused a file operation: the end of a sentence such as "cannot read the file: …".
extension Message {
  public static func filePermissionDenied() -> Message { Message(en: "permission denied", zh: "没有权限") }
  public static func fileMissing() -> Message { Message(en: "no such file", zh: "文件不存在") }
  public static func diskFull() -> Message { Message(en: "the disk is full", zh: "磁盘已满") }
  public static func diskReadOnly() -> Message { Message(en: "the disk is read-only", zh: "磁盘是只读的") }

  /// The system's own words, when no better ones are known (the same in both languages).
  public static func systemReason(_ words: String) -> Message { Message(en: "\(words)", zh: "系统报告：\(words)") }
}
