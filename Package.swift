// swift-tools-version: 6.0
import PackageDescription

/// Yearbook's library targets, lowest layer first: each may import only those before it
/// (its `dependencies` below say which), so a use against the flow does not compile.
let layers = [
  "YearbookCore", "YearbookModel", "YearbookLoad", "YearbookIndex", "YearbookCharts", "YearbookMarkdown",
  "YearbookRender", "YearbookPortal", "YearbookBuild", "YearbookPreview", "YearbookKit",
]
let everyLayer: [Target.Dependency] = layers.map { .target(name: $0) }

let package = Package(
  name: "Yearbook",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "yearbook", targets: ["yearbook"])
  ] + layers.map { .library(name: $0, targets: [$0]) },
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
  ],
  targets: [
    .systemLibrary(
      name: "CCmark",
      pkgConfig: "libcmark",
      providers: [.apt(["libcmark-dev"])]
    ),
    // Workbook parts are inflated with zlib itself: see Inflate.swift for why not ZIPFoundation.
    .systemLibrary(
      name: "CZlib",
      pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]
    ),
    // Word boundaries of Chinese text (Debian's ICU and its dictionary), so captions and
    // chart labels break between words, never inside 加大 or “十三五”.
    .target(name: "CWordBreaks", linkerSettings: [.linkedLibrary("icuuc")]),
    .target(name: "CFileCalls"),
    // The layers, in the order data flows through them: a target sees only those below it,
    // so a use against the flow does not compile.
    // Diagnostics, numbers, HTML escaping, parallel helpers: what every step uses.
    .target(name: "YearbookCore", dependencies: ["CWordBreaks"]),
    // The site as loaded and validated: reports, articles, datasets, the theme's templates.
    .target(name: "YearbookModel", dependencies: ["YearbookCore"]),
    // Content/ and Templates/ read into a validated site and theme: YAML, CSV, workbooks.
    .target(
      name: "YearbookLoad",
      dependencies: ["YearbookCore", "YearbookModel", "CZlib", .product(name: "Yams", package: "Yams")]
    ),
    // Every page, its URL and template, tags and their pages, the files to copy.
    .target(name: "YearbookIndex", dependencies: ["YearbookCore", "YearbookModel"]),
    // Charts drawn as inline SVG from datasets: geometry, numbers, tables, descriptions.
    .target(name: "YearbookCharts", dependencies: ["YearbookCore", "YearbookModel", "YearbookLoad"]),
    // Markdown to HTML through cmark: links resolved against the index, charts drawn, the
    // facts of each document (headings, charts, links, summary).
    .target(
      name: "YearbookMarkdown",
      dependencies: ["CCmark", "YearbookCore", "YearbookModel", "YearbookLoad", "YearbookIndex", "YearbookCharts"]
    ),
    // Pages: typed contexts, Mustache templates compiled against them, the feed, the
    // sitemap, print pages. swift-mustache only as the oracle the compiled pages are tested
    // against.
    .target(
      name: "YearbookRender",
      dependencies: [
        "YearbookCore", "YearbookModel", "YearbookIndex", "YearbookCharts", "YearbookMarkdown",
        .product(name: "Mustache", package: "swift-mustache"),
      ]
    ),
    // What the government portal takes: embed pages, CMS fragments, chart files.
    .target(
      name: "YearbookPortal",
      dependencies: [
        "YearbookCore", "YearbookModel", "YearbookIndex", "YearbookCharts", "YearbookMarkdown", "YearbookRender",
      ]
    ),
    // The pipeline that runs the steps (load → index → markdown → pages → portal → check →
    // write), the checks across documents, and the staging folder swapped in at the end.
    .target(
      name: "YearbookBuild",
      dependencies: [
        "YearbookCore", "YearbookModel", "YearbookLoad", "YearbookIndex", "YearbookCharts", "YearbookMarkdown",
        "YearbookRender", "YearbookPortal", "CFileCalls",
      ]
    ),
    // The site the preview serves: built in memory, rebuilt in part after each save.
    .target(
      name: "YearbookPreview",
      dependencies: [
        "YearbookCore", "YearbookModel", "YearbookLoad", "YearbookIndex", "YearbookMarkdown", "YearbookRender",
        "YearbookBuild",
      ]
    ),
    // The editor's tools on top of the pipeline: `yearbook init` and `new` (Scaffold),
    // `import` of Word documents and Excel workbooks (Import), and `pdf` (Print).
    .target(
      name: "YearbookKit",
      dependencies: ["YearbookCore", "YearbookModel", "YearbookLoad", "YearbookBuild"]
    ),
    // The preview server: the only target that links SwiftNIO, so the library, its tests
    // and the fuzzers build without it.
    .target(
      name: "YearbookServer",
      dependencies: everyLayer + [
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdCore", package: "hummingbird"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        // The connection pipeline: timeouts, HTTP/1.0 and hung-up event streams.
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
        .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
      ]
    ),
    .executableTarget(
      name: "yearbook",
      dependencies: everyLayer + [
        "YearbookServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // A build allocates and frees millions of small strings on every core; mimalloc
      // (Debian's libmimalloc-dev), linked ahead of the C library, replaces malloc for the
      // whole process and makes a 10,000-article build 6% faster than glibc's allocator.
      // Release only: the sanitizer builds of the tests bring their own malloc.
      linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux], configuration: .release))]
    ),
    .executableTarget(
      name: "yearbook-bench",
      dependencies: everyLayer
    ),
    .testTarget(
      name: "YearbookKitTests",
      dependencies: everyLayer + ["CCmark"],
      exclude: ["Golden"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
