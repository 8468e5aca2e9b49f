/// One document's keys counted as they are met: an open-addressing table over memory of
/// its own, since a sort or a `Dictionary` of a few thousand keys per article was a tenth
/// of a large build, and array writes paid a uniqueness check each (a class's properties,
/// an exclusivity check). Its owner calls `deallocate()` when done.
struct KeyTally {
  private static let empty = UInt64.max
  private var keys: UnsafeMutableBufferPointer<UInt64>
  /// As `SearchKeys.DocumentKeys.details`: count, title flag, first two residues.
  private var details: UnsafeMutableBufferPointer<UInt32>
  private var shift: UInt64
  /// The slots in use, in the order their keys were first met.
  private var used: [Int32] = []
  var count: Int { used.count }

  /// Room for `expected` keys without growing.
  init(expected: Int) {
    var capacity = 64
    while capacity < expected + expected / 2 { capacity *= 2 }
    keys = .allocate(capacity: capacity)
    keys.initialize(repeating: Self.empty)
    details = .allocate(capacity: capacity)
    details.initialize(repeating: 0)
    shift = UInt64(64 - capacity.trailingZeroBitCount)
    used.reserveCapacity(expected)
  }

  func deallocate() {
    keys.deallocate()
    details.deallocate()
  }

  /// Fibonacci hashing: one multiply, the top bits; cheaper than `SearchKeys.hash` for the
  /// few thousand lookups an article makes.
  @inline(__always) private func slot(of key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  /// Counts one occurrence of `key` at `position` (only its value modulo 32 is kept).
  /// Inlined: it runs twice for each Chinese character of every article.
  @inline(__always) mutating func add(_ key: UInt64, at position: UInt64, inTitle: Bool) {
    if used.count * 4 >= keys.count * 3 { grow() }
    let title: UInt32 = inTitle ? 1 << 15 : 0
    let residue = UInt32(position & 31)
    let mask = keys.count - 1
    var slot = slot(of: key)
    while true {
      let found = keys[slot]
      if found == key {
        let detail = details[slot]
        let times = detail >> 16
        details[slot] = (times < 0xFFFF ? detail + (1 << 16) : detail) | title | (times == 1 ? residue << 5 : 0)
        return
      }
      if found == Self.empty {
        keys[slot] = key
        details[slot] = 1 << 16 | title | residue
        used.append(Int32(slot))
        return
      }
      slot = (slot + 1) & mask
    }
  }

  @inline(never) private mutating func grow() {
    let oldKeys = keys
    let oldDetails = details
    let oldUsed = used
    keys = .allocate(capacity: oldKeys.count * 2)
    keys.initialize(repeating: Self.empty)
    details = .allocate(capacity: oldKeys.count * 2)
    details.initialize(repeating: 0)
    shift -= 1
    used.removeAll(keepingCapacity: true)
    let mask = keys.count - 1
    for old in oldUsed {
      var slot = slot(of: oldKeys[Int(old)])
      while keys[slot] != Self.empty { slot = (slot + 1) & mask }
      keys[slot] = oldKeys[Int(old)]
      details[slot] = oldDetails[Int(old)]
      used.append(Int32(slot))
    }
    oldKeys.deallocate()
    oldDetails.deallocate()
  }

  /// The keys grouped by partition (in the order they were met within one).
  func documentKeys() -> SearchKeys.DocumentKeys {
    var partitions: [UInt8] = []
    partitions.reserveCapacity(count)
    var starts = Array(repeating: 0, count: SearchKeys.partitions + 1)
    for slot in used {
      let partition = SearchKeys.partition(of: keys[Int(slot)])
      partitions.append(UInt8(partition))
      starts[partition + 1] += 1
    }
    for partition in 0..<SearchKeys.partitions { starts[partition + 1] += starts[partition] }
    var result = SearchKeys.DocumentKeys()
    result.partitionStarts = starts
    // Filled through buffers: an array written at scattered places checked its uniqueness
    // at every write.
    var next = starts
    var orderedDetails: [UInt32] = []
    result.keys = [UInt64](unsafeUninitializedCapacity: count) { orderedKeys, initialized in
      orderedDetails = [UInt32](unsafeUninitializedCapacity: count) { details, detailsInitialized in
        for (found, slot) in used.enumerated() {
          let partition = Int(partitions[found])
          orderedKeys[next[partition]] = keys[Int(slot)]
          details[next[partition]] = self.details[Int(slot)]
          next[partition] += 1
        }
        detailsInitialized = count
      }
      initialized = count
    }
    result.details = orderedDetails
    return result
  }
}
