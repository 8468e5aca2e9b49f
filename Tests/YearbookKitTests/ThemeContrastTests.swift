import Foundation
import Testing

/// The default theme's colours, read from its stylesheet, meet WCAG 2.1 AA: chart marks
/// 3:1 against the page and the KPI tiles, text 4.5:1, in light and in dark mode.
@Suite struct ThemeContrastTests {
  static let css = try! String(
    contentsOf: FixtureSite.repository.appendingPathComponent("Templates/static/css/yearbook.css"), encoding: .utf8)

  /// The `--yb-…` variables of the first `:root` block after `marker` (empty: the start).
  static func variables(after marker: String) -> [String: String] {
    var values: [String: String] = [:]
    var text = Substring(css)
    if !marker.isEmpty, let range = css.range(of: marker) { text = css[range.upperBound...] }
    for block in text.matches(of: /:root\s*\{([^}]*)\}/) {
      for match in block.1.matches(of: /(--yb-[a-z0-9-]+):\s*(#[0-9a-fA-F]{6})/) where values[String(match.1)] == nil {
        values[String(match.1)] = String(match.2)
      }
      if !marker.isEmpty { break }
    }
    return values
  }

  static func luminance(_ hex: String) -> Double {
    let value = Int(hex.dropFirst(), radix: 16)!
    let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { Double($0) / 255 }
    let linear = channels.map { $0 <= 0.04045 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
  }

  static func contrast(_ a: String, _ b: String) -> Double {
    let (x, y) = (luminance(a), luminance(b))
    return (max(x, y) + 0.05) / (min(x, y) + 0.05)
  }

  @Test(arguments: ["", "prefers-color-scheme: dark"])
  func coloursMeetAA(mode: String) throws {
    var colours = Self.variables(after: "")
    colours.merge(Self.variables(after: mode)) { $1 }
    let backgrounds = [try #require(colours["--yb-background"]), try #require(colours["--yb-surface"])]
    for background in backgrounds {
      for series in 1...6 {
        let mark = try #require(colours["--yb-series-\(series)"])
        #expect(Self.contrast(mark, background) >= 3, "series \(series) \(mark) on \(background) in '\(mode)'")
      }
      for text in ["--yb-text", "--yb-muted", "--yb-link"] {
        let colour = try #require(colours[text])
        #expect(Self.contrast(colour, background) >= 4.5, "\(text) \(colour) on \(background) in '\(mode)'")
      }
    }
  }
}
