import Foundation
import YearbookCore
import YearbookModel

/// The datasets of an .xlsx workbook: one per visible sheet that holds anything, named
/// `workbook/sheet` (`指标/企业`), titled by the title row above its header or else by
/// the workbook and sheet names. A `.meta.yml` beside it describes sheets under
/// `sheets:`, each with the keys of a dataset description and an `id` of its own.
public enum WorkbookDatasets {
  public static func read(_ url: URL, file: SourcePath, meta: (url: URL, file: SourcePath)? = nil) -> (
    [Dataset], [Diagnostic]
  ) {
    let workbook: Workbook
    do {
      workbook = try WorkbookReader.read(url, file: file)
    } catch {
      return ([], [.error(error.message, at: error.location)])
    }
    let stem = ((file.value as NSString).lastPathComponent as NSString).deletingPathExtension
    var datasets: [Dataset] = []
    var diagnostics: [Diagnostic] = []
    var descriptions = meta.map { described(workbook, by: $0, diagnostics: &diagnostics) } ?? [:]
    for sheet in workbook.sheets where !sheet.hidden && sheet.rows.contains(where: { $0.contains { !$0.isEmpty } }) {
      var problems: [Diagnostic] = []
      let grid = SheetTable.grid(of: sheet, file: file, diagnostics: &problems)
      var table = RawTable.fromGrid(
        grid, id: "\(stem)/\(sheet.name)", file: file, widthHint: .sheet,
        diagnostics: &problems)
      if table.title == nil { table.title = "\(stem)（\(sheet.name)）" }
      if var description = descriptions[sheet.name] {
        if let id = description.string("id") { table.id = id }
        DatasetMeta.apply(&description, to: &table, diagnostics: &problems)
        description.reportUnknownKeys(known: ["id"] + DatasetMeta.keys, context: .sheetDescription)
        problems += description.diagnostics
        descriptions[sheet.name] = nil
      }
      diagnostics += problems
      if !problems.hasErrors,
        let dataset = DatasetLoader.built(table, at: SourceLocation(file: file, sheet: sheet.name), &diagnostics)
      {
        datasets.append(dataset)
      }
    }
    return (datasets, diagnostics)
  }

  /// Each sheet's entry under `sheets:`; a name the workbook has no visible sheet of is an
  /// error listing those it has.
  private static func described(
    _ workbook: Workbook, by meta: (url: URL, file: SourcePath), diagnostics: inout [Diagnostic]
  ) -> [String: YAMLDocument] {
    guard var document = DatasetMeta.read(meta.url, file: meta.file, diagnostics: &diagnostics) else { return [:] }
    var descriptions: [String: YAMLDocument] = [:]
    if var sheets = document.mapping("sheets") {
      let names = workbook.sheets.filter { !$0.hidden }.map(\.name)
      for name in sheets.keys {
        guard names.contains(name) else {
          sheets.error(
            .noVisibleSheet(name, sheets: names),
            at: sheets.location(ofKey: name))
          continue
        }
        descriptions[name] = sheets.mapping(name)
      }
      diagnostics += sheets.diagnostics
    }
    document.reportUnknownKeys(known: ["sheets"], context: .workbookDescription)
    diagnostics += document.diagnostics
    return descriptions
  }
}
