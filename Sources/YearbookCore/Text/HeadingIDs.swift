/// Hands out heading ids that stay the same from build to build and read well in Chinese:
/// `## 主要成效` gets `主要成效`; a second one on the same page gets `主要成效-2`.
package struct HeadingIDs {
  /// Ids the page templates use themselves.
  package static let reserved: Set<String> = ["main", "top", "content", "site-header", "site-footer", "site-nav"]
  private var used = HeadingIDs.reserved
  /// The number to try next after each base: every lower one is taken, so 10,000 headings
  /// of one name cost 10,000 steps, not 50 million.
  private var nextNumber: [String: Int] = [:]

  package init() {}

  package mutating func claim(for text: String) -> String {
    var base = HeadingIDs.slug(text)
    // Templates name their own ids `yb-…`; headings never take that prefix.
    if base.hasPrefix("yb-") { base = "h-" + base }
    var id = base
    if used.contains(id) {
      var number = nextNumber[base] ?? 2
      repeat {
        id = "\(base)-\(number)"
        number += 1
      } while used.contains(id)
      nextNumber[base] = number
    }
    used.insert(id)
    return id
  }

  /// `base`, or the first of `base-2`, `base-3`, … that `taken` does not hold.
  package static func first(_ base: String, notIn taken: Set<String>) -> String {
    var id = base
    var number = 2
    while taken.contains(id) {
      id = "\(base)-\(number)"
      number += 1
    }
    return id
  }

  /// Letters and digits of any script are kept; spaces and dashes become one `-`;
  /// punctuation goes.
  package static func slug(_ text: String) -> String {
    var slug = ""
    for scalar in text.lowercased().unicodeScalars {
      let properties = scalar.properties
      if properties.isAlphabetic || properties.numericType != nil {
        slug.unicodeScalars.append(scalar)
      } else if scalar == " " || scalar == "-" || scalar == "_" || scalar == "\u{3000}" {
        if !slug.isEmpty && !slug.hasSuffix("-") { slug += "-" }
      }
    }
    while slug.hasSuffix("-") { slug.removeLast() }
    return slug.isEmpty ? "section" : slug
  }
}
