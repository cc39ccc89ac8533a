import LacunaCore
import LacunaPatterns

/// A pattern that does not compile or match is reported like every other error. LacunaPatterns
/// stays free of Lacuna types, so the conformance lives here, where patterns become rules.
extension PatternError: LacunaError {
    public var location: String? { nil }
    public var problem: String { description }
}
