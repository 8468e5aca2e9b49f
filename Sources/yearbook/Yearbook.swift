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
    abstract: "Builds a yearly report site from Markdown articles and data.",
    subcommands: [Build.self, Check.self, Serve.self, Init.self, New.self, Import.self, PDF.self])
}
