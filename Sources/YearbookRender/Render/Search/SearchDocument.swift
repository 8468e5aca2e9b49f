import YearbookCore
import YearbookModel

/// The file a search result is shown from (`search/docs/<n>.json`): the article's title,
/// report, date, link and text, from which the script cuts the snippet around the hit.
package enum SearchDocument {
  /// Characters of text kept: the snippet of a hit further on shows the text's start.
  package static let textLimit = 3000

  package static func json(article: Article, report: Report, link: String, text: String) -> [UInt8] {
    var json: [UInt8] = []
    json.reserveCapacity(min(text.utf8.count, textLimit * 3) + 256)
    json += #"{"title":"#.utf8
    append(article.title, to: &json)
    json += #","report":"#.utf8
    append(report.title, to: &json)
    json += #","date":""#.utf8
    json += article.date.description.utf8
    json += #"","url":"#.utf8
    append(link, to: &json)
    json += #","text":"#.utf8
    append(text, to: &json, characters: textLimit)
    json += "}".utf8
    return json
  }

  /// The manifest the script reads first: how many shards and documents there are.
  package static func manifest(shards: Int, documents: Int) -> String {
    "{\"version\":1,\"shards\":\(shards),\"documents\":\(documents)}"
  }

  /// A JSON string of at most `characters` scalars: only `"`, `\`, control characters
  /// and `<` (so the text is inert wherever it is pasted) are escaped; the runs between
  /// them are copied whole.
  package static func append(_ text: String, to json: inout [UInt8], characters: Int = .max) {
    var text = text
    json.append(0x22)
    text.withUTF8 { whole in
      guard let base = whole.baseAddress else { return }
      var end = whole.count
      if whole.count > characters {
        // Cut before the scalar past the limit: a byte that does not continue one starts one.
        // Eight bytes at a time while the limit is not near: their continuation bytes are
        // those with the top bits 10.
        var scalars = 0
        var index = 0
        while index + 8 <= whole.count {
          let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
          let continuing = (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
          guard scalars + 8 - continuing <= characters else { break }
          scalars += 8 - continuing
          index += 8
        }
        while index < whole.count {
          if whole[index] & 0xC0 != 0x80 {
            scalars += 1
            if scalars > characters {
              end = index
              break
            }
          }
          index += 1
        }
      }
      var run = 0
      var index = 0
      while index < end {
        // Eight bytes with their top bit set (a Chinese text's most) need no escape.
        if index + 8 <= end,
          UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0x8080_8080_8080_8080
        {
          index += 8
          continue
        }
        let byte = whole[index]
        index += 1
        guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C else { continue }
        json.append(contentsOf: UnsafeBufferPointer(start: base + run, count: index - 1 - run))
        switch byte {
        case 0x22: json += #"\""#.utf8
        case 0x5C: json += #"\\"#.utf8
        case 0x0A: json += #"\n"#.utf8
        case 0x3C: json += #"\u003c"#.utf8
        default: json.append(0x20)
        }
        run = index
      }
      json.append(contentsOf: UnsafeBufferPointer(start: base + run, count: end - run))
    }
    json.append(0x22)
  }
}
