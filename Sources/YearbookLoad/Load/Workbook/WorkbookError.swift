import YearbookCore
import YearbookModel

/// Why a workbook, or one of its cells, cannot be read; the loader turns it into a
/// diagnostic at `location`.
package struct WorkbookError: Error {
  package var message: Message
  package var location: SourceLocation
}
