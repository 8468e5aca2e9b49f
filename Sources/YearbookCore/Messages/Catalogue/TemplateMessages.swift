/// Messages about the theme: `Templates/`, its Mustache files and static files.
extension Message {
  public static func noTemplatesFolder() -> Message {
    Message(
      en: "no Templates/ folder here; copy the default theme's Templates/ into the project",
      zh: "这里没有 Templates/ 文件夹：请把默认主题的 Templates/ 复制到网站项目中")
  }

  public static func templateNameTaken(_ name: String, other: String) -> Message {
    Message(
      en: "template name '\(name)' is also used by \(other); names must be unique",
      zh: "模板名“\(name)”也被 \(other) 使用：模板名不能重复")
  }

  public static func templateNotUTF8() -> Message {
    Message(en: "cannot read the template as UTF-8 text", zh: "模板不是 UTF-8 编码的文本，无法读取")
  }

  public static func templateSyntax(_ problem: Message) -> Message {
    Message(en: "template syntax: \(problem.english)", zh: "模板写法有误：\(problem.chinese)")
  }

  public static func builtInTemplateBroken(_ name: String, problem: Message) -> Message {
    Message(
      en:
        "no \(name).mustache, and the built-in one does not parse (\(problem.english)); copy one from a site made by yearbook init",
      zh: "没有 \(name).mustache，内置的也无法解析（\(problem.chinese)）：请从 yearbook init 新建的网站中复制一份")
  }

  public static func builtInTemplateUsed(_ name: String) -> Message {
    Message(
      en: "no \(name).mustache: the built-in one is used; copy it from a site made by yearbook init to restyle it",
      zh: "没有 \(name).mustache，已使用内置模板；如需修改样式，请从 yearbook init 新建的网站中复制一份")
  }

  public static func noFragmentStylesheet(_ path: String) -> Message {
    Message(
      en: "no static/\(path): CMS fragments link to it; copy it from a site made by yearbook init",
      zh: "没有 static/\(path)：供内容管理系统粘贴的片段要用它；请从 yearbook init 新建的网站中复制一份")
  }

  public static func missingPartial(_ name: String, folder: String) -> Message {
    Message(
      en:
        "template refers to a missing partial '\(name)' (no file \(folder)/\(name).mustache or \(folder)/partials/\(name).mustache)",
      zh: "模板引用的局部模板“\(name)”不存在（没有 \(folder)/\(name).mustache 或 \(folder)/partials/\(name).mustache）")
  }

  public static func missingPageTemplate(_ name: String) -> Message {
    Message(en: "missing page template \(name).mustache", zh: "缺少页面模板 \(name).mustache")
  }

  public static func templateImageWithoutAlt() -> Message {
    Message(en: "an image in the template has no alt text", zh: "模板中的图片没有 alt（替代文字）")
  }

  public static func templateEmptyLink() -> Message { Message(en: "empty link", zh: "链接地址是空的") }
  public static func templateScriptLink() -> Message { Message(en: "javascript: link", zh: "javascript: 链接") }

  public static func templateLinkUnknownID(_ url: String) -> Message {
    Message(
      en: "link \(url) names an id that no template of the page writes",
      zh: "链接 \(url) 指向的 id 在这个页面的模板中都不存在")
  }

  public static func templateLinkOutsideBase(_ url: String, base: String) -> Message {
    Message(
      en: "link \(url) is outside the site's base path \(base); write it with {{site.home_url}}",
      zh: "链接 \(url) 不在网站的基础路径 \(base) 之下：请用 {{site.home_url}} 开头来写")
  }

  public static func templateLinkWithoutTarget(_ url: String) -> Message {
    Message(en: "link \(url) has no target in the output", zh: "链接 \(url) 指向的页面或文件不存在")
  }

  public static func templateNameEmpty(_ name: String, known: [String]?) -> Message {
    Message(
      en: "{{\(name)}} names nothing the page gives this template, so it would render empty"
        + (known.map { "; here it can be one of: " + $0.joined(separator: ", ") } ?? ""),
      zh: "{{\(name)}} 不是页面提供给这个模板的字段，显示出来会是空的"
        + (known.map { "；这里可用的有：" + $0.joined(separator: "、") } ?? ""))
  }

  public static func templateCompile(_ problem: Message) -> Message {
    Message(en: "template: \(problem.english)", zh: "模板：\(problem.chinese)")
  }

