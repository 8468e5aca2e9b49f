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
    "date": ["published", "publish_date", "pubdate", "time", "日期", "时间", "发布日期", "发布时间", "成文日期"],
    "tags": ["tag", "keywords", "categories", "标签", "关键词", "关键字", "主题词", "分类"],
    "byline": ["author", "authors", "editor", "作者", "撰稿", "撰稿人", "编辑", "责任编辑", "供稿"],
    "summary": ["description", "abstract", "excerpt", "摘要", "简介", "导语", "内容提要"],
    "source": ["from", "origin", "来源", "出处", "信息来源", "稿源"],
    "title": ["name", "标题", "题目", "名称"],
    "draft": ["草稿", "draught", "unpublished"],
    "weight": ["order", "sort", "权重", "排序", "顺序", "序号"],
    "slug": ["别名", "网址", "链接名"],
    "period": ["期间", "年度", "时期"],
    "key_figures": ["关键指标", "主要指标"],
    "label": ["名称", "指标", "指标名称"],
    "value": ["数值", "值", "数字"],
    "unit": ["单位", "计量单位"],
    "note": ["备注", "说明", "注"],
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

  /// Edit distance over characters, a swap of two neighbours counting as one edit
  /// (`darft` is one edit from `draft`): optimal string alignment.
  package static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var beforePrevious = Array(repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], beforePrevious[j - 2] + 1)
        }
      }
      (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count]
  }
}
