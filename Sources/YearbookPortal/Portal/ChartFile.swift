import YearbookCharts
import YearbookCore
import YearbookIndex
import YearbookMarkdown
import YearbookModel
import YearbookRender

/// A chart as a file of its own, `charts/<id>.svg`: what a CMS that strips inline SVG shows
/// through `<img>`, and what an editor downloads for a slide. An SVG shown as an image sees
/// no page stylesheet, so the colours and fonts the theme's CSS gives the chart classes are
/// written on each element as presentation attributes (not a `<style>`, which a strict CSP
/// on the file would block).
package enum ChartFile {
  /// The sentence a screen reader hears: the `<desc>` of the file and the `alt` of its `<img>`.
  package static func description(_ data: ChartData) -> String { ChartDescription.alternative(data) }

  /// The whole SVG document from the chart's styled drawing; nil for a `table` chart,
  /// which has no picture.
  package static func svg(_ data: ChartData, styled drawing: ChartDrawing, description: String) -> String? {
    let body: String
    let width: Double
    let height: Double
    switch drawing {
    case .none:
      return nil
    case .tiles(let tiles):
      let grid = ChartDrawing.tileGrid(count: tiles.count, tileHeight: tiles.first?.height ?? 0)
      (width, height) = (grid.width, grid.height)
      body = zip(tiles, grid.origins).map { tile, origin in
        "<g transform=\"translate(\(SVG.number(origin.x)) \(SVG.number(origin.y)))\">\(tile.body)</g>"
      }.joined()
    case .single(let drawn, let drawnHeight):
      (body, height) = (drawn, drawnHeight)
      width = ChartLayout.width
    }
    var out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(SVG.number(width))\" height=\"\(SVG.number(height))\" viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(height))\" font-family=\"\(HTML.escape(font))\">"
    // The first `<title>` and `<desc>` name and describe the picture (SVG-AAM); SVG 1.1,
    // which validators check a file against, has no ARIA attributes.
    out += "<title>\(HTML.escape(data.spec.title))</title>"
    out += "<desc>\(HTML.escape(description))</desc>"
    out += "<rect width=\"100%\" height=\"100%\" fill=\"\(palette.background)\"/>"
    out += body + "</svg>\n"
    return out
  }

  /// The chart markup with each class's look written on the element (the first class that
  /// sets an attribute wins, so `yb-halo yb-value` is drawn in the halo's fill); attributes the
  /// markup already has (a pattern fill, a computed font size) win, as they do on a page.
  package static func presentationAttributes(_ svg: String) -> String {
    var svg = svg
    svg.makeContiguousUTF8()
    // The markup is copied in runs up to each place attributes go in, as slices of the
    // string itself (valid UTF-8 already).
    var output = ""
    output.reserveCapacity(svg.utf8.count * 2)
    var copied = 0
    // A chart repeats a handful of class lists; each is looked up once.
    var looks: [(classes: [UInt8], added: [(name: ArraySlice<UInt8>, text: String)])] = []
    svg.utf8.withContiguousStorageIfAvailable { bytes in
      var index = 0
      while index < bytes.count {
        guard let open = HTMLRewriter.find(in: bytes, from: index), let end = HTMLRewriter.tagEnd(in: bytes, from: open)
        else { break }
        index = end
        let tag = SVGTag(bytes[open..<end])
        guard let classes = tag.value(of: classAttribute) else { continue }
        let look: [(name: ArraySlice<UInt8>, text: String)]
        if let known = looks.first(where: { $0.classes.elementsEqual(classes) }) {
          look = known.added
        } else {
          look = attributes(forClasses: String(decoding: UnsafeBufferPointer(rebasing: classes), as: UTF8.self))
          looks.append((Array(classes), look))
        }
        output += svg.utf8Slice(copied..<tag.insertion)
        copied = tag.insertion
        for attribute in look where !tag.has(attribute.name) { output += attribute.text }
      }
    }
    output += svg.utf8Slice(copied..<svg.utf8.count)
    return output
  }

  private static let classAttribute = Array("class".utf8)[...]

  /// The attributes a class list adds (` fill="#1a1a1a"`), each named once: the first
  /// class that sets one wins.
  private static func attributes(forClasses classes: String) -> [(name: ArraySlice<UInt8>, text: String)] {
    var added: [(name: ArraySlice<UInt8>, text: String)] = []
    for name in classes.split(separator: " ") {
      for (attribute, value) in styles[String(name)] ?? []
      where !added.contains(where: { $0.name.elementsEqual(attribute.utf8) }) {
        added.append((Array(attribute.utf8)[...], " \(attribute)=\"\(value)\""))
      }
    }
    return added
  }

  /// An opening tag's attributes, read without copying: Yearbook wrote the markup, so
  /// values are quoted and escaped. A closing tag or a comment has none.
  private struct SVGTag {
    var attributes: [(name: Slice<UnsafeBufferPointer<UInt8>>, value: Slice<UnsafeBufferPointer<UInt8>>)] = []
    /// Where added attributes go: before the tag's `/>` or `>`.
    var insertion: Int

    init(_ tag: Slice<UnsafeBufferPointer<UInt8>>) {
      insertion = tag.endIndex
      var index = tag.startIndex + 1
      guard index < tag.endIndex, (tag[index] | 0x20) >= UInt8(ascii: "a"), (tag[index] | 0x20) <= UInt8(ascii: "z")
      else { return }
      while index < tag.endIndex, !Self.isSpace(tag[index]), tag[index] != UInt8(ascii: ">"),
        tag[index] != UInt8(ascii: "/")
      {
        index += 1
      }
      while true {
        while index < tag.endIndex, Self.isSpace(tag[index]) { index += 1 }
        guard index < tag.endIndex, tag[index] != UInt8(ascii: ">"), tag[index] != UInt8(ascii: "/") else { break }
        let nameStart = index
        while index < tag.endIndex, !Self.isSpace(tag[index]), tag[index] != UInt8(ascii: "="),
          tag[index] != UInt8(ascii: ">"), tag[index] != UInt8(ascii: "/")
        {
          index += 1
        }
        let name = tag[nameStart..<index]
        guard index < tag.endIndex, tag[index] == UInt8(ascii: "=") else {
          attributes.append((name, tag[index..<index]))
          continue
        }
        index += 1
        var quote: UInt8?
        if index < tag.endIndex, tag[index] == UInt8(ascii: "\"") || tag[index] == UInt8(ascii: "'") {
          quote = tag[index]
          index += 1
        }
        let valueStart = index
        while index < tag.endIndex {
          let byte = tag[index]
          if let quote, byte == quote { break }
          if quote == nil, Self.isSpace(byte) || byte == UInt8(ascii: ">") { break }
          index += 1
        }
        attributes.append((name, tag[valueStart..<index]))
        if quote != nil, index < tag.endIndex { index += 1 }
      }
      insertion = index
    }

    func value(of name: ArraySlice<UInt8>) -> Slice<UnsafeBufferPointer<UInt8>>? {
      attributes.first { $0.name.elementsEqual(name) }?.value
    }

    func has(_ name: ArraySlice<UInt8>) -> Bool {
      attributes.contains { $0.name.elementsEqual(name) }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
      byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }
  }

  /// The default theme's light colours (Templates/static/css/yearbook.css, `:root`): a file
  /// cannot follow the reader's dark mode, so it keeps the printed look.
  package static let palette = (
    text: "#1a1a1a", muted: "#4a4a4a", background: "#ffffff", surface: "#f3f6f9", border: "#c9d3dd",
    brand: "#0b4f8a", grid: "#d5dde5", up: "#2e7d32", down: "#a6262a",
    series: ["#1f5f99", "#b8500c", "#2e7d32", "#7b3f98", "#a6262a", "#5c6b00"]
  )

  package static let font =
    "PingFang SC, Hiragino Sans GB, Microsoft YaHei, Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, Arial, sans-serif"

  /// What the theme's chart rules say, class by class.
  package static let styles: [String: [(String, String)]] = {
    var styles: [String: [(String, String)]] = [
      "yb-label": [("fill", palette.text), ("font-size", "14")],
      "yb-value": [("fill", palette.text), ("font-size", "13.5")],
      "yb-halo": [
        ("fill", palette.background), ("stroke", palette.background), ("stroke-width", "3"),
        ("stroke-linejoin", "round"),
      ],
      "yb-estimate": [("stroke-dasharray", "3 4")],
      "yb-estimate-mark": [("fill-opacity", "0.4"), ("stroke-width", "1.5"), ("stroke-dasharray", "4 2")],
      "yb-total": [("fill", palette.text), ("font-size", "20"), ("font-weight", "700")],
      "yb-tick": [("fill", palette.muted), ("font-size", "13.5")],
      "yb-grid": [("stroke", palette.grid), ("stroke-width", "1")],
      "yb-baseline": [("stroke", palette.text), ("stroke-width", "1")],
      "yb-hatch": [("stroke", palette.background), ("stroke-width", "1.5")],
      "yb-dot": [("fill", palette.background)],
      "yb-line": [("fill", "none"), ("stroke-width", "2.5"), ("stroke-linejoin", "round")],
      "yb-dash-2": [("stroke-dasharray", "7 4")],
      "yb-dash-3": [("stroke-dasharray", "2 3")],
      "yb-dash-4": [("stroke-dasharray", "9 3 2 3")],
      "yb-marker": [("fill", palette.background), ("stroke-width", "2")],
      "yb-kpi-tile": [("fill", palette.surface)],
      "yb-kpi-value": [("fill", palette.brand), ("font-weight", "700")],
      "yb-kpi-unit": [("fill", palette.text), ("font-size", "14"), ("font-weight", "400")],
      "yb-up": [("fill", palette.up)],
      "yb-down": [("fill", palette.down)],
      "yb-progress-track": [("fill", palette.surface), ("stroke", palette.border)],
      "yb-target": [("stroke", palette.text), ("stroke-width", "2"), ("stroke-dasharray", "3 2")],
    ]
    for (index, colour) in palette.series.enumerated() {
      styles["yb-fill-\(index + 1)"] = [("fill", colour)]
      styles["yb-stroke-\(index + 1)"] = [("stroke", colour)]
      styles["yb-outline-\(index + 1)"] = [("stroke", colour)]
    }
    return styles
  }()
}

extension ChartDrawing {
  /// The same shapes with the theme's look written on each (`ChartFile.presentationAttributes`).
  package func styled() -> ChartDrawing {
    switch self {
    case .none: .none
    case .single(let body, let height): .single(body: ChartFile.presentationAttributes(body), height: height)
    case .tiles(let tiles):
      .tiles(tiles.map { ($0.tile, ChartFile.presentationAttributes($0.body), $0.height) })
    }
  }
}
