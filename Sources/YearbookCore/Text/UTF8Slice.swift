extension String {
  /// The text between two UTF-8 offsets that fall between characters (at ASCII markup or a
  /// line break), as a slice: copying it on needs no second UTF-8 check, as making a string
  /// from the bytes would. O(1) on a native string (see `makeContiguousUTF8`).
  package func utf8Slice(_ offsets: Range<Int>) -> Substring {
    let start = utf8.index(utf8.startIndex, offsetBy: offsets.lowerBound)
    return Substring(utf8[start..<utf8.index(start, offsetBy: offsets.count)])
  }
}
