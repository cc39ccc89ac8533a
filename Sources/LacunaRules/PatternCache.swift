import Foundation
import LacunaPatterns

/// Compiled patterns and their literal analyses, shared by the rule sets of one analyzer.
///
/// Every tradition's rule set holds the shared packs' ~500 patterns; compiling (and
/// JIT-compiling) each once instead of once per set is most of a batch's start-up. Safe to
/// use from several threads.
public final class PatternCache: @unchecked Sendable {
    private var patterns: [String: Pattern] = [:]
    private var analyses: [String: (required: [Set<String>]?, leading: Set<String>?)] = [:]
    private let lock = NSLock()

    public init() {}

    /// The literal analysis of `source` (see ``RequiredLiterals/analysis(of:)``).
    func analysis(of source: String) -> (required: [Set<String>]?, leading: Set<String>?) {
        if let known = lock.withLock({ analyses[source] }) { return known }
        let analysis = RequiredLiterals.analysis(of: source)
        lock.withLock { analyses[source] = analysis }
        return analysis
    }

    /// `source` compiled with these options.
    func pattern(_ source: String, caseless: Bool, anchoredVariant: Bool) throws -> Pattern {
        let key = (caseless ? "i" : "c") + (anchoredVariant ? "a:" : ":") + source
        if let known = lock.withLock({ patterns[key] }) { return known }
        let pattern = try Pattern(source, caseless: caseless, anchoredVariant: anchoredVariant)
        lock.withLock { patterns[key] = pattern }
        return pattern
    }
}
