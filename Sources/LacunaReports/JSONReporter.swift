import Foundation
import LacunaCore

/// The JSON report: one object, keys sorted, schema version first-class (`schemaVersion`).
public struct JSONReporter: Reporter {
    public init() {}

    /// The report as ``encoder`` writes it, written directly (``CompactJSON`` laid out by
    /// ``JSONIndenter``: the same bytes, several times faster).
    public func render(_ report: Report) throws -> String {
        String(decoding: JSONIndenter.indent(CompactJSON.bytes(report)), as: UTF8.self) + "\n"
    }

    /// The encoder every JSON output of Lacuna uses: sorted keys, pretty, no escaped slashes.
    public static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return e
    }
}
