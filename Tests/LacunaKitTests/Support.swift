import Foundation
import Testing
import LacunaKit

/// Paths and shared objects for the tests.
enum Support {
    /// The package root (this file is Tests/LacunaKitTests/Support.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The shared folder beside the repository (spec, statutes, tools).
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")

    /// Whether ../shared is there (its spec and development statutes).
    static let hasShared = FileManager.default.fileExists(atPath: shared.appendingPathComponent("spec/requirements.tsv").path)
    /// Tests that need ../shared run when it is there, and on CI (`CI=true`) always, so that
    /// a missing folder fails there; elsewhere they are skipped with ``needsShared``.
    static let runsSharedTests = hasShared || ProcessInfo.processInfo.environment["CI"] == "true"
    static let needsShared: Comment = "needs ../shared (spec and development statutes) beside the repository; skipped without it, and a failure on CI (CI=true)"

    /// One analyzer for all tests: compiling the packs once keeps the suite fast.
    static let analyzer: Analyzer = try! Analyzer()

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lacuna-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func write(_ text: String, _ name: String, in dir: URL) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    /// `requirements.tsv`: id -> (area, obligation).
    static func specRequirements() throws -> [(id: String, area: String, obligation: String)] {
        let text = try String(contentsOf: shared.appendingPathComponent("spec/requirements.tsv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return (cols[0], cols[1], cols[2])
        }
    }
}
