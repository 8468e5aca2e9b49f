// swift-tools-version: 6.0
// libFuzzer targets for Yearbook's parsers, kept out of the main package because they
// link only when built with the sanitizer flags `make fuzz` passes.
import PackageDescription

/// Yearbook's library targets, as the root Package.swift lists them.
let layers = [
  "YearbookCore", "YearbookModel", "YearbookLoad", "YearbookIndex", "YearbookCharts", "YearbookMarkdown",
  "YearbookRender", "YearbookPortal", "YearbookBuild", "YearbookPreview", "YearbookKit",
]

let package = Package(
  name: "YearbookFuzz",
  // `Yearbook` is a link to the repository root, so the dependency has the same name
  // wherever the repository is cloned.
  dependencies: [.package(path: "Yearbook")],
  targets: [
    .target(name: "CFuzzerDriver"),
    .executableTarget(
      name: "yearbook-fuzz",
      dependencies: ["CFuzzerDriver"] + layers.map { .product(name: $0, package: "Yearbook") }
    ),
  ],
  swiftLanguageModes: [.v6]
)
