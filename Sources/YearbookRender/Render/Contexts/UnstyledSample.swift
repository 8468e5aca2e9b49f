import YearbookCore

/// The opening of an article's body as a CMS shows a fragment whose `<link>` it dropped:
/// the 嵌入本页 box renders it with every style reverted to the browser's own, so the editor
/// sees what the portal would show. Only text blocks are taken (headings, paragraphs,
/// lists), until about `length` characters of text, without ids (the page has them).
package enum UnstyledSample {
  static let blocks = ["p", "h2", "h3", "h4", "ul", "ol", "blockquote"]

  package static func of(body: String, length: Int = 240) -> String {
    var sample = ""
    var text = 0
    var rest = Substring(body)
    while text < length, let open = rest.firstIndex(of: "<") {
      rest = rest[open...]
      let name = String(rest.dropFirst().prefix { $0.isLetter || $0.isNumber })
      guard blocks.contains(name), let end = closing(of: name, in: rest) else {
        // A figure, a table's scroll box or the contents: the sample is the text before it.
        if sample.isEmpty, let next = rest.dropFirst().firstIndex(of: "\n") {
          rest = rest[next...]
          continue
        }
        break
      }
      let block = String(rest[..<end])
      sample += withoutIDs(block) + "\n"
      text += HTML.strippingTags(block).count
      rest = rest[end...]
    }
    return sample
  }

  /// The end of the element `rest` opens with, counting nested ones of the same name.
  static func closing(of name: String, in rest: Substring) -> Substring.Index? {
    var depth = 0
    var index = rest.startIndex
    while let tag = rest[index...].firstIndex(of: "<") {
      let after = rest[rest.index(after: tag)...]
      if after.hasPrefix("/\(name)>") {
        depth -= 1
        let end = rest.index(tag, offsetBy: name.count + 3)
        if depth == 0 { return end }
        index = end
      } else {
        if after.hasPrefix(name) && [" ", ">"].contains(after.dropFirst(name.count).first) { depth += 1 }
        index = rest.index(after: tag)
      }
    }
    return nil
  }

  static func withoutIDs(_ html: String) -> String {
    html.replacing(/\ id="[^"]*"/, with: "")
  }

}
