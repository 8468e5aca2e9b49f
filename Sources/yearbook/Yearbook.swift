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

@main
struct Yearbook: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: Message.helpYearbook().forHelp,
    subcommands: [Build.self, Check.self, Serve.self, Init.self, New.self, Import.self, PDF.self])
}
