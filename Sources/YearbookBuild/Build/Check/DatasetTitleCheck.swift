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
      .warning(
        .datasetWithoutTitle(dataset.id, hasColumnsForm: dataset.hasColumnsForm),
        at: SourceLocation(file: dataset.file))
    }
  }
}