  public static func articleWithoutMarkdown() -> Message {
    Message(en: "an article page needs its Markdown", zh: "文章页缺少它的 Markdown 正文")
  }

  public static func printPageMissingArticle(_ report: String) -> Message {
    Message(
      en: "the print page of \(report) has no text for this article",
      zh: "“\(report)”的打印页缺少这篇文章的正文")
  }

  public static func pageWithoutTemplate(_ page: String) -> Message {
    Message(en: "\(page) has no template", zh: "\(page) 没有对应的模板")
  }

  public static func oracleFailed(_ template: String) -> Message {
    Message(en: "swift-mustache could not render \(template).mustache", zh: "swift-mustache 无法渲染 \(template).mustache")
  }

  public static func noCompiledTemplate(_ template: String) -> Message {
    Message(en: "no compiled template \(template).mustache", zh: "没有编译好的模板 \(template).mustache")
  }

  // MARK: Mustache syntax (the problem inside `templateSyntax` and `templateCompile`)

  public static func tagNotClosed(_ closer: String) -> Message {
    Message(en: "this tag has no closing \(closer)", zh: "这个标签缺少结尾的 \(closer)")
  }

  public static func setDelimiterUnsupported() -> Message {
    Message(
      en:
        "a set-delimiter tag ({{=… …=}}) is not supported; keep the {{ }} delimiters (write a literal {{ as {{{open}}} from a field)",
      zh: "不支持更改分隔符的标签（{{=… …=}}）：请保留 {{ }} 分隔符（如需显示 {{ 本身，请由字段提供）")
  }

  public static func tagNamesNothing() -> Message { Message(en: "this tag names nothing", zh: "这个标签里没有名字") }

  public static func lambdaUnsupported(_ name: String) -> Message {
    Message(
      en: "“\(name)”: functions and lambdas are not supported; give the page a field with the value instead",
      zh: "“\(name)”：不支持函数和 lambda，请改由页面提供一个带值的字段")
  }

  public static func badTagName(_ name: String) -> Message {
    Message(en: "“\(name)” is not a name a tag can use", zh: "“\(name)”不能用作标签名")
  }

  public static func closesUnopened(_ name: String) -> Message {
    Message(
      en: "{{/\(name)}} closes a section that was never opened",
      zh: "{{/\(name)}} 结束了一个从未开始的区块")
  }

  public static func closesOther(_ name: String, open: String, openedAt: String) -> Message {
    Message(
      en: "{{/\(name)}} closes \(open) (opened at \(openedAt))",
      zh: "{{/\(name)}} 结束的是 \(open)（开始于 \(openedAt)）")
  }

  public static func neverClosed(_ open: String, name: String) -> Message {
    Message(en: "\(open) is never closed (add {{/\(name)}})", zh: "\(open) 没有结束（请加上 {{/\(name)}}）")
  }

  public static func noTemplateNamed(_ name: String) -> Message {
    Message(
      en: "no template named \(name) (Templates/\(name).mustache or Templates/partials/\(name).mustache)",
      zh: "没有名为 \(name) 的模板（Templates/\(name).mustache 或 Templates/partials/\(name).mustache）")
  }

  public static func groupNotText(_ name: String) -> Message {
    Message(
      en: "{{\(name)}} is a group of fields, not text; use {{#\(name)}}…{{/\(name)}}",
      zh: "{{\(name)}} 是一组字段，不是文字：请用 {{#\(name)}}…{{/\(name)}}")
  }

  public static func includesItself(_ name: String, chain: [String]) -> Message {
    Message(
      en: "\(name) includes itself (\(chain.joined(separator: " → ")))",
      zh: "\(name) 引用了自己（\(chain.joined(separator: " → "))）")
  }

  public static func dotOutsideTextSection() -> Message {
    Message(en: "{{.}} is only text inside a section over text", zh: "{{.}} 只能用在文字列表的区块中")
  }

  public static func noFieldHere(_ name: String, type: String?, fields: [String]) -> Message {
    Message(
      en: "no field named \(name) here" + (type.map { " (\($0) has \(fields.joined(separator: ", ")))" } ?? ""),
      zh: "这里没有名为 \(name) 的字段" + (type.map { "（\($0) 有：\(fields.joined(separator: "、"))）" } ?? ""))
  }

  public static func noFieldIn(_ name: String, part: String, first: String) -> Message {
    Message(en: "\(name): no field named \(part) in \(first)", zh: "\(name)：\(first) 中没有名为 \(part) 的字段")
  }
}
