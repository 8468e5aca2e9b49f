import YearbookCore
import YearbookModel

/// What may stand in a URL segment made from a file or folder name.
package enum SlugRules {
  /// nil when `slug` is usable; otherwise the end of a sentence saying what is wrong.
  package static func problem(with slug: String) -> Message? {
    if slug.isEmpty { return .nameEmpty() }
    if slug.hasPrefix(".") { return .nameStartsWithDot(slug) }
    let allowed = slug.unicodeScalars.allSatisfy {
      ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."))
        || (!$0.isASCII && $0.properties.isAlphabetic)
    }
    return allowed ? nil : .nameHasBadCharacters(slug)
  }

  /// The name with each run of spaces (ASCII or ideographic) made one `-`, trimmed.
  package static func withoutSpaces(_ name: String) -> String? {
    let parts = name.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\t" })
    return parts.isEmpty ? nil : parts.joined(separator: "-")
  }
}
