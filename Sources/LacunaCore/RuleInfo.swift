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
    /// The languages the rule reads (its pack's); English when not said.
    public var languages: [Language]

    public init(id: String, requirements: [String], effect: Effect, scope: RuleScope, summary: String, origin: String,
                languages: [Language] = [.english]) {
        self.id = id
        self.requirements = requirements
        self.effect = effect
        self.scope = scope
        self.summary = summary
        self.origin = origin
        self.languages = languages
    }

    private enum CodingKeys: String, CodingKey { case id, requirements, effect, scope, summary, origin, languages }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), requirements: try c.decode([String].self, forKey: .requirements),
                  effect: try c.decode(Effect.self, forKey: .effect), scope: try c.decode(RuleScope.self, forKey: .scope),
                  summary: try c.decode(String.self, forKey: .summary), origin: try c.decode(String.self, forKey: .origin),
                  languages: try c.decodeIfPresent([Language].self, forKey: .languages) ?? [.english])
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(requirements, forKey: .requirements)
        try c.encode(effect, forKey: .effect)
        try c.encode(scope, forKey: .scope)
        try c.encode(summary, forKey: .summary)
        try c.encode(origin, forKey: .origin)
        if languages != [.english] { try c.encode(languages, forKey: .languages) }
    }
}
