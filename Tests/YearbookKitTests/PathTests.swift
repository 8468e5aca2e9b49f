import Testing

@testable import YearbookCore
@testable import YearbookModel

/// The kinds of path and the named conversions between them, which replace the string
/// surgery (`dropFirst("Content/")`, `+ "index.html"`) that used to happen at call sites.
@Suite struct PathTests {
  @Test(arguments: [
    ("", "index.html"), ("2024/", "2024/index.html"), ("2024/talent/", "2024/talent/index.html"),
    ("tags/人才/page/2/", "tags/人才/page/2/index.html"), ("data/figures-2024.csv", "data/figures-2024.csv"),
    ("feed.xml", "feed.xml"),
  ])
  func aPageIsWrittenAsTheIndexOfItsFolder(sitePath: String, file: String) {
    #expect(SitePath(sitePath).outputPath == OutputPath(file))
    #expect(SitePath(sitePath).isPage == file.hasSuffix("index.html"))
  }

  @Test func contentAndSourcePathsConvertBothWays() {
    let article: ContentPath = "2024/talent.md"
    #expect(article.source == "Content/2024/talent.md")
    #expect(article.source.contentPath == article)
    #expect(article.firstComponent == "2024")
    #expect(SourcePath("Templates/article.mustache").contentPath == nil)
    #expect(SourcePath("Contents/2024/talent.md").contentPath == nil)
    #expect(Theme.output(ofStatic: "Templates/static/css/yearbook.css") == "css/yearbook.css")
    #expect(Theme.output(ofStatic: "Templates/article.mustache") == nil)
    #expect(SitePaths.asset("assets/logo.svg").outputPath == "assets/logo.svg")
  }

  @Test func aLinkReachesAFolderWithOrWithoutItsSlash() {
    let files: Set<OutputPath> = ["index.html", "2024/talent/index.html", "css/yearbook.css"]
    for reached in ["", "2024/talent/", "2024/talent", "css/yearbook.css"] {
      #expect(files.serves(SitePath(reached)), "\(reached)")
    }
    for missed in ["2024/", "2024/talent/index", "css/", "css/yearbook.css/"] {
      #expect(!files.serves(SitePath(missed)), "\(missed)")
    }
  }

  @Test func embedsAndLinksAreMadeFromSitePaths() {
    #expect(SitePaths.embed(SitePaths.article(report: "2024", slug: "talent")) == "embed/2024/talent/")
    #expect(SitePath("2024/talent/").isInside(SitePaths.report("2024")))
    #expect(!SitePath("2024-old/talent/").isInside(SitePaths.report("2024")))
    #expect(BaseURL("/kjj/")!.link(SitePaths.tag(slug: "人才")) == "/kjj/tags/%E4%BA%BA%E6%89%8D/")
  }
}
