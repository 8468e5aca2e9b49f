import Foundation
import Synchronization
import Testing

@testable import YearbookBuild
@testable import YearbookCore
@testable import YearbookModel
@testable import YearbookRender

/// The search index: the keys a text is cut into, the shard files as the script reads
/// them, and what a build publishes (the page, the index, one result file an article).
/// The script itself is tested in Chromium by scripts/search_gate.py.
@Suite struct SearchTests {
  static func pair(_ first: Character, _ second: Character) -> UInt64 {
    UInt64(first.unicodeScalars.first!.value) << 21 | UInt64(second.unicodeScalars.first!.value)
  }

  static func single(_ character: Character) -> UInt64 { UInt64(character.unicodeScalars.first!.value) << 21 }

  /// One key's entry in a document's keys, its bits spelt out.
  struct Occurrence {
    var count: Int
    var inTitle: Bool
    /// For a pair seen once or twice: its positions modulo 32.
    var residues: [UInt8]
  }

  static func occurrences(_ keys: SearchKeys.DocumentKeys) -> [UInt64: Occurrence] {
    Dictionary(
      uniqueKeysWithValues: zip(keys.keys, keys.details).map { key, detail in
        let count = Int(detail >> 16)
        let residues =
          SearchKeys.isPair(key) && count <= 2
          ? Array([UInt8(detail & 31), UInt8(detail >> 5 & 31)].prefix(count)) : []
        return (key, Occurrence(count: count, inTitle: detail >> 15 & 1 == 1, residues: residues))
      })
  }

  @Test func chineseTextBecomesCharactersAndOverlappingPairs() {
    let found = Self.occurrences(SearchKeys.keys(title: "", text: "科技创新，创新"))
    #expect(found.count == 4 + 3)
    #expect(found[Self.pair("科", "技")]?.count == 1)
    #expect(found[Self.pair("技", "创")]?.count == 1)
    #expect(found[Self.pair("创", "新")]?.count == 2)
    #expect(found[Self.single("新")]?.count == 2)
    // No pair across the comma.
    #expect(found[Self.pair("新", "创")] == nil)
    // Positions: the text starts after the (empty) title and one gap, at 1; 创新 at 3 and 6.
    #expect(found[Self.pair("创", "新")]?.residues == [3, 6])
    #expect(found[Self.pair("科", "技")]?.residues == [1])
    // A character's count is kept, not its positions.
    #expect(found[Self.single("科")]?.residues == [])
  }

  @Test func lettersAndNumbersAreWholeTokensInAnyWidthOrCase() {
    let text = SearchKeys.keys(title: "", text: "AI检测，投资5993.92万元，2024。v2.a")
    let tokens = Set(text.keys.filter { $0 & SearchKeys.tokenFlag != 0 })
    let expected = ["ai", "5993.92", "2024", "v2", "a"].map { SearchKeys.tokenKey(Array($0.utf8)) }
    #expect(tokens == Set(expected))
    let fullWidth = SearchKeys.keys(title: "", text: "ＡＩ").keys
    #expect(fullWidth == [SearchKeys.tokenKey(Array("ai".utf8))])
    let long = String(repeating: "x", count: 40)
    #expect(SearchKeys.keys(title: "", text: long).keys == [SearchKeys.tokenKey(Array(long.prefix(32).utf8))])
  }

  @Test func titleHitsAreFlaggedAndKeysSortedByPartition() {
    let keys = SearchKeys.keys(title: "白茶", text: "茶园")
    let found = Self.occurrences(keys)
    #expect(found[Self.pair("白", "茶")]?.inTitle == true)
    #expect(found[Self.single("茶")]?.inTitle == true)
    #expect(found[Self.single("茶")]?.count == 2)
    #expect(found[Self.pair("茶", "园")]?.inTitle == false)
    #expect(keys.partitionStarts.count == SearchKeys.partitions + 1)
    #expect(keys.partitionStarts.last == keys.keys.count)
    for partition in 0..<SearchKeys.partitions {
      for position in keys.partitionStarts[partition]..<keys.partitionStarts[partition + 1] {
        #expect(SearchKeys.partition(of: keys.keys[position]) == partition)
      }
    }
  }

