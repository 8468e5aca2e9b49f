import YearbookCore

/// The search index, filled a batch of articles at a time and then cut into shard files
/// (`search/index/<n>.bin`): a query loads only the shards of its own keys.
///
/// A shard is a run of key blocks in key order, every number little-endian or a LEB128
/// varint:
///
///     key (6 bytes) · documents << 1 | positions kept (varint) · bytes that follow (varint)
///     then per document: (id − previous id) << 3 | in title << 2 | count (varint; the
///                          first id counted from −1; count 3 means three or more)
///                        for a pair seen once or twice, when positions are kept: its
///                          positions modulo 32 (a byte each)
///
/// Documents are numbered in site order (reports as listed, articles in report order). A
/// key in more than a quarter of a large site's articles (科技 on a science bureau's site)
/// keeps no positions: on every query with it they would be most of the bytes loaded, and
/// a phrase of such words is in nearly every article anyway.
package final class SearchIndex: @unchecked Sendable {
  /// One partition's lists; only one thread touches a partition at a time.
  private final class Partition: @unchecked Sendable {
    var table = PostingTable()
    deinit { table.deallocate() }
  }

  private let partitions = (0..<SearchKeys.partitions).map { _ in Partition() }
  package private(set) var documentCount = 0

  package init() {}

  /// Adds documents numbered from `documentCount` on, in order, one partition a core.
  package func add(_ documents: [SearchKeys.DocumentKeys]) {
    let first = documentCount
    _ = Parallel.map(Array(partitions.indices)) { [partitions] number in
      // The table is taken out of its partition for the batch: appended to through the
      // class, each posting would pay an exclusivity check and a uniqueness check more.
      let partition = partitions[number]
      var table = partition.table
      partition.table = PostingTable()
      for (offset, document) in documents.enumerated() {
        for position in document.partitionStarts[number]..<document.partitionStarts[number + 1] {
          table.append(key: document.keys[position], document: first + offset, occurrence: document.details[position])
        }
      }
      partition.table = table
      return 0
    }
    documentCount += documents.count
  }

  /// Below this many articles no key is common enough to lose its positions.
  package static let commonFloor = 1000

  /// Bytes a shard aims at: small enough that a four-character query stays far under its
  /// 150 KB budget on a site of 10,000 articles.
  package static let shardTarget = 16 * 1024

  /// As many shards as keep each near `shardTarget`: a power of two from 16 to 4,096.
  package var shardCount: Int {
    let total = partitions.reduce(0) { $0 + $1.table.bytes }
    var count = SearchKeys.partitions
    while count < 4096 && total / count > Self.shardTarget { count *= 2 }
    return count
  }

  /// Cuts the index into `count` shards (by default `shardCount`; the preview keeps the
  /// count its last whole build wrote) and hands each to `deliver`, from several threads.
  /// The index empties as it goes, so its lists and the files are never all in memory.
  /// Shard n holds the keys whose hash is n modulo the count: partition n % 16, slot n / 16.
  @discardableResult
  package func drainShards(count given: Int? = nil, _ deliver: @Sendable (Int, [UInt8]) -> Void) -> Int {
    let count = given ?? shardCount
    let perPartition = count / SearchKeys.partitions
    let commonDocuments = max(Self.commonFloor, documentCount / 4)
    _ = Parallel.map(Array(partitions.indices)) { [partitions] number in
      let table = partitions[number].table
      partitions[number].table = PostingTable()
      defer { table.deallocate() }
      var bySlot = Array(repeating: [Int](), count: perPartition)
      for list in table.keys.indices {
        bySlot[Int(SearchKeys.hash(table.keys[list]) % UInt32(count)) / SearchKeys.partitions].append(list)
      }
      for (slot, members) in bySlot.enumerated() {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(members.reduce(0) { $0 + table.list($1).bytes.count + 12 })
        for list in members.sorted(by: { table.keys[$0] < table.keys[$1] }) {
          let key = table.keys[list]
          let postings = table.list(list)
          let common = SearchKeys.isPair(key) && Int(postings.documents) > commonDocuments
          for shift in stride(from: 0, to: 48, by: 8) { bytes.append(UInt8(truncatingIfNeeded: key >> UInt64(shift))) }
          Self.appendVarint(UInt64(postings.documents) << 1 | (common ? 0 : 1), to: &bytes)
          if common {
            let kept = postings.withoutPositions()
            Self.appendVarint(UInt64(kept.count), to: &bytes)
            bytes += kept
          } else {
            Self.appendVarint(UInt64(postings.bytes.count), to: &bytes)
            bytes.append(contentsOf: postings.bytes)
          }
        }
        deliver(slot * SearchKeys.partitions + number, bytes)
      }
      return 0
    }
    return count
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
