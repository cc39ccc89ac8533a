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

/// A rule: given a resolved document, it returns evidence.
///
/// Laws: a rule is pure and deterministic (the same document gives the same evidence in the
/// same order); it never decides a status, it only reports evidence for the requirements
/// named in ``info``; it is safe to run concurrently on different documents.
public protocol Rule: Sendable {
    var info: RuleInfo { get }
    func evidence(in document: Document) throws -> [Evidence]
}
