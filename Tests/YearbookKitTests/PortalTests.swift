import Foundation
import Testing

@testable import YearbookBuild
@testable import YearbookCharts
@testable import YearbookCore
@testable import YearbookIndex
@testable import YearbookKit
@testable import YearbookLoad
@testable import YearbookMarkdown
@testable import YearbookModel
@testable import YearbookPortal
@testable import YearbookPreview
@testable import YearbookRender

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The files made for the government portal: embed pages for iframes, CMS fragments with
/// prefixed classes and ids, chart files that stand alone, and one print page per report.
@Suite struct PortalTests {
  /// The minimal site with two charts in one article, one named by `id:`, and links
  /// between its articles and to a heading.
  static var files: [String: String] {
    var files = FixtureSite.minimal
    files["Content/data/d.csv"] = "year,value\n2023,10\n2024,12\n"
    files["Content/data/d.meta.yml"] = "title: 测试数据\ncolumns:\n  - {name: value, label: 数值}\n"
    files["Content/2024/platforms.md"] = """
      ---
      title: 平台建设
      date: 2025-01-21
      tags: [科创平台]
      weight: 1
      ---
      平台建设取得进展。

      ## 主要成效

      ```chart
      type: column
      data: d
      y: [value]
      title: 平台数量
      ```

      ```chart
      type: line
      id: platform-trend
      data: d
      y: [value]
      title: 平台数量走势
      ```

      详见[人才工作](talent.md)和[本节](#主要成效)。
      """
    files["Content/2024/talent.md"] = """
      ---
      title: 人才工作
      date: 2025-01-22
      weight: 2
      ---
      引进人才100人。

      ## 主要成效

      见[平台建设的成效](platforms.md#主要成效)。
      """
    return files
  }

  static func build() async throws -> (FixtureSite, [String: Data]) {
    let site = try FixtureSite(files)
    _ = try await site.build()
    return (site, try site.snapshot())
  }

