import Foundation
import YearbookCore

/// Yearbook's measurement unit, not Foundation's `Unit`, wherever this target names one.
typealias Unit = YearbookCore.Unit
