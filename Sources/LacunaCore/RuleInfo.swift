/// Where in a document a rule's evidence counts (JUDGING rule 5).
public enum RuleScope: String, Codable, Sendable, CaseIterable {
    /// Only inside provisions that define or criminalise trafficking, and the definitions
    /// and provisions they use.
    case trafficking
    /// The trafficking scope, and any provision that refers to a trafficking offence by its
    /// number ("a person convicted of an offence referred to in section 4(1) is liable ...").
    case related
    /// Anywhere in the operative text.
    case anywhere
}

/// What a rule says about itself, for listings, explanations and registries.
public struct RuleInfo: Codable, Sendable, Hashable {
    public var id: String
    public var requirements: [String]
    public var effect: Effect
    public var scope: RuleScope
    public var summary: String
    /// Where the rule was defined (pack file), for error messages and `lacuna rules`.
    public var origin: String

    public init(id: String, requirements: [String], effect: Effect, scope: RuleScope, summary: String, origin: String) {
        self.id = id
        self.requirements = requirements
        self.effect = effect
        self.scope = scope
        self.summary = summary
        self.origin = origin
    }
}