  static func text(_ files: [String: Data], _ path: String) throws -> String {
    String(decoding: try #require(files[path], "\(path) is missing"), as: UTF8.self)
  }

  @Test func everyArticleReportAndChartHasItsPortalFiles() async throws {
    let (site, files) = try await Self.build()
    defer { site.remove() }
    let trend = "yb-chart-platform-trend"
    let derived = ChartRenderer.id(contentPath: "2024/platforms.md", index: 1)
    for path in [
      "embed/2024/index.html", "embed/2024/platforms/index.html", "embed/2024/talent/index.html",
      "fragments/2024/platforms.html", "fragments/2024/platforms.inline.html", "fragments/2024/talent.html",
      "fragments/2024/talent.inline.html", "fragments/yearbook-fragment.css", "2024/print/index.html",
      "charts/\(trend).svg", "embed/charts/\(trend)/index.html", "charts/\(derived).svg",
      "embed/charts/\(derived)/index.html",
    ] {
      #expect(files[path] != nil, "\(path)")
    }
    #expect(files.keys.filter { $0.hasPrefix("charts/") }.count == 2)
  }

  @Test func embedPagesHaveNoSiteChromeAndOpenLinksInTheTopWindow() async throws {
    let (site, files) = try await Self.build()
    defer { site.remove() }
    for path in [
      "embed/2024/platforms/index.html", "embed/2024/index.html", "embed/charts/yb-chart-platform-trend/index.html",
    ] {
      let html = try Self.text(files, path)
      let tags = HTMLScanner.tags(in: html)
      #expect(tags.contains { $0.name == "base" && $0.attributes["target"] == "_top" }, "\(path)")
      #expect(!tags.contains { $0.name == "header" && $0.attributes["class"] == "site-header" }, "\(path)")
      #expect(!tags.contains { $0.name == "nav" || $0.name == "footer" }, "\(path)")
      #expect(tags.contains { $0.name == "title" }, "\(path)")
    }
    let article = try Self.text(files, "embed/2024/platforms/index.html")
    #expect(article.contains("<h1>平台建设</h1>"))
    #expect(article.contains("<link rel=\"canonical\" href=\"https://www.example.gov.cn/2024/platforms/\">"))
    let chart = try Self.text(files, "embed/charts/yb-chart-platform-trend/index.html")
    #expect(chart.contains("<figcaption class=\"yb-chart-title\">平台数量走势</figcaption>"))
    #expect(chart.contains("<table class=\"yb-table\">"))
    #expect(chart.contains("图表出自<a href=\"/2024/platforms/\">平台建设</a>"))
  }

  @Test func fragmentsCarryOnlyPrefixedClassesAndIdsAndChartImages() async throws {
    let (site, files) = try await Self.build()
    defer { site.remove() }
    for (path, inline) in [("fragments/2024/platforms.html", false), ("fragments/2024/platforms.inline.html", true)] {
      let html = try Self.text(files, path)
      #expect(
        html.hasPrefix(
          "<link rel=\"stylesheet\" href=\"https://www.example.gov.cn/fragments/yearbook-fragment.css\">\n<div class=\"yb-root\""
        ))
      let tags = HTMLScanner.tags(in: html)
      // With site_url, a fragment pasted into a portal on another host keeps every link.
      for tag in tags {
        for name in ["href", "src"] {
          guard let url = tag.attributes[name], !url.hasPrefix("#") else { continue }
          #expect(url.hasPrefix("https://"), "\(path): \(name)=\(url) on <\(tag.name)>")
        }
      }
      let ids = Set(tags.compactMap { $0.attributes["id"] })
      for tag in tags {
        for name in (tag.attributes["class"] ?? "").split(separator: " ") {
          #expect(name.hasPrefix("yb-"), "\(path): class \(name)")
        }
        if let id = tag.attributes["id"] { #expect(id.hasPrefix("yb-"), "\(path): id \(id)") }
        for reference in (tag.attributes["aria-labelledby"] ?? "").split(separator: " ") {
          #expect(ids.contains(String(reference)), "\(path): aria-labelledby \(reference)")
        }
        if let href = tag.attributes["href"], href.hasPrefix("#") {
          // cmark percent-encodes link targets; browsers decode them to find the id.
          #expect(ids.contains(String(href.dropFirst()).removingPercentEncoding ?? ""), "\(path): \(href)")
        }
      }
      #expect(ids.contains("yb-2024-platforms-主要成效"))
      let images = tags.filter { $0.name == "img" }
      if inline {
        #expect(images.isEmpty)
        #expect(tags.filter { $0.name == "svg" }.count == 2)
        // Its look written on it, for a CMS that keeps SVG but strips stylesheets.
        #expect(html.contains("class=\"yb-mark yb-fill-1\" fill=\"#1f5f99\""))
      } else {
        #expect(!tags.contains { $0.name == "svg" || $0.name == "details" })
        #expect(
          images.map { $0.attributes["src"] } == [
            "https://www.example.gov.cn/charts/\(ChartRenderer.id(contentPath: "2024/platforms.md", index: 1)).svg",
            "https://www.example.gov.cn/charts/yb-chart-platform-trend.svg",
          ])
        // The alt is the sentence of the SVG's <desc>.
        for image in images {
          let alt = try #require(image.attributes["alt"])
          #expect(alt.hasSuffix("。") && alt.count > 10, "\(alt)")
        }
      }
    }
  }