  /// The shard format as yearbook-search.js reads it.
  static func decode(_ bytes: [UInt8]) -> [UInt64: [(document: Int, count: Int, inTitle: Bool, residues: [UInt8])]] {
    var at = 0
    func varint() -> Int {
      var value = 0
      var shift = 0
      while true {
        let byte = bytes[at]
        at += 1
        value |= Int(byte & 0x7F) << shift
        shift += 7
        if byte & 0x80 == 0 { return value }
      }
    }
    var lists: [UInt64: [(Int, Int, Bool, [UInt8])]] = [:]
    while at < bytes.count {
      var key: UInt64 = 0
      for index in 0..<6 { key |= UInt64(bytes[at + index]) << UInt64(8 * index) }
      at += 6
      let header = varint()
      let length = varint()
      let end = at + length
      var document = -1
      var list: [(Int, Int, Bool, [UInt8])] = []
      for _ in 0..<(header >> 1) {
        let posting = varint()
        document += posting >> 3
        let count = posting & 3
        var residues: [UInt8] = []
        if SearchKeys.isPair(key) && header & 1 == 1 && count <= 2 {
          for _ in 0..<count {
            residues.append(bytes[at])
            at += 1
          }
        }
        list.append((document, count, posting >> 2 & 1 == 1, residues))
      }
      #expect(at == end)
      lists[key] = list
    }
    return lists
  }

  @Test func shardsHoldEveryKeyOnceWithDocumentsInOrder() {
    let index = SearchIndex()
    index.add([
      SearchKeys.keys(title: "白茶基地", text: "茶叶"),
      SearchKeys.keys(title: "", text: "科技创新"),
    ])
    index.add([SearchKeys.keys(title: "", text: "茶茶茶，白茶")])
    #expect(index.documentCount == 3)
    let shards = Mutex<[Int: [UInt8]]>([:])
    let count = index.drainShards { number, bytes in shards.withLock { $0[number] = bytes } }
    let files = shards.withLock { $0 }.sorted { $0.key < $1.key }.map(\.value)
    #expect(count == SearchKeys.partitions)
    #expect(files.count == count)
    var everything: [UInt64: [(document: Int, count: Int, inTitle: Bool, residues: [UInt8])]] = [:]
    for (number, file) in files.enumerated() {
      for (key, list) in Self.decode(file) {
        #expect(Int(SearchKeys.hash(key)) % count == number, "key in the wrong shard")
        #expect(everything[key] == nil)
        everything[key] = list
      }
    }
    let tea = everything[Self.single("茶")] ?? []
    #expect(tea.map(\.document) == [0, 2])
    // Counts stop at three.
    #expect(tea.map(\.count) == [2, 3])
    #expect(tea.map(\.inTitle) == [true, false])
    let whiteTea = everything[Self.pair("白", "茶")] ?? []
    #expect(whiteTea.map(\.document) == [0, 2])
    // 白茶 at 0 in the first title; at 5 in the third text (its title is empty, so the text starts at 1).
    #expect(whiteTea.map(\.residues) == [[0], [5]])
    #expect(everything[Self.pair("科", "技")]?.map(\.document) == [1])
  }

  @Test func aPairInMostArticlesOfALargeSiteKeepsNoPositions() {
    let index = SearchIndex()
    index.add([SearchKeys.keys(title: "", text: "科技，茶园")])
    index.add(Array(repeating: SearchKeys.keys(title: "", text: "科技"), count: SearchIndex.commonFloor))
    let shards = Mutex<[UInt8]>([])
    index.drainShards { _, bytes in shards.withLock { $0 += bytes } }
    let lists = Self.decode(shards.withLock { $0 })
    #expect(lists[Self.pair("科", "技")]?.count == SearchIndex.commonFloor + 1)
    #expect(lists[Self.pair("科", "技")]?.allSatisfy { $0.residues.isEmpty && $0.count == 1 } == true)
    #expect(lists[Self.pair("茶", "园")]?.map(\.residues) == [[4]])
  }

