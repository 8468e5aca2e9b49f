import Foundation
import YearbookCore
import YearbookLoad
import YearbookModel

/// Yearbook's measurement unit, not Foundation's `Unit`, wherever the kit names one.
typealias Unit = YearbookCore.Unit
