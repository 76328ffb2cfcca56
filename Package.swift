// swift-tools-version:6.0
import PackageDescription

// `STS_KUSTOMIZE_STATIC_LIBYAML=1` (scripts/install.sh) links libyaml statically, so the shipped
// binary needs no libyaml at run time; otherwise pkg-config's shared libyaml is used.
let staticLibYAML = Context.environment["STS_KUSTOMIZE_STATIC_LIBYAML"] != nil

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
            linkerSettings: staticLibYAML ? [.unsafeFlags(["-Xlinker", "-l:libyaml.a"])] : [.linkedLibrary("yaml")]
        ),
        .target(name: "KubeModel", dependencies: ["YAML"]),
        .target(name: "Manifests", dependencies: ["YAML", "KubeModel"]),
        .target(name: "Patching", dependencies: ["YAML", "KubeModel"]),
        .target(
            name: "Overlays",
            dependencies: ["YAML", "KubeModel", "Manifests", "Patching"]
        ),
        .target(name: "StatefulSetChecks", dependencies: ["YAML", "KubeModel"]),
        .target(name: "Editing", dependencies: ["YAML", "KubeModel", "Manifests"]),
        .target(name: "StsKustomize", dependencies: ["YAML", "KubeModel", "Manifests", "Patching", "Overlays", "StatefulSetChecks", "Editing"]),
        .executableTarget(
            name: "sts-kustomize",
            dependencies: [
                "StsKustomize",
                "StatefulSetChecks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", dependencies: ["YAML"], path: "Tests/TestSupport"),
        .testTarget(name: "YAMLTests", dependencies: ["YAML"]),
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
