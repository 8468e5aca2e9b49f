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
  private static func append(_ text: String, to json: inout [UInt8], characters: Int = .max) {
    var text = text
    json.append(0x22)
    text.withUTF8 { whole in
      var bytes = whole
      if whole.count > characters {
        // Cut before the scalar past the limit: a byte that does not continue one starts one.
        var scalars = 0
        for index in whole.indices where whole[index] & 0xC0 != 0x80 {
          scalars += 1
          if scalars > characters {
            bytes = UnsafeBufferPointer(rebasing: whole[..<index])
            break
          }
        }
      }
      var run = 0
      for index in bytes.indices {
        let byte = bytes[index]
        // Every byte of a Chinese character is above `\`: one test passes most bytes.
        guard byte <= 0x5C, byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C else { continue }
        json.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
        switch byte {
        case 0x22: json += #"\""#.utf8
        case 0x5C: json += #"\\"#.utf8
        case 0x0A: json += #"\n"#.utf8
        case 0x3C: json += #"\u003c"#.utf8
        default: json.append(0x20)
        }
        run = index + 1
      }
      json.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
    }
    json.append(0x22)
  }
}
