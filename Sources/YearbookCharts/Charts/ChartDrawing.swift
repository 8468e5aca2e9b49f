import YearbookCore
import YearbookLoad
import YearbookModel

/// A chart's shapes: the inside of its SVG, or of each KPI tile's. Drawn once and shared by
/// the forms a chart takes for the portal (its file and the inline fragment's figure).
package enum ChartDrawing: Sendable {
  case none
  case single(body: String, height: Double)
  case tiles([(tile: KPIChart.Tile, body: String, height: Double)])

  /// KPI tiles in a chart's file: two to a row, as on a phone, this far apart.
  package static let tileGap = 12.0

  /// Where each tile sits in the chart's file, and the file's size.
  package static func tileGrid(count: Int, tileHeight: Double) -> (
    origins: [(x: Double, y: Double)], width: Double, height: Double
  ) {
    let columns = min(2, max(1, count))
    let rows = (count + columns - 1) / columns
    let origins = (0..<count).map { index in
      (x: Double(index % columns) * (KPIChart.tileWidth + tileGap), y: Double(index / columns) * (tileHeight + tileGap))
    }
    return (
      origins, Double(columns) * KPIChart.tileWidth + Double(columns - 1) * tileGap,
      Double(rows) * tileHeight + Double(max(0, rows - 1)) * tileGap
    )
  }

  /// The size of the chart's file (`charts/<id>.svg`); nil when it has none.
  package var fileSize: (width: Double, height: Double)? {
    switch self {
    case .none: nil
    case .single(_, let height): (ChartLayout.width, height)
    case .tiles(let tiles):
      { grid in (grid.width, grid.height) }(Self.tileGrid(count: tiles.count, tileHeight: tiles.first?.height ?? 0))
    }
  }

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
