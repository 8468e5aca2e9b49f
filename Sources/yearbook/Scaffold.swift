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

  func run() throws {
    do {
      let files = try SiteScaffold.initialize(URL(fileURLWithPath: folder))
      print("Created a site in \(folder) (\(files.count) files). Next:")
      print("  cd \(folder)")
      print("  yearbook serve --drafts   # preview at http://127.0.0.1:8000/, with the sample report")
      print("  yearbook new report \(ContentDate.today.description.prefix(4))   # your own report")
      print("Replace every 待填写 and the sample site_code in Content/site.yml: build refuses them.")
    } catch {
      Terminal.status("error: \(error.description)")
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

  func run() throws {
    let rootURL = URL(fileURLWithPath: root)
    do {
      let path =
        switch kind {
        case .report: try SiteScaffold.newReport(name, root: rootURL)
        case .article: try SiteScaffold.newArticle(name, root: rootURL)
        }
      print(path)
      if kind == .report, case (let date, true) = SiteScaffold.reportDate(for: name) {
        print("date: \(date), the end of the period \(name); change it to the day the report is published")
      }
    } catch {
      Terminal.status("error: \(error.description)")
      throw ExitCode(1)
    }
  }
}
