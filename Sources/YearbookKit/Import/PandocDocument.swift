import Foundation
import YearbookCore
import YearbookLoad
import YearbookModel

/// A Word document as pandoc reads it (`pandoc -f docx -t json`, pandoc-types 1.22): the
/// typed tree Yearbook imports from. Only what a bureau report holds is kept apart; the
/// rest is read as its text.
struct PandocDocument: Decodable {
  var blocks: [Block]
  /// The title in the document's properties (Word's 文件 → 信息 → 标题), when it has one.
  var title: [Inline]?

  private enum DocumentKey: String, CodingKey { case blocks, meta }
  private enum MetaKey: String, CodingKey { case title }

  init(blocks: [Block], title: [Inline]? = nil) {
    self.blocks = blocks
    self.title = title
  }

  init(from decoder: Decoder) throws {
    let document = try decoder.container(keyedBy: DocumentKey.self)
    blocks = try document.decode([Block].self, forKey: .blocks)
    // A document without a title in its properties has no `title` in its meta.
    guard document.contains(.meta) else { return }
    let meta = try document.nestedContainer(keyedBy: MetaKey.self, forKey: .meta)
    guard meta.contains(.title) else { return }
    let title = try meta.nestedContainer(keyedBy: Key.self, forKey: .title)
    if try title.decode(String.self, forKey: .t) == "MetaInlines" {
      self.title = try title.decode([Inline].self, forKey: .c)
    }
  }

  indirect enum Block: Decodable {
    case paragraph([Inline])
    case heading(level: Int, [Inline])
    case bulletList([[Block]])
    case orderedList(start: Int, [[Block]])
    case quote([Block])
    case table(Table)
    case division([Block])
    case lines([[Inline]])
    case code(String)
    case other

    init(from decoder: Decoder) throws {
      let node = try decoder.container(keyedBy: Key.self)
      switch try node.decode(String.self, forKey: .t) {
      case "Para", "Plain": self = .paragraph(try node.decode([Inline].self, forKey: .c))
      case "Header":
        var content = try node.nestedUnkeyedContainer(forKey: .c)
        let level = try content.decode(Int.self)
        _ = try content.decode(Attributes.self)
        self = .heading(level: level, try content.decode([Inline].self))
      case "BulletList": self = .bulletList(try node.decode([[Block]].self, forKey: .c))
      case "OrderedList":
        var content = try node.nestedUnkeyedContainer(forKey: .c)
        var attributes = try content.nestedUnkeyedContainer()
        let start = try attributes.decode(Int.self)
        self = .orderedList(start: start, try content.decode([[Block]].self))
      case "BlockQuote": self = .quote(try node.decode([Block].self, forKey: .c))
      case "Div":
        var content = try node.nestedUnkeyedContainer(forKey: .c)
        _ = try content.decode(Attributes.self)
        self = .division(try content.decode([Block].self))
      case "LineBlock": self = .lines(try node.decode([[Inline]].self, forKey: .c))
      case "CodeBlock":
        var content = try node.nestedUnkeyedContainer(forKey: .c)
        _ = try content.decode(Attributes.self)
        self = .code(try content.decode(String.self))
      case "Table": self = .table(try node.decode(Table.self, forKey: .c))
      default: self = .other
      }
    }
  }

