/// The words of a text as the search index stores them, with no dictionary: each Chinese
/// character and each overlapping pair of them (so 科技创新 is found by 技创 or 创新, and a
/// two-character word inside a longer one matches), and each run of Latin letters or digits
/// as one token (`2024`, `5993.92`, `ai`). `yearbook-search.js` cuts a query the same way;
/// the two must agree on every number here.
///
/// A key is a whole number below 2^42, exact in JavaScript: a character `c` is `c << 21`,
/// a pair `c d` is `c << 21 | d` (ideographs are below 2^20), and a token is its length and
/// FNV-1a hash under bit 41.
package enum SearchKeys {
  static let tokenFlag: UInt64 = 1 << 41
  /// Letters of a token past this many are not indexed (nor looked for).
  static let longestToken = 32

  /// Every key of a document's title and text, grouped by index partition.
  package struct DocumentKeys: Sendable {
    package var keys: [UInt64] = []
    /// How often each key occurs (upper 16 bits, at most 65,535), whether once in the title
    /// (bit 15), and the positions modulo 32 of its first two occurrences (bits 0–4 and
    /// 5–9), which tell a phrase from the same pairs apart.
    package var details: [UInt32] = []
    /// Where each partition's keys start in `keys`, and the end.
    package var partitionStarts = Array(repeating: 0, count: SearchKeys.partitions + 1)

    package init() {}
  }

  /// Index partitions: a document's keys are grouped by partition so that each partition's
  /// lists can be extended on its own core. Shard counts are multiples of it.
  package static let partitions = 16

  package static func isPair(_ key: UInt64) -> Bool {
    key & tokenFlag == 0 && key & 0x1F_FFFF != 0
  }

  /// The title's and the text's keys. Positions run through the title, then the text, so
  /// the phrase test works in both.
  package static func keys(title: String, text: String) -> DocumentKeys {
    // A Chinese character is three bytes and gives two keys, but an article repeats most of
    // its characters and pairs: a sixth of its bytes is room enough, and the table grows.
    var tally = KeyTally(expected: (title.utf8.count + text.utf8.count) / 6 + 16)
    defer { tally.deallocate() }
    let titleEnd = scan(title, from: 0, into: &tally, inTitle: true)
    _ = scan(text, from: titleEnd + 1, into: &tally, inTitle: false)
    return tally.documentKeys()
  }

  /// Counts the keys of `text`, its positions from `start` on; returns the position after
  /// its last character.
  private static func scan(_ text: String, from start: UInt64, into tally: inout KeyTally, inTitle: Bool) -> UInt64 {
    var position = start
    var previousIdeograph: UInt32 = 0
    var token: [UInt8] = []
    var tokenStart: UInt64 = 0
    var pendingPoint = false
    @inline(__always) func add(_ key: UInt64, at position: UInt64) {
      tally.add(key, at: position, inTitle: inTitle)
    }
    func endToken() {
      pendingPoint = false
      // Called before every Chinese character: most of the time there is no token to end.
      guard !token.isEmpty else { return }
      add(tokenKey(token), at: tokenStart)
      token.removeAll(keepingCapacity: true)
    }
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if isIdeograph(value) {
        endToken()
        add(UInt64(value) << 21, at: position)
        if previousIdeograph != 0 { add(UInt64(previousIdeograph) << 21 | UInt64(value), at: position - 1) }
        previousIdeograph = value
      } else {
        previousIdeograph = 0
        let letter = tokenLetter(value)
        if letter != 0 {
          if pendingPoint {
            // A decimal point between digits stays in the number: 5993.92.
            if letter >= 0x30 && letter <= 0x39 {
              if token.count < longestToken { token.append(0x2E) }
            } else {
              endToken()
            }
            pendingPoint = false
          }
          if token.isEmpty { tokenStart = position }
          if token.count < longestToken { token.append(letter) }
        } else if isPoint(value), let last = token.last, last >= 0x30 && last <= 0x39, !pendingPoint {
          pendingPoint = true
        } else {
          endToken()
        }
      }
      position += 1
    }
    endToken()
    return position
  }

  /// Chinese characters (the unified ideographs and their extensions).
  @inline(__always) package static func isIdeograph(_ value: UInt32) -> Bool {
    (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0xF900...0xFAFF).contains(value)
      || (0x20000...0x3FFFF).contains(value)
  }

  /// The lower-case ASCII letter or digit a character searches as (full-width forms fold
  /// to ASCII); 0 when it is not part of a token.
  @inline(__always) static func tokenLetter(_ value: UInt32) -> UInt8 {
    let folded = value >= 0xFF01 && value <= 0xFF5E ? value - 0xFEE0 : value
    switch folded {
    case 0x30...0x39, 0x61...0x7A: return UInt8(folded)
    case 0x41...0x5A: return UInt8(folded + 0x20)
    default: return 0
    }
  }

  @inline(__always) static func isPoint(_ value: UInt32) -> Bool { value == 0x2E || value == 0xFF0E }

  static func tokenKey(_ letters: [UInt8]) -> UInt64 {
    var hash: UInt32 = 0x811C_9DC5
    for letter in letters {
      hash ^= UInt32(letter)
      hash = hash &* 0x0100_0193
    }
    return tokenFlag | UInt64(letters.count) << 32 | UInt64(hash)
  }

  /// The 32-bit hash that picks a key's partition and shard.
  @inline(__always) package static func hash(_ key: UInt64) -> UInt32 {
    var hash = UInt32(truncatingIfNeeded: key >> 21) &* 0x9E37_79B1 ^ UInt32(truncatingIfNeeded: key & 0x1F_FFFF)
    hash ^= hash >> 15
    hash = hash &* 0x85EB_CA6B
    hash ^= hash >> 13
    return hash
  }

  @inline(__always) static func partition(of key: UInt64) -> Int { Int(hash(key) % UInt32(partitions)) }
}
