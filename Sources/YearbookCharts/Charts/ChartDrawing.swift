import YearbookCore
import YearbookLoad
import YearbookModel

/// A chart's shapes: the inside of its SVG, or of each KPI tile's. Drawn once and shared by
/// the forms a chart takes for the portal (its file and the inline fragment's figure).
package enum ChartDrawing: Sendable {
  case none
  case single(body: String, height: Double)
  case tiles([(tile: KPIChart.Tile, body: String, height: Double)])

  package init(_ data: ChartData, id: String) {
    switch data.spec.kind {
    case .table: self = .none
    case .kpi: self = .tiles(KPIChart.tileSVGs(data))
    default:
      let (body, height) = ChartFigure.body(data, id: id)
      self = .single(body: body, height: height)
    }
  }
}
