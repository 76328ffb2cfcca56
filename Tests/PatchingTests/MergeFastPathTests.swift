import Foundation
import KubeModel
import Manifests
@testable import Patching
import TestSupport
import XCTest
import YAML

/// The merge walker's fast paths must give exactly what kyaml's general list algorithm gives.
/// Random targets and patches (seeded, so failures reproduce) are merged both ways.
final class MergeFastPathTests: XCTestCase {
    func testFastPathsMatchGeneralAlgorithm() throws {
        let env = ProcessInfo.processInfo.environment
        let rounds = Int(env["PATCHING_FASTPATH_ROUNDS"] ?? "") ?? 600
        var rng = SeededGenerator(state: UInt64(env["PATCHING_FASTPATH_SEED"] ?? "") ?? 42)
        var checked = 0
        for _ in 0..<rounds {
            let target = Self.deployment(&rng, patch: false)
            let patch = Self.deployment(&rng, patch: true)
            let fast = Self.merge(target, patch, fast: true)
            let general = Self.merge(target, patch, fast: false)
            XCTAssertEqual(fast, general, "target:\n\(target)\npatch:\n\(patch)")
            if fast != general { break }
            checked += 1
        }
        XCTAssertEqual(checked, rounds)
    }

    static func merge(_ target: String, _ patch: String, fast: Bool) -> String {
        do {
            let t = try mapping(target), p = try mapping(patch)
            let walker = MergeWalker(store: MergeSchema.kubernetes.store, file: "p", interpretKubernetesDirectives: false)
            walker.useFastPaths = fast
            let result = try walker.walk(.mapping(t), .mapping(p), schema: SchemaStore.none)
            return result == nil ? "<deleted>" : try emit(t)
        } catch {
            return "error: \(error)"
        }
    }

    static func deployment(_ rng: inout SeededGenerator, patch: Bool) -> String {
        var s = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n"
        if patch && Int.random(in: 0..<10, using: &rng) == 0 { return s + "      containers: null\n" }
        s += "      containers:\n"
        if patch, Int.random(in: 0..<12, using: &rng) == 0 { s += "      - $patch: replace\n" }
        let names = ["a", "b", "c", "d", "e"]
        for _ in 0..<Int.random(in: (patch ? 0 : 1)...5, using: &rng) {
            let r = Int.random(in: 0..<40, using: &rng)
            if r == 0 { s += "      - {}\n"; continue }
            if r == 1 { s += "      - image: nokey\n"; continue }
            s += "      - name: \(names.randomElement(using: &rng)!)\n"
            if patch {
                switch Int.random(in: 0..<8, using: &rng) {
                case 0: s += "        $patch: delete\n"
                case 1: s += "        $patch: replace\n"
                case 2: s += "        image: null\n"
                default: break
                }
            }
            s += "        image: i\(Int.random(in: 0..<3, using: &rng))\n"
            if Bool.random(using: &rng) {
                s += "        env:\n"
                for _ in 0..<Int.random(in: 0...4, using: &rng) {
                    s += "        - name: E\(Int.random(in: 0..<4, using: &rng))\n"
                    s += Int.random(in: 0..<5, using: &rng) == 0 ? "          value: null\n" : "          value: v\(Int.random(in: 0..<3, using: &rng))\n"
                }
            }
            if Bool.random(using: &rng) {
                s += "        ports:\n"
                for _ in 0..<Int.random(in: 0...3, using: &rng) {
                    s += "        - containerPort: \(Int.random(in: 80...82, using: &rng))\n"
                    switch Int.random(in: 0..<3, using: &rng) {
                    case 0: s += "          protocol: TCP\n"
                    case 1: s += "          protocol: UDP\n"
                    default: s += "          name: p\(Int.random(in: 0..<3, using: &rng))\n"
                    }
                }
            }
        }
        return s
    }
}
