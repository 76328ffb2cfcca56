// swift-tools-version:6.0
import PackageDescription

// `STS_KUSTOMIZE_STATIC_LIBYAML=1` (scripts/install.sh) links libyaml statically, so the shipped
// binary needs no libyaml at run time; otherwise pkg-config's shared libyaml is used.
let staticLibYAML = Context.environment["STS_KUSTOMIZE_STATIC_LIBYAML"] != nil

// The shipped binary (scripts/install.sh) leaves out the run-time exclusivity checks on class
// properties, which cost ~4% on the hot paths (every node of every copy and walk); debug builds,
// and so `swift test`, keep them and trap on any violation.
let shippedBinary: [SwiftSetting] = Context.environment["STS_KUSTOMIZE_SHIPPED_BINARY"] != nil
    ? [.unsafeFlags(["-enforce-exclusivity=unchecked"])] : []

let package = Package(
    name: "sts-kustomize",
    products: [
        .library(name: "StsKustomize", targets: ["StsKustomize"]),
        .executable(name: "sts-kustomize", targets: ["sts-kustomize"]),
        .library(name: "YAML", targets: ["YAML"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: staticLibYAML ? nil : "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(
            name: "YAML",
            dependencies: ["CYAML"],
            swiftSettings: shippedBinary,
            linkerSettings: staticLibYAML ? [.unsafeFlags(["-Xlinker", "-l:libyaml.a"])] : [.linkedLibrary("yaml")]
        ),
        .target(name: "KubeModel", dependencies: ["YAML"], swiftSettings: shippedBinary),
        .target(name: "Manifests", dependencies: ["YAML", "KubeModel"], swiftSettings: shippedBinary),
        .target(name: "Patching", dependencies: ["YAML", "KubeModel"], swiftSettings: shippedBinary),
        .target(
            name: "Overlays",
            dependencies: ["YAML", "KubeModel", "Manifests", "Patching"],
            swiftSettings: shippedBinary
        ),
        .target(name: "StatefulSetChecks", dependencies: ["YAML", "KubeModel"], swiftSettings: shippedBinary),
        .target(name: "Editing", dependencies: ["YAML", "KubeModel", "Manifests"], swiftSettings: shippedBinary),
        .target(name: "StsKustomize", dependencies: ["YAML", "KubeModel", "Manifests", "Patching", "Overlays", "StatefulSetChecks", "Editing"], swiftSettings: shippedBinary),
        .executableTarget(
            name: "sts-kustomize",
            dependencies: [
                "StsKustomize",
                "StatefulSetChecks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: shippedBinary
        ),
        .target(name: "TestSupport", dependencies: ["YAML"], path: "Tests/TestSupport"),
        .testTarget(name: "YAMLTests", dependencies: ["YAML", "TestSupport"]),
        .testTarget(name: "KubeModelTests", dependencies: ["TestSupport", "KubeModel", "YAML"]),
        .testTarget(name: "ManifestsTests", dependencies: ["TestSupport", "KubeModel", "Manifests", "YAML"]),
        .testTarget(name: "PatchingTests", dependencies: ["TestSupport", "KubeModel", "Patching", "Manifests", "YAML"]),
        .testTarget(name: "OverlaysTests", dependencies: ["TestSupport", "KubeModel", "Overlays", "StsKustomize", "Manifests", "YAML"]),
        .testTarget(name: "StatefulSetChecksTests", dependencies: ["TestSupport", "KubeModel", "StatefulSetChecks", "Manifests", "YAML"]),
        .testTarget(name: "EditingTests", dependencies: ["Editing", "Manifests", "YAML", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["StsKustomize"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
