import Foundation

/// The datasets of an .xlsx workbook: one per visible sheet that holds anything, named
/// `workbook/sheet` (`指标/企业`), titled by the title row above its header or else by
/// the workbook and sheet names.
public enum WorkbookDatasets {
  public static func read(_ url: URL, file: String) -> ([Dataset], [Diagnostic]) {
    let workbook: Workbook
    do {
      workbook = try WorkbookReader.read(url, file: file)
    } catch {
      return ([], [.error(error.message, at: error.location)])
    }
    let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    var datasets: [Dataset] = []
    var diagnostics: [Diagnostic] = []
    for sheet in workbook.sheets where !sheet.hidden && sheet.rows.contains(where: { $0.contains { !$0.isEmpty } }) {
      var problems: [Diagnostic] = []
      let grid = SheetTable.grid(of: sheet, file: file, diagnostics: &problems)
      var table = RawTable.fromGrid(
        grid, id: "\(stem)/\(sheet.name)", file: file, widthHint: "delete the cells to the right of the table",
        diagnostics: &problems)
      if table.title == nil { table.title = "\(stem)（\(sheet.name)）" }
      diagnostics += problems
      if !problems.hasErrors,
        let dataset = DatasetLoader.built(table, at: SourceLocation(file: file, sheet: sheet.name), &diagnostics)
      {
        datasets.append(dataset)
      }
    }
    return (datasets, diagnostics)
  }
}
