/// Bounds on the work one match attempt may do, so that a runaway pattern (catastrophic
/// backtracking in a user's rule pack) fails with an error instead of hanging.
public struct MatchLimits: Sendable, Equatable {
    /// PCRE2's match limit: the number of internal match-function calls (backtracking steps).
    public var matchLimit: UInt32
    /// PCRE2's depth limit: the backtracking depth.
    public var depthLimit: UInt32

    public init(matchLimit: UInt32, depthLimit: UInt32) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
    }

    /// Generous for any sane legal pattern, small enough to stop a catastrophic one in well
    /// under a second.
    public static let `default` = MatchLimits(matchLimit: 2_000_000, depthLimit: 20_000)
}
