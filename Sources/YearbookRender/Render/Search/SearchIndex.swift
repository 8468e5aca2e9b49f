import YearbookCore

/// The search index, filled a batch of articles at a time and then cut into shard files
/// (`search/index/<n>.bin`): a query loads only the shards of its own keys.
///
/// A shard is a run of key blocks in key order, every number little-endian or a LEB128
/// varint:
///
///     key (6 bytes) · documents (varint) · bytes that follow (varint)
///     then per document: id − previous id (varint, the first counted from −1)
///                        count << 1 | in title (varint)
///                        for a pair seen once or twice: its positions modulo 32 (a byte each)
///
/// Documents are numbered in site order (reports as listed, articles in report order).
package final class SearchIndex: @unchecked Sendable {
  /// One partition's lists; only one thread touches a partition at a time.
  private final class Partition: @unchecked Sendable {
    var lists: [UInt64: PostingList] = [:]
  }

  private struct PostingList {
    var lastDocument = -1
    var documents = 0
    var bytes: [UInt8] = []

    mutating func append(document: Int, occurrence detail: UInt32, isPair: Bool) {
      SearchIndex.appendVarint(UInt64(document - lastDocument), to: &bytes)
      let count = detail >> 16
      SearchIndex.appendVarint(UInt64(count << 1 | (detail >> 15 & 1)), to: &bytes)
      if isPair && count <= 2 {
        bytes.append(UInt8(detail & 31))
        if count == 2 { bytes.append(UInt8(detail >> 5 & 31)) }
      }
      lastDocument = document
      documents += 1
    }
  }

  private let partitions = (0..<SearchKeys.partitions).map { _ in Partition() }
  package private(set) var documentCount = 0

  package init() {}

  /// Adds documents numbered from `documentCount` on, in order, one partition a core.
  package func add(_ documents: [SearchKeys.DocumentKeys]) {
    let first = documentCount
    let indices = Array(partitions.indices)
    _ = Parallel.map(indices) { [partitions] number in
      let partition = partitions[number]
      for (offset, document) in documents.enumerated() {
        let start = document.partitionStarts[number]
        let end = document.partitionStarts[number + 1]
        for position in start..<end {
          let key = document.keys[position]
          partition.lists[key, default: PostingList()].append(
            document: first + offset, occurrence: document.details[position], isPair: SearchKeys.isPair(key))
        }
      }
      return 0
    }
    documentCount += documents.count
  }

  /// Bytes a shard aims at: small enough that a four-character query stays far under its
  /// 150 KB budget on a site of 10,000 articles.
  package static let shardTarget = 16 * 1024

  /// The shard files: as many as keep each near `shardTarget` (a power of two from 16 to
  /// 4,096), with the count the script reads from the manifest; or `count` of them (the
  /// preview keeps the count its last whole build wrote).
  package func shards(count given: Int? = nil) -> (count: Int, files: [[UInt8]]) {
    var count = SearchKeys.partitions
    if let given {
      count = given
    } else {
      let total = partitions.reduce(0) { sum, partition in
        partition.lists.values.reduce(sum) { $0 + $1.bytes.count + 10 }
      }
      while count < 4096 && total / count > Self.shardTarget { count *= 2 }
    }
    let perPartition = count / SearchKeys.partitions
    let files = Parallel.map(Array(partitions.indices)) { [partitions, count] number -> [[UInt8]] in
      var bySlot = Array(repeating: [(key: UInt64, list: PostingList)](), count: perPartition)
      for (key, list) in partitions[number].lists {
        bySlot[Int(SearchKeys.hash(key) % UInt32(count)) / SearchKeys.partitions].append((key, list))
      }
      return bySlot.map { entries in
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.reduce(0) { $0 + $1.list.bytes.count + 12 })
        for (key, list) in entries.sorted(by: { $0.key < $1.key }) {
          for shift in stride(from: 0, to: 48, by: 8) { bytes.append(UInt8(truncatingIfNeeded: key >> UInt64(shift))) }
          Self.appendVarint(UInt64(list.documents), to: &bytes)
          Self.appendVarint(UInt64(list.bytes.count), to: &bytes)
          bytes += list.bytes
        }
        return bytes
      }
    }
    // Shard n holds the keys whose hash is n modulo the count: partition n % 16, slot n / 16.
    var ordered = Array(repeating: [UInt8](), count: count)
    for (partition, slots) in files.enumerated() {
      for (slot, bytes) in slots.enumerated() { ordered[slot * SearchKeys.partitions + partition] = bytes }
    }
    return (count, ordered)
  }

  static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
    var value = value
    while value >= 0x80 {
      bytes.append(UInt8(value & 0x7F) | 0x80)
      value >>= 7
    }
    bytes.append(UInt8(value))
  }
}
