// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sts-kustomize",
    products: [
        .library(name: "StsKustomize", targets: ["StsKustomize"]),
        .executable(name: "sts-kustomize", targets: ["sts-kustomize"]),
        .library(name: "YAML", targets: ["YAML"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "YAML", dependencies: ["CYAML"]),
        .target(name: "Manifests", dependencies: ["YAML"]),
        .target(name: "Patching", dependencies: ["YAML", "Manifests"]),
        .target(
            name: "Overlays",
            dependencies: ["YAML", "Manifests", "Patching", "StatefulSetChecks", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "StatefulSetChecks", dependencies: ["YAML", "Manifests"]),
        .target(name: "StsKustomize", dependencies: ["YAML", "Manifests", "Patching", "Overlays", "StatefulSetChecks"]),
        .executableTarget(
            name: "sts-kustomize",
            dependencies: [
                "StsKustomize",
                "StatefulSetChecks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "YAMLTests", dependencies: ["YAML"]),
        .testTarget(name: "ManifestsTests", dependencies: ["Manifests", "YAML"]),
        .testTarget(name: "PatchingTests", dependencies: ["Patching", "Manifests", "YAML"]),
        .testTarget(name: "OverlaysTests", dependencies: ["Overlays", "StsKustomize", "Manifests", "YAML"]),
        .testTarget(name: "StatefulSetChecksTests", dependencies: ["StatefulSetChecks", "Manifests", "YAML"]),
        .testTarget(name: "EndToEndTests", dependencies: ["StsKustomize"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
