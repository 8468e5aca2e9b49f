import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookMarkdown
import YearbookModel
import YearbookRender

/// A chart as the portal takes it.
package struct PortalForms {
  /// The sentence describing the chart: the SVG's `<desc>` and an `<img>`'s `alt`.
  package var description: String
  /// `charts/<id>.svg`, a document of its own; nil for a `table` chart.
  package var file: String?
  /// The figure with an `<img>` of the file and the table shown, for CMS fragments,
  /// whose editors strip inline SVG and often `<details>`.
  package var imageFigure: String
  /// The figure with its SVG's look written on each shape, for a CMS that keeps SVG but
  /// strips stylesheets.
  package var inlineFigure: String
}

extension ChartRenderer.Rendered {
  /// The chart's forms for the portal, its shapes drawn and styled once for all of them.
  package func portalForms() -> PortalForms {
    let parts = figure ?? ChartFigure.Parts(data, id: id, baseURL: baseURL)
    let description = parts.alternative
    let styled = drawing.styled()
    return PortalForms(
      description: description, file: ChartFile.svg(data, styled: styled, description: description),
      imageFigure: ChartFigure.html(
        parts, data, id: id, image: (src: baseURL.link(SitePaths.chartFile(id)), alt: description)),
      inlineFigure: ChartFigure.html(parts, data, id: id, drawing: styled))
  }
}
