import YearbookCore
import YearbookModel

/// Why a workbook, or one of its cells, cannot be read; the loader turns it into a
/// diagnostic at `location`.
struct WorkbookError: Error {
  var message: String
  var location: SourceLocation
}
