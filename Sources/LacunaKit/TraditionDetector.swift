import Foundation
import LacunaCore
import LacunaPatterns

/// Guesses a document's legal tradition from weighted cues each plugin declares.
///
/// Deterministic: ties go to the plugin registered first.
public struct TraditionDetector: Sendable {
    public let registry: PluginRegistry

    public init(registry: PluginRegistry) {
        self.registry = registry
    }

    /// Scores for each tradition (higher is likelier), in registry order.
    ///
    /// Cues are lower case and are counted in the text's first 400,000 bytes with its ASCII
    /// letters folded to lower case (the cues' other characters — `§`, `’` — have no case).
    public func scores(_ text: String) -> [(Tradition, Double)] {
        var lower = Array(text.utf8.prefix(400_000))
        for i in lower.indices where lower[i] >= 0x41 && lower[i] <= 0x5A { lower[i] |= 0x20 }
        return registry.plugins.map { plugin in
            var score = 0.0
            for cue in plugin.cues {
                let n = ByteSearch.count(of: Array(cue.literal.utf8), in: lower, max: 10)
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
