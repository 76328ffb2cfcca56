// swift-tools-version:6.0
import PackageDescription

// Benchmarks live beside the product, not in it: `swift build --package-path Benchmarks`.
let package = Package(
    name: "sts-kustomize-benchmarks",
    dependencies: [
        .package(name: "sts-kustomize", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "yaml-bench",
            dependencies: [.product(name: "YAML", package: "sts-kustomize")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
