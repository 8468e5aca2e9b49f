import YearbookCore
import YearbookModel

/// The known key an unknown one most likely meant: a typo (`titel`), a spelling from
/// another tool (`zip` for `postcode`), or the English an editor would guess for a
/// footer field (`public_security` for the 公安备案 `police_record`).
package enum KeySuggestion {
  /// Words editors use for a key, by the key they mean.
  package static let synonyms: [String: [String]] = [
    "police_record": ["public_security", "gongan", "ga_record", "police", "psb", "mps_record", "gaba"],
    "icp": ["icp_record", "icp_number", "beian", "miit"],
    "site_code": ["sitecode", "site_id", "site_identifier", "identifier", "bsm", "code"],
    "organizer": ["host", "sponsor", "organiser", "owner", "zhuban"],
    "phone": ["tel", "telephone", "phone_number", "mobile", "dianhua"],
    "email": ["mail", "e-mail", "e_mail", "mailbox"],
    "postcode": ["zip", "zipcode", "zip_code", "post_code", "postal_code", "youbian"],
    "address": ["addr", "location", "dizhi"],
    "copyright": ["rights", "copy_right", "banquan"],
    "date": ["published", "publish_date", "pubdate", "time"],
    "tags": ["tag", "keywords", "categories"],
    "byline": ["author", "authors", "editor"],
    "summary": ["description", "abstract", "excerpt"],
    "base_url": ["baseurl", "url", "base"],
  ]

  package static func suggestion(for key: String, known: [String]) -> String? {
    let lowered = key.lowercased().replacingOccurrences(of: "-", with: "_")
    if let exact = known.first(where: { $0 == lowered }) { return exact }
    if let meant = known.first(where: { synonyms[$0]?.contains(lowered) == true }) { return meant }
    let scored = known.map { ($0, distance(lowered, $0)) }
    guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else { return nil }
    // A third of the letters wrong is still a typo; more is a different word.
    return best.1 <= max(1, best.0.count / 3) ? best.0 : nil
  }

  /// Levenshtein distance over characters.
  package static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
