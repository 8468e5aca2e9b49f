import Foundation

/// One key's documents, encoded as they arrive (see `SearchIndex`), in memory of its own
/// grown by doubling: a 10,000-article site appends some fifteen million postings, and an
/// array inside an array paid two uniqueness checks for each. Freed by `PostingTable`.
struct PostingList {
  var lastDocument: Int32 = -1
  var documents: Int32 = 0
  private var count = 0
  private var capacity = 0
  private var storage: UnsafeMutablePointer<UInt8>?

  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: storage, count: count) }

  mutating func append(document: Int, occurrence detail: UInt32, isPair: Bool) {
    // A varint of a 64-bit number is at most 10 bytes, then two positions.
    if count + 12 > capacity {
      capacity = max(16, capacity * 2)
      storage = realloc(storage, capacity)!.assumingMemoryBound(to: UInt8.self)
    }
    let times = min(detail >> 16, 3)
    var value = UInt64(Int32(document) - lastDocument) << 3 | UInt64(detail >> 15 & 1) << 2 | UInt64(times)
    while value >= 0x80 {
      storage![count] = UInt8(value & 0x7F) | 0x80
      count += 1
      value >>= 7
    }
    storage![count] = UInt8(value)
    count += 1
    if isPair && times <= 2 {
      storage![count] = UInt8(detail & 31)
      count += 1
      if times == 2 {
        storage![count] = UInt8(detail >> 5 & 31)
        count += 1
      }
    }
    lastDocument = Int32(document)
    documents += 1
  }

  /// The pair's list without its positions (see `SearchIndex`).
  func withoutPositions() -> [UInt8] {
    var kept: [UInt8] = []
    kept.reserveCapacity(count / 2)
    var index = 0
    let bytes = self.bytes
    while index < bytes.count {
      var value: UInt64 = 0
      var shift: UInt64 = 0
      while true {
        let byte = bytes[index]
        kept.append(byte)
        index += 1
        value |= UInt64(byte & 0x7F) << shift
        shift += 7
        if byte & 0x80 == 0 { break }
      }
      let count = Int(value & 3)
      if count <= 2 { index += count }
    }
    return kept
  }

  func deallocate() { free(storage) }
}

/// A partition's posting lists by key: open addressing on `SearchKeys.hash`, which a
/// `Dictionary` (hashing every key with SipHash) made several times slower. The lists are
/// in memory of the table's own; its owner calls `deallocate()`.
struct PostingTable {
  private(set) var keys: [UInt64] = []
  private var lists: UnsafeMutablePointer<PostingList>?
  private var listCapacity = 0
  /// Each slot's key beside its list's number (-1 for an empty slot), so that a probe reads
  /// one place rather than the slot and then the key list. Made at the first posting.
  private var slots: [Slot] = []

  private struct Slot {
    var key: UInt64
    var list: Int32
  }

  func list(_ index: Int) -> PostingList { lists![index] }

  /// The encoded size of every list, with its key block's header.
  var bytes: Int { keys.indices.reduce(0) { $0 + lists![$1].bytes.count + 10 } }

  mutating func append(key: UInt64, document: Int, occurrence detail: UInt32) {
    if keys.count * 2 >= slots.count { grow() }
    let mask = slots.count - 1
    // The partition's keys share their low hash bits: the slot comes from the high ones.
    var slot = Int(SearchKeys.hash(key) >> 4) & mask
    while true {
      let found = slots[slot]
      if found.list < 0 {
        if keys.count == listCapacity {
          listCapacity = max(1024, listCapacity * 2)
          lists = realloc(lists, listCapacity * MemoryLayout<PostingList>.stride)!.assumingMemoryBound(
            to: PostingList.self)
        }
        (lists! + keys.count).initialize(to: PostingList())
        slots[slot] = Slot(key: key, list: Int32(keys.count))
        keys.append(key)
        lists![keys.count - 1].append(document: document, occurrence: detail, isPair: SearchKeys.isPair(key))
        return
      }
      if found.key == key {
        lists![Int(found.list)].append(document: document, occurrence: detail, isPair: SearchKeys.isPair(key))
        return
      }
      slot = (slot + 1) & mask
    }
  }

  private mutating func grow() {
    slots = Array(repeating: Slot(key: 0, list: -1), count: max(1024, slots.count * 2))
    let mask = slots.count - 1
    for (list, key) in keys.enumerated() {
      var slot = Int(SearchKeys.hash(key) >> 4) & mask
      while slots[slot].list >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Slot(key: key, list: Int32(list))
    }
  }

  func deallocate() {
    for index in keys.indices { lists![index].deallocate() }
    free(lists)
  }
}
