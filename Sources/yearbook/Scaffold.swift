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
    abstract: "Create a new site in a folder: settings, a report, an article with a chart, a dataset and the theme.")

  @Argument(help: "The folder to create (it must be new or empty).")
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
    abstract: "Create a report (new report 2025) or an article (new article 2025/talent) from Templates/new/.")

  enum Kind: String, ExpressibleByArgument, CaseIterable {
    case report, article
  }

  @Argument(help: "report or article")
  var kind: Kind

  @Argument(help: "The report folder (2025) or report/slug for an article (2025/talent).")
  var name: String

  @Option(help: "The project folder, holding Content/ and Templates/.")
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
