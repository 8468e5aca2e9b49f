/// What Yearbook knows about the units Chinese statistics are written in: how `万元` relates
/// to `元`, which units are shares (changes said in 个百分点), and how many decimals each
/// usually shows.
public struct Unit: Sendable, Hashable {
  /// As written: `亿元`, `%`, `家`, `件/万人`, or empty.
  public let symbol: String
  /// The unit without a 万/亿 prefix: `元` for `亿元`.
  public let base: String
  /// How many base units one of these is: 1e8 for `亿元`.
  public let multiplier: Double

  package static let prefixes: [(String, Double)] = [
    ("万亿", 1e12), ("亿", 1e8), ("千万", 1e7), ("百万", 1e6), ("万", 1e4), ("千", 1e3),
  ]

  /// Units that begin like a prefix but are not one: `千瓦` is not a thousand 瓦 to a reader.
  package static let whole: Set<String> = ["千瓦", "千瓦时", "千克", "千米", "千卡"]

  public init(_ symbol: String) {
    self.symbol = symbol
    // `万人` is ten thousand people, but `件/万人` is a rate whose unit is itself.
    if !symbol.contains("/") && !Unit.whole.contains(symbol) {
      for (prefix, multiplier) in Unit.prefixes where symbol.hasPrefix(prefix) {
        self.base = String(symbol.dropFirst(prefix.count))
        self.multiplier = multiplier
        return
      }
    }
    self.base = symbol
    self.multiplier = 1
  }

  /// Shares and rates change by percentage points, not by percent.
  public var isShare: Bool { symbol == "%" || symbol == "‰" }

  public var isMoney: Bool { base == "元" }

  /// A place in a ranking: read as 第N位.
  public var isRank: Bool { symbol == "位" }

  /// Amounts and counts grow into 万 and 亿; shares, rates and ranks never do.
  public var scales: Bool { !isShare && !isRank && !symbol.contains("/") }

  /// Counts of things (家, 人, 项) are whole numbers.
  public var isCount: Bool {
    multiplier == 1 && ["家", "人", "项", "个", "件", "次", "人次", "名", "场", "所", "座", "台", "篇", "批"].contains(base)
  }

  /// Whether a value in `other` can be converted to this unit.
  public func isCompatible(with other: Unit) -> Bool {
    base == other.base
  }

  /// Units that Yearbook recognises after a number in a cell: `3500万元`, `12家`, `65.1%`.
  package static let knownSuffixes: [String] = {
    let bases = [
      "元", "美元", "人", "家", "项", "个", "件", "次", "人次", "名", "场", "所", "座", "台", "篇", "批", "吨", "千瓦", "平方米",
      "亩", "公里", "户", "套", "件/万人", "位", "千瓦时", "千克",
    ]
    var all = bases + ["%", "‰", "万", "亿", "万亿"]
    for (prefix, _) in prefixes {
      for base in bases where base != "位" && !base.contains("/") { all.append(prefix + base) }
    }
    return all.sorted { $0.count > $1.count }
  }()
}
