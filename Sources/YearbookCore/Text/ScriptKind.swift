/// Which script a character belongs to, as far as line breaks and text width care: Chinese
/// (and the other CJK scripts and full-width forms), punctuation both scripts share, or
/// anything else.
package enum ScriptKind: Sendable {
  case cjk, eitherWay, other

  package static func of(_ scalar: Unicode.Scalar) -> ScriptKind {
    switch scalar.value {
    case 0x2E80...0x2FDF,  // CJK radicals
      0x3000...0x303F,  // CJK symbols and punctuation: 。、「」
      0x3040...0x30FF,  // kana
      0x3100...0x312F, 0x31A0...0x31BF,  // bopomofo
      0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,  // Han
      0xFF00...0xFFEF,  // full-width forms: ，！？（）
      0x20000...0x3134F:  // Han extensions
      .cjk
    case 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x00B7:
      // — ‘ ’ “ ” … · serve both scripts: they follow the character on the other side.
      .eitherWay
    default:
      .other
    }
  }
}