  @Test func aBuildPublishesThePageTheIndexAndAResultFileAnArticle() async throws {
    var files = FixtureSite.minimal
    files["Content/site.yml"]! += "\nbase_url: /kjj/\nsearch:\n  portal_url: https://www.example.gov.cn/s/\n"
    let site = try FixtureSite(files)
    defer { site.remove() }
    let summary = try await site.build()
    #expect(summary.diagnostics.isEmpty, "\(summary.diagnostics)")
    let output = site.output
    let manifest =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: output.appendingPathComponent("search/index/manifest.json"))) as? [String: Int]
    #expect(manifest == ["version": 1, "shards": 16, "documents": 2])
    for number in 0..<16 {
      #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("search/index/\(number).bin").path))
    }
    // Site order: the report's articles by weight; the link follows base_url.
    let first =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: output.appendingPathComponent("search/docs/0.json"))) as? [String: String]
    #expect(first?["title"] == "平台建设")
    #expect(first?["url"] == "/kjj/2024/platforms/")
    #expect(first?["report"] == "2024年度报告")
    #expect(first?["date"] == "2025-01-21")
    #expect(first?["text"] == "平台建设取得进展，新建实验室两家。\n主要成效\n详见人才工作。\n")
    let page = try String(contentsOf: output.appendingPathComponent("search/index.html"), encoding: .utf8)
    #expect(page.contains(#"data-index="/kjj/search/index/""#))
    #expect(page.contains(#"<script src="/kjj/js/yearbook-search.js" defer></script>"#))
    #expect(page.contains(#"<a href="https://www.example.gov.cn/s/">门户网站的搜索</a>"#))
    let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(home.contains(#"<a href="/kjj/search/">搜索</a>"#))
  }

  @Test func searchFalseLeavesOutThePageTheIndexAndTheLink() async throws {
    var files = FixtureSite.minimal
    files["Content/site.yml"]! += "\nsearch: false\n"
    let site = try FixtureSite(files)
    defer { site.remove() }
    let summary = try await site.build()
    #expect(summary.diagnostics.isEmpty, "\(summary.diagnostics)")
    #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("search").path))
    let home = try String(contentsOf: site.output.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(!home.contains("搜索"))
  }

  @Test func aPortalSearchAddressMustBeAWebAddress() async throws {
    var files = FixtureSite.minimal
    files["Content/site.yml"]! += "\nsearch:\n  portal_url: www.example.gov.cn/s/\n  engine: baidu\n"
    let site = try FixtureSite(files)
    defer { site.remove() }
    let errors = await site.failingBuild()
    #expect(
      errors.map { "\($0.location): \($0.severity) \($0.message.english)" } == [
        "Content/site.yml:12:15: error portal_url must be the portal search's full address, starting https://; got \"www.example.gov.cn/s/\"",
        "Content/site.yml:13:3: warning unknown key 'engine' in search is ignored (known keys: portal_url)",
      ])
  }
}

/// The text of a search result file is a JSON string of at most so many characters, with
/// `<` and control characters made inert, whatever bytes fall where.
@Suite struct SearchDocumentTextTests {
  @Test func textIsValidJSONCutAtTheLimitWithEveryCharacterKept() throws {
    let pieces = ["科", "技", "，", "a", "7", ".", "\"", "\\", "<", "\n", "\t", "😀", "é", " ", "创新"]
    var generator = SplitMix(state: 20_261_205)
    for round in 0..<400 {
      let length = Int.random(in: 0...60, using: &generator)
      let text = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
      let limit = round % 3 == 0 ? Int.max : Int.random(in: 0...70, using: &generator)
      var json: [UInt8] = []
      SearchDocument.append(text, to: &json, characters: limit)
      let decoded = try #require(
        try JSONSerialization.jsonObject(with: Data(json), options: .fragmentsAllowed) as? String, "\(text)")
      let expected = String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit)))
        .replacingOccurrences(of: "\t", with: " ")
      #expect(decoded == expected, "round \(round): \(text)")
      #expect(!json.contains(0x3C), "no raw < in \(text)")
    }
  }
}
