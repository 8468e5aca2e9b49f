import Foundation
import YearbookCore

extension SiteLoader {
  /// The `language:` site.yml declares, read without parsing the YAML: the messages about
  /// a broken site.yml must be in the editor's language too.
  public static func declaredLanguage(root: URL) -> String? {
    let file = root.appendingPathComponent(ContentPath.folder).appendingPathComponent("site.yml")
    guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.hasPrefix("language") {
      let value = line.dropFirst("language".count).drop { $0 == " " }
      guard value.first == ":" || value.first == "：" else { continue }
      let code = value.dropFirst().prefix { $0 != "#" }.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r\"'"))
      return code.isEmpty ? "zh-CN" : code
    }
    return "zh-CN"  // site.yml's default
  }
}
