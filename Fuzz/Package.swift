// swift-tools-version: 6.0
// libFuzzer targets for Yearbook's parsers, kept out of the main package because they
// link only when built with the sanitizer flags `make fuzz` passes.
import PackageDescription

let package = Package(
  name: "YearbookFuzz",
  // `Yearbook` is a link to the repository root, so the dependency has the same name
  // wherever the repository is cloned.
  dependencies: [.package(path: "Yearbook")],
  targets: [
    .target(name: "CFuzzerDriver"),
    .executableTarget(
      name: "yearbook-fuzz",
      dependencies: [
        "CFuzzerDriver", .product(name: "YearbookCore", package: "Yearbook"),
        .product(name: "YearbookModel", package: "Yearbook"), .product(name: "YearbookLoad", package: "Yearbook"),
        .product(name: "YearbookKit", package: "Yearbook"),
      ]
    ),
  ],
  swiftLanguageModes: [.v6]
)
