import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookMarkdown
import YearbookModel
import YearbookPortal
import YearbookRender

/// A dataset drawn by a chart is listed on the data page under its title; without one,
/// readers would see a file name.
package enum DatasetTitleCheck {
  package static func run(datasets: [Dataset], documents: [ContentPath: DocumentFacts]) -> [Diagnostic] {
    let used = Set(documents.values.flatMap { $0.charts.map(\.spec.data) })
    return datasets.filter { !$0.hasTitle && used.contains($0.id) }.map { dataset in
      let fix =
        dataset.hasColumnsForm
        ? "add title: at the top of the file"
        : "add title: to a \(dataset.id).meta.yml beside it"
      return .warning(
        "dataset '\(dataset.id)' is drawn by a chart but has no title, so the data page can only name it by its chart; \(fix)",
        at: SourceLocation(file: dataset.file))
    }
  }
}
