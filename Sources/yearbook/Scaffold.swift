import ArgumentParser
import Foundation
import YearbookBuild
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookKit
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookPortal
import YearbookPreview
import YearbookRender

struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: Message.helpInit().forHelp)

  @Argument(help: .said(.helpInitFolder()))
  var folder: String

  @OptionGroup var messages: LanguageOption

  func run() throws {
    let language = messages.language(root: nil)
    do {
      let files = try SiteScaffold.initialize(URL(fileURLWithPath: folder))
      Terminal.say(
        .created(folder: folder, files: files.count, year: String(ContentDate.today.description.prefix(4))), language)
    } catch {
      Terminal.status(.commandError(error.message), language)
      throw ExitCode(1)
    }
  }
}

struct New: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: Message.helpNew().forHelp)

  enum Kind: String, ExpressibleByArgument, CaseIterable {
    case report, article
  }

  @Argument(help: .said(.helpNewKind()))
  var kind: Kind

  @Argument(help: .said(.helpNewName()))
  var name: String

  @Option(help: .said(.helpRoot()))
  var root: String = "."

  @OptionGroup var messages: LanguageOption

  func run() throws {
    let rootURL = URL(fileURLWithPath: root)
    let language = messages.language(root: rootURL)
    do {
      let path =
        switch kind {
        case .report: try SiteScaffold.newReport(name, root: rootURL)
        case .article: try SiteScaffold.newArticle(name, root: rootURL)
        }
      print(path)
      if kind == .report, case (let date, true) = SiteScaffold.reportDate(for: name) {
        Terminal.say(.reportDated("\(date)", period: name), language)
      }
    } catch {
      Terminal.status(.commandError(error.message), language)
      throw ExitCode(1)
    }
  }
}
