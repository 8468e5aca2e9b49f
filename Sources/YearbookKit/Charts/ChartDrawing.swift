import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookModel

/// A chart's shapes: the inside of its SVG, or of each KPI tile's. Drawn once and shared by
/// the forms a chart takes for the portal (its file and the inline fragment's figure).
enum ChartDrawing: Sendable {
  case none
  case single(body: String, height: Double)
  case tiles([(tile: KPIChart.Tile, body: String, height: Double)])

  init(_ data: ChartData, id: String) {
    switch data.spec.kind {
    case .table: self = .none
    case .kpi: self = .tiles(KPIChart.tileSVGs(data))
    default:
      let (body, height) = ChartFigure.body(data, id: id)
      self = .single(body: body, height: height)
    }
  }

  /// The same shapes with the theme's look written on each (`ChartFile.presentationAttributes`).
  func styled() -> ChartDrawing {
    switch self {
    case .none: .none
    case .single(let body, let height): .single(body: ChartFile.presentationAttributes(body), height: height)
    case .tiles(let tiles):
      .tiles(tiles.map { ($0.tile, ChartFile.presentationAttributes($0.body), $0.height) })
    }
  }
}
