import ArgumentParser
import Foundation
import YearbookCore
import YearbookLoad

/// `--lang`: the language of every message a command prints.
struct LanguageOption: ParsableArguments {
  @Option(
    name: .customLong("lang"),
    help: .said(.helpLanguage()))
  var lang: String?

  func validate() throws {
    if let lang, Language(code: lang) == nil {
      let message = Message.badLanguage(lang)
      throw ValidationError("\(message.chinese)\n\(message.english)")
    }
  }

  /// The language for the site at `root` (nil before a site exists, as for `init`).
  func language(root: URL?) -> Language {
    Language.choose(
      flag: lang, environment: ProcessInfo.processInfo.environment,
      siteLanguage: root.flatMap { SiteLoader.declaredLanguage(root: $0) })
  }
}