  @Test func theFragmentStylesheetOnlyStylesInsideItsWrapper() throws {
    let css = try String(
      contentsOf: FixtureSite.repository.appendingPathComponent("Templates/static/fragments/yearbook-fragment.css"),
      encoding: .utf8)
    let withoutComments = css.replacing(/\/\*[\s\S]*?\*\//, with: "")
    var selectors: [String] = []
    for rule in withoutComments.split(separator: "}") {
      guard let brace = rule.firstIndex(of: "{") else { continue }
      selectors += rule[..<brace].split(separator: ",", omittingEmptySubsequences: true).map {
        $0.trimmingCharacters(in: .whitespacesAndNewlines)
      }
    }
    #expect(selectors.count > 40)
    // Commas inside :is() and :where() split a selector into pieces that do not start the rule.
    let starts = selectors.filter { !$0.hasSuffix(")") && !$0.first!.isLetter }
    for selector in starts { #expect(selector.hasPrefix(".yb-root"), "\(selector)") }
    let declarations = withoutComments.split(separator: "{").dropFirst().map { $0.prefix { $0 != "}" } }
    for block in declarations {
      for declaration in block.split(separator: ";") where declaration.contains(":") {
        #expect(declaration.contains("!important"), "\(declaration)")
      }
    }
  }

  @Test func chartFilesAreSVGDocumentsOfTheirOwn() async throws {
    let (site, files) = try await Self.build()
    defer { site.remove() }
    for (path, data) in files where path.hasPrefix("charts/") {
      let parser = XMLParser(data: data)
      let elements = ElementNames()
      parser.delegate = elements
      #expect(parser.parse(), "\(path): \(parser.parserError.map { "\($0)" } ?? "")")
      #expect(Array(elements.names.prefix(3)) == ["svg", "title", "desc"], "\(path)")
      let text = String(decoding: data, as: UTF8.self)
      #expect(text.contains("xmlns=\"http://www.w3.org/2000/svg\""))
      #expect(text.contains("font-family=\""))
      #expect(!text.contains("<style") && !text.contains("var(--"))
    }
    let trend = try Self.text(files, "charts/yb-chart-platform-trend.svg")
    #expect(trend.contains("<title>平台数量走势</title><desc>"))
    #expect(
      trend.contains(
        "class=\"yb-line yb-stroke-1 yb-dash-1\" fill=\"none\" stroke-width=\"2.5\" stroke-linejoin=\"round\" stroke=\"#1f5f99\""
      ))
  }

  @Test func thePrintPageHasEveryArticleInOrderWithIdsOfItsOwn() async throws {
    let (site, files) = try await Self.build()
    defer { site.remove() }
    let html = try Self.text(files, "2024/print/index.html")
    let tags = HTMLScanner.tags(in: html)
    let ids = tags.compactMap { $0.attributes["id"] }
    #expect(ids.count == Set(ids).count, "duplicate ids: \(ids)")
    let chapters = tags.filter { $0.name == "section" && $0.attributes["class"] == "print-chapter" }
    #expect(chapters.map { $0.attributes["id"] } == ["chapter-platforms", "chapter-talent"])
    // Both articles have 主要成效: each keeps its own, one level under the chapter title.
    #expect(html.contains("<h3 id=\"platforms-主要成效\">主要成效</h3>"))
    #expect(html.contains("<h3 id=\"talent-主要成效\">主要成效</h3>"))
    // Links between the report's articles stay on the page.
    #expect(html.contains("<a href=\"#chapter-talent\">人才工作</a>"))
    let section = "#platforms-" + "主要成效".addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed)!
    #expect(html.contains("<a href=\"\(section)\">本节</a>"))
    #expect(html.contains("<a href=\"\(section)\">平台建设的成效</a>"))
    #expect(
      html.contains(
        "<li><a href=\"#chapter-platforms\">平台建设</a><span class=\"print-toc-page\" data-anchor=\"chapter-platforms\"></span></li>"
      ))
    #expect(html.contains("<p class=\"print-publisher\">测试科技局</p>"))
  }

  @Test func withoutAnOriginFragmentsLinkFromTheSiteRoot() async throws {
    var files = Self.files
    let settings = try #require(files["Content/site.yml"])
    files["Content/site.yml"] = settings.replacingOccurrences(of: "site_url: https://www.example.gov.cn\n", with: "")
    #expect(files["Content/site.yml"] != settings)
    let site = try FixtureSite(files)
    defer { site.remove() }
    _ = try await site.build()
    let html = try site.read("fragments/2024/platforms.html")
    #expect(html.hasPrefix("<link rel=\"stylesheet\" href=\"/fragments/yearbook-fragment.css\">"))
    #expect(html.contains("src=\"/charts/yb-chart-platform-trend.svg\""))
    #expect(!html.contains("https://"))
  }

  @Test func articlePagesOfferTheEmbedCodes() async throws {
    let (site, files) = try await Self.build()
    defer { site.remove() }
    let html = try Self.text(files, "2024/platforms/index.html")
    #expect(html.contains("<details class=\"embed-code\">\n<summary>嵌入本页</summary>"))
    #expect(
      html.contains(
        "<pre><code>&lt;iframe src=&quot;https://www.example.gov.cn/embed/2024/platforms/&quot; title=&quot;平台建设&quot;")
    )
    // The listener that sizes the frame comes with it, from the site's own origin.
    #expect(
      html.contains(
        "loading=&quot;lazy&quot;&gt;&lt;/iframe&gt;\n&lt;script src=&quot;https://www.example.gov.cn/js/yearbook-embed-host.js&quot; async&gt;&lt;/script&gt;</code></pre>"
      ))
    #expect(
      html.contains(
        "&lt;link rel=\"stylesheet\" href=\"https://www.example.gov.cn/fragments/yearbook-fragment.css\"&gt;"
      ))
    #expect(html.contains("<a href=\"https://www.example.gov.cn/fragments/2024/platforms.html\">"))
    #expect(html.contains("<a href=\"https://www.example.gov.cn/charts/yb-chart-platform-trend.svg\">SVG 图片</a>"))
    #expect(!html.contains("<details class=\"embed-code\" open"))
  }

  @Test func chartIDsAreCheckedAndUnique() async throws {
    var files = Self.files
    files["Content/2024/talent.md"] = """
      ---
      title: 人才工作
      date: 2025-01-22
      ---
      ```chart
      type: column
      id: platform-trend
      data: d
      y: [value]
      title: 人才数量
      ```

      ```chart
      type: column
      id: 人才/图
      data: d
      y: [value]
      title: 人才
      ```
      """
    let site = try FixtureSite(files)
    defer { site.remove() }
    let messages = await site.failingBuild().map(\.description)
    #expect(
      messages.contains(
        "Content/2024/talent.md:6:1: error: another chart already has the id platform-trend (Content/2024/platforms.md:19:1); give this one a different id:"
      ), "\(messages)")
    #expect(
      messages.contains(
        "Content/2024/talent.md:15:5: error: a chart id may use only letters a-z, digits, - and _, got \"人才/图\"; it names the chart's files"
      ), "\(messages)")
  }

  @Test func aThemeCopiedBeforeThePortalPagesStillBuilds() async throws {
    let site = try FixtureSite(Self.files)
    defer { site.remove() }
    for file in ["embed.mustache", "print.mustache", "static/fragments/yearbook-fragment.css"] {
      try FileManager.default.removeItem(at: site.root.appendingPathComponent("Templates/\(file)"))
    }
    let summary = try await site.build()
    #expect(
      summary.diagnostics.map(\.description) == [
        "Templates: warning: no embed.mustache: the built-in one is used; copy it from a site made by yearbook init to restyle it",
        "Templates: warning: no print.mustache: the built-in one is used; copy it from a site made by yearbook init to restyle it",
        "Templates: warning: no static/fragments/yearbook-fragment.css: CMS fragments link to it; copy it from a site made by yearbook init",
      ])
    #expect(try site.read("embed/2024/platforms/index.html").contains("<base target=\"_top\">"))
    #expect(try site.read("2024/print/index.html").contains("chapter-talent"))
  }

  /// The preview renders an edited article's portal files with its page and its report's
  /// print page again, and drops the files of a chart taken out.
  @Test func thePreviewKeepsPortalFilesInStepWithAFullBuild() async throws {
    let site = try FixtureSite(Self.files)
    defer { site.remove() }
    let preview = PreviewSite(options: SiteBuilder.Options(root: site.root))
    #expect(preview.buildAll().succeeded)
    #expect(preview.file(at: "charts/yb-chart-platform-trend.svg") != nil)
    let file = "Content/2024/platforms.md"
    let text = try String(contentsOf: site.root.appendingPathComponent(file), encoding: .utf8)
    let trend = try #require(text.range(of: "```chart\ntype: line"))
    let end = try #require(text.range(of: "```\n", range: text.index(trend.lowerBound, offsetBy: 10)..<text.endIndex))
    var edited = text
    edited.removeSubrange(trend.lowerBound..<end.upperBound)
    try site.write(file, edited.replacingOccurrences(of: "平台建设取得进展", with: "平台建设取得新进展"))
    let rebuild = try #require(preview.rebuild(changed: [SourcePath(file)]))
    #expect(rebuild.succeeded && rebuild.incremental, "\(rebuild.diagnostics)")
    #expect(preview.file(at: "charts/yb-chart-platform-trend.svg") == nil)
    #expect(preview.file(at: "embed/charts/yb-chart-platform-trend/index.html") == nil)
    _ = try await site.build()
    let full = try site.snapshot()
    for (path, data) in full { #expect(preview.file(at: OutputPath(path)) == data, "\(path)") }
    #expect(full.count == preview.outputCount)
  }

  @Test func aSiteThatIsNeverEmbeddedCanSkipThePortalFiles() async throws {
    var files = Self.files
    files["Content/site.yml"]! += "\nportal_files: false\n"
    let site = try FixtureSite(files)
    defer { site.remove() }
    let summary = try await site.build()
    #expect(summary.diagnostics.isEmpty, "\(summary.diagnostics)")
    let written = try site.snapshot().keys
    #expect(!written.contains { $0.hasPrefix("embed/") || $0.hasPrefix("charts/") || $0.hasSuffix(".inline.html") })
    #expect(written.filter { $0.hasPrefix("fragments/") } == ["fragments/yearbook-fragment.css"])
    #expect(written.contains("2024/print/index.html"))
    #expect(summary.fileCount == written.count)
    #expect(!(try site.read("2024/platforms/index.html").contains("嵌入本页")))
  }

  @Test func theRewriterRenamesMarkupAndLeavesTextAlone() {
    let rewrite = HTMLRewriter.rename(idPrefix: "p-", classPrefix: "yb-")
    let html =
      "<h2 id=\"a\" class=\"x yb-y\">id=&quot;b&quot; &lt;p id=&quot;c&quot;&gt;</h2><a href=\"#a\">a</a><a href=\"/x/#a\">b</a><svg aria-labelledby=\"t yb-d\"><rect fill=\"url(#g)\"/></svg><!-- id=\"z\" --><p id=\"yb-k\" class='q' title=\"#a\">"
      + "<svg class=\"yb-chart-svg\" aria-labelledby=\"u\"><rect class=\"q\" id=\"r\"/></svg>"
    #expect(
      rewrite(html)
        == "<h2 id=\"p-a\" class=\"yb-x yb-y\">id=&quot;b&quot; &lt;p id=&quot;c&quot;&gt;</h2><a href=\"#p-a\">a</a><a href=\"/x/#a\">b</a><svg aria-labelledby=\"p-t yb-d\"><rect fill=\"url(#p-g)\"/></svg><!-- id=\"z\" --><p id=\"yb-k\" class='yb-q' title=\"#a\">"
        // Inside a chart's SVG, which Yearbook wrote with yb- names only, nothing is looked at.
        + "<svg class=\"yb-chart-svg\" aria-labelledby=\"p-u\"><rect class=\"q\" id=\"r\"/></svg>"
    )
  }
}

