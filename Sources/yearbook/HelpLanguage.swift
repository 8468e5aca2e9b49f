import ArgumentParser
import Foundation
import YearbookCore
import YearbookLoad

/// Help is printed before a command runs, so its language is found from the arguments as
/// they stand: `--lang`, then the locale, then the `site.yml` of `--root` (or of the
/// working folder), as for every other message.
enum HelpLanguage {
  static let current: Language = {
    let arguments = CommandLine.arguments
    func value(of option: String) -> String? {
      if let index = arguments.firstIndex(of: option), index + 1 < arguments.count { return arguments[index + 1] }
      return arguments.first { $0.hasPrefix(option + "=") }.map { String($0.dropFirst(option.count + 1)) }
    }
    let root = URL(fileURLWithPath: value(of: "--root") ?? ".")
    return Language.choose(
      flag: value(of: "--lang"), environment: ProcessInfo.processInfo.environment,
      siteLanguage: SiteLoader.declaredLanguage(root: root))
  }()
}

extension ArgumentHelp {
  /// Help in the reader's language, from the catalogue.
  static func said(_ message: Message) -> ArgumentHelp { ArgumentHelp(message.text(HelpLanguage.current)) }
}

extension Message {
  /// A command's abstract in the reader's language.
  var forHelp: String { text(HelpLanguage.current) }
}
