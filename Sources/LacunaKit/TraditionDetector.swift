import Foundation
import LacunaCore

/// Guesses a document's legal tradition from weighted cues each plugin declares.
///
/// Deterministic: ties go to the plugin registered first.
public struct TraditionDetector: Sendable {
    public let registry: PluginRegistry

    public init(registry: PluginRegistry) {
        self.registry = registry
    }

    /// Scores for each tradition (higher is likelier), in registry order.
    public func scores(_ text: String) -> [(Tradition, Double)] {
        let lower = text.prefix(400_000).lowercased()
        return registry.plugins.map { plugin in
            var score = 0.0
            for cue in plugin.cues {
                let n = lower.occurrences(of: cue.literal, max: 10)
                score += Double(n) * cue.weight
            }
            return (plugin.tradition, score)
        }
    }

    public func detect(_ text: String) -> Tradition {
        var best: (Tradition, Double)?
        for (t, s) in scores(text) where best == nil || s > best!.1 { best = (t, s) }
        return best?.0 ?? .commonLaw
    }
}

extension String {
    /// Non-overlapping occurrences of `needle`, counting at most `max`.
    func occurrences(of needle: String, max: Int) -> Int {
        guard !needle.isEmpty else { return 0 }
        // A byte search over the UTF-8 (cues are literal): Foundation's `range(of:)` converts
        // to UTF-16 on every call, which made detection a quarter of a batch's time.
        let pattern = Array(needle.utf8)
        if let found = utf8.withContiguousStorageIfAvailable({ bytes -> Int in
            guard let base = bytes.baseAddress, bytes.count >= pattern.count else { return 0 }
            var count = 0
            var i = 0
            let last = bytes.count - pattern.count
            while count < max, i <= last,
                  let hit = memchr(base + i, Int32(pattern[0]), last - i + 1) {
                let j = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + j, pattern, pattern.count) == 0 {
                    count += 1
                    i = j + pattern.count
                } else {
                    i = j + 1
                }
            }
            return count
        }) {
            return found
        }
        var count = 0
        var searchRange = startIndex..<endIndex
        while count < max, let r = range(of: needle, range: searchRange) {
            count += 1
            searchRange = r.upperBound..<endIndex
        }
        return count
    }
}
