import Foundation
import LacunaCore
import LacunaKit

/// What `lacuna --version` prints: the tool version, then the versions of the data it judges
/// with, read from the bundled catalog and rule packs as every report reads them.
///
/// Laws it keeps:
/// - the first line is `lacuna VERSION` alone (scripts read the version from it);
/// - the catalog version is the one every report records (`catalogVersion`);
/// - the rules line gives the fingerprint a batch store records for the bundled packs, then
///   each tradition's rule-set version as a report of that tradition records it
///   (`rulesVersion`), in registry order.
enum VersionText {
    static func render(_ analyzer: Analyzer) throws -> String {
        let traditions = try analyzer.registry.traditions.map { t in
            "\(t.rawValue) \(try analyzer.ruleSet(for: TraditionChoice(traditions: [t], detected: false)).version)"
        }
        return """
            lacuna \(Analyzer.version)
            catalog \(analyzer.catalog.version) (\(analyzer.catalog.requirements.count) requirements)
            rules \(try analyzer.rulesFingerprint()) (\(traditions.joined(separator: ", ")))
            """
    }

    /// Whether a message swift-argument-parser printed for a successful early exit is its
    /// answer to `--version`: the parser prints `configuration.version` verbatim then, and no
    /// help text is that short string.
    static func isVersionRequest(_ message: String) -> Bool {
        message == Lacuna.configuration.version
    }
}
