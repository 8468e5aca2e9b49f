import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookMarkdown
import YearbookModel

/// The theme with every page template compiled, with its layout and partials, against the
/// values its pages give it (`TemplateCompiler`): made once a build, in the index step,
/// and what `PageRenderer` renders with.
package struct CompiledTheme: Sendable {
  package let theme: Theme
  /// By page template name.
  package let plans: [String: TemplatePlan]

  /// A name no value has renders empty (`TemplateCheck` warns at its tag); anything else
  /// the compiler refuses is an error at its template's line and column.
  package static func compile(_ theme: Theme) -> Result<CompiledTheme, Diagnostic> {
    var compiler = TemplateCompiler(sources: theme.templates.mapValues(\.text), unknownNames: .renderEmpty)
    compiler.files = theme.templates.mapValues(\.file)
    var plans: [String: TemplatePlan] = [:]
    do throws(TemplateError) {
      for (name, frames) in PageSchemas.frames.sorted(by: { $0.key < $1.key }) where theme.templates[name] != nil {
        plans[name] = try compiler.compile(name, frames: frames)
      }
    } catch {
      return .failure(
        .error(
          .templateCompile(error.message),
          at: SourceLocation(file: error.at.template, line: error.at.line, column: error.at.column)))
    }
    return .success(CompiledTheme(theme: theme, plans: plans))
  }
}
