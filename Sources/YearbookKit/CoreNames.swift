import Foundation
import YearbookBuild
import YearbookCore
import YearbookPortal
import YearbookRender

/// Yearbook's measurement unit, not Foundation's `Unit`, wherever this target names one.
typealias Unit = YearbookCore.Unit
