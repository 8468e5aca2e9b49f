import YearbookCore
import YearbookModel

/// The file a search result is shown from (`search/docs/<n>.json`): the article's title,
/// report, date, link and text, from which the script cuts the snippet around the hit.
package enum SearchDocument {
  /// Characters of text kept: the snippet of a hit further on shows the text's start.
  package static let textLimit = 3000

  package static func json(article: Article, report: Report, link: String, text: String) -> String {
    var json = "{\"title\":"
    append(article.title, to: &json)
    json += ",\"report\":"
    append(report.title, to: &json)
    json += ",\"date\":\"\(article.date.description)\",\"url\":"
    append(link, to: &json)
    json += ",\"text\":"
    let scalars = text.unicodeScalars
    let end = scalars.index(scalars.startIndex, offsetBy: textLimit, limitedBy: scalars.endIndex) ?? scalars.endIndex
    append(Substring(scalars[..<end]), to: &json)
    json += "}"
    return json
  }

  /// The manifest the script reads first: how many shards and documents there are.
  package static func manifest(shards: Int, documents: Int) -> String {
    "{\"version\":1,\"shards\":\(shards),\"documents\":\(documents)}"
  }

  /// A JSON string; `<` is escaped too, so the text is inert wherever it is pasted.
  private static func append(_ text: some StringProtocol, to json: inout String) {
    json.unicodeScalars.append("\"")
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": json += "\\\""
      case "\\": json += "\\\\"
      case "\n": json += "\\n"
      case "<": json += "\\u003c"
      case "\u{2028}": json += "\\u2028"
      case "\u{2029}": json += "\\u2029"
      default:
        if scalar.value < 0x20 {
          json += " "
        } else {
          json.unicodeScalars.append(scalar)
        }
      }
    }
    json.unicodeScalars.append("\"")
  }
}