  indirect enum Inline: Decodable {
    case text(String)
    case space
    case lineBreak
    case strong([Inline])
    case emphasis([Inline])
    /// Underline, strike-out, superscript and the like: their text, unmarked.
    case plain([Inline])
    case quoted(double: Bool, [Inline])
    case code(String)
    case link([Inline], url: String)
    case image([Inline], url: String)
    case note([Block])
    case other

    init(from decoder: Decoder) throws {
      let node = try decoder.container(keyedBy: Key.self)
      switch try node.decode(String.self, forKey: .t) {
      case "Str": self = .text(try node.decode(String.self, forKey: .c))
      case "Space", "SoftBreak": self = .space
      case "LineBreak": self = .lineBreak
      case "Strong": self = .strong(try node.decode([Inline].self, forKey: .c))
      case "Emph": self = .emphasis(try node.decode([Inline].self, forKey: .c))
      case "Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps":
        self = .plain(try node.decode([Inline].self, forKey: .c))
      case "Quoted":
        var content = try node.nestedUnkeyedContainer(forKey: .c)
        let kind = try content.decode(Tagged.self)
        self = .quoted(double: kind.t == "DoubleQuote", try content.decode([Inline].self))
      case "Span", "Cite":
        // A span starts with its attributes, a citation with its sources: neither is kept.
        // (A failed `try?` would not move past the element, so each is read as what it is.)
        var content = try node.nestedUnkeyedContainer(forKey: .c)
        _ = try content.decode(Ignored.self)
        self = .plain(try content.decode([Inline].self))
      case "Code":
        var content = try node.nestedUnkeyedContainer(forKey: .c)
        _ = try content.decode(Attributes.self)
        self = .code(try content.decode(String.self))
      case "Link", "Image":
        var content = try node.nestedUnkeyedContainer(forKey: .c)
        _ = try content.decode(Attributes.self)
        let text = try content.decode([Inline].self)
        // The target is [url, title].
        var target = try content.nestedUnkeyedContainer()
        let url = try target.decode(String.self)
        self = try node.decode(String.self, forKey: .t) == "Link" ? .link(text, url: url) : .image(text, url: url)
      case "Note": self = .note(try node.decode([Block].self, forKey: .c))
      default: self = .other
      }
    }
  }

  /// A table with its cells' spans, header rows apart from body rows.
  struct Table: Decodable {
    struct Cell {
      var rowSpan: Int
      var columnSpan: Int
      var blocks: [Block]
    }

    var caption: [Block]
    var head: [[Cell]]
    var body: [[Cell]]

    init(caption: [Block] = [], head: [[Cell]], body: [[Cell]]) {
      self.caption = caption
      self.head = head
      self.body = body
    }

    init(from decoder: Decoder) throws {
      var content = try decoder.unkeyedContainer()
      _ = try content.decode(Attributes.self)
      var caption = try content.nestedUnkeyedContainer()
      // A caption is [short caption or null, blocks].
      _ = try caption.decode([Inline]?.self)
      self.caption = try caption.decode([Block].self)
      _ = try content.decode([ColumnSpec].self)
      var head = try content.nestedUnkeyedContainer()
      _ = try head.decode(Attributes.self)
      self.head = try head.decode([Row].self).map(\.cells)
      body = try content.decode([Body].self).flatMap { $0.rows.map(\.cells) }
    }

    private typealias ColumnSpec = Ignored

    private struct Row: Decodable {
      var cells: [Cell]
      init(from decoder: Decoder) throws {
        var content = try decoder.unkeyedContainer()
        _ = try content.decode(Attributes.self)
        cells = try content.decode([CellNode].self).map(\.cell)
      }
    }

    private struct CellNode: Decodable {
      var cell: Cell
      init(from decoder: Decoder) throws {
        var content = try decoder.unkeyedContainer()
        _ = try content.decode(Attributes.self)
        _ = try content.decode(Tagged.self)
        let rows = try content.decode(Int.self)
        let columns = try content.decode(Int.self)
        cell = Cell(rowSpan: max(1, rows), columnSpan: max(1, columns), blocks: try content.decode([Block].self))
      }
    }

    private struct Body: Decodable {
      var rows: [Row]
      init(from decoder: Decoder) throws {
        var content = try decoder.unkeyedContainer()
        _ = try content.decode(Attributes.self)
        _ = try content.decode(Int.self)
        let intermediate = try content.decode([Row].self)
        rows = intermediate + (try content.decode([Row].self))
      }
    }
  }

  private enum Key: String, CodingKey { case t, c }

  /// Any value, passed over.
  fileprivate struct Ignored: Decodable {
    init(from decoder: Decoder) throws {}
  }

  /// `{"t": "AlignDefault"}` and other tags without content.
  private struct Tagged: Decodable { var t: String }

  /// `["id", ["class"], [["key", "value"]]]`, not needed.
  private struct Attributes: Decodable {
    init(from decoder: Decoder) throws {
      var content = try decoder.unkeyedContainer()
      _ = try content.decode(String.self)
      _ = try content.decode([String].self)
      _ = try content.decode([[String]].self)
    }
  }
}
