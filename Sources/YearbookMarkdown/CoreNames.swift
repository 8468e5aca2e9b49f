import Foundation
import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookLoad
import YearbookMarkdown
import YearbookModel

/// Yearbook's measurement unit, not Foundation's `Unit`, wherever the kit names one.
typealias Unit = YearbookCore.Unit