/// The names of the elements of an XML document, in order.
private final class ElementNames: NSObject, XMLParserDelegate {
  var names: [String] = []

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    names.append(name)
  }
}

/// What the 嵌入本页 box shows and gives for charts: the fragment's opening without its
/// stylesheet, and each chart as a picture that keeps its proportions without script.
@Suite struct EmbedBoxTests {
  @Test func theUnstyledSampleIsTheBodysOpeningTextWithoutIDs() {
    let body = """
      <nav class="toc"><ol><li>x</li></ol></nav>
      <p>第一段。</p>
      <h2 id="主要成效">主要成效</h2>
      <ul>
      <li>一<ul><li>一之一</li></ul></li>
      </ul>
      <figure class="yb-chart"><svg></svg></figure>
      <p>图后的段落。</p>
      """
    let sample = UnstyledSample.of(body: body, length: 1000)
    #expect(sample == "<p>第一段。</p>\n<h2>主要成效</h2>\n<ul>\n<li>一<ul><li>一之一</li></ul></li>\n</ul>\n")
    #expect(
      UnstyledSample.of(body: "<p>\(String(repeating: "长", count: 300))</p>\n<p>二</p>")
        == "<p>\(String(repeating: "长", count: 300))</p>\n")
  }

  @Test func aChartPictureSnippetKeepsItsProportions() {
    let code = EmbedCodes.imageCode(
      url: "https://www.pinghu.gov.cn/charts/yb-chart-a.svg", alt: "图：合计83人，“引”占20.5%。", size: (400, 183.6))
    #expect(
      code
        == "<img src=\"https://www.pinghu.gov.cn/charts/yb-chart-a.svg\" alt=\"图：合计83人，“引”占20.5%。\" width=\"400\" height=\"184\" style=\"max-width: 100%; height: auto\">"
    )
  }
}
