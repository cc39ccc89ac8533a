/// What a piece of evidence does to a requirement.
public enum Effect: String, Codable, Sendable, CaseIterable {
    /// The text does what the requirement asks.
    case satisfies
    /// The text does part of it (JUDGING: some victims, some forms, "may" for a duty ...).
    case partial
    /// The text says the opposite.
    case contradicts

    /// The status this effect argues for.
    public var status: Status {
        switch self {
        case .satisfies: .met
        case .partial: .partial
        case .contradicts: .conflict
        }
    }
}

/// One piece of evidence a rule found: a span of the document, the requirement it bears on,
/// and whether it satisfies, partly satisfies or contradicts it. Evidence is data; the
/// core's ``Judge`` decides what it adds up to.
public struct Evidence: Codable, Sendable, Hashable {
    public var requirement: String
    public var effect: Effect
    /// The id of the rule that found it.
    public var rule: String
    /// UTF-8 byte span of the decisive words.
    public var range: Range<Int>
    /// The citation of the provision it sits in (`s. 3(1)(a)`), when inside one.
    public var provision: String?
    /// The decisive words, at most about twenty.
    public var quote: String
    /// Why the rule reads it this way.
    public var note: String?
    /// Qualifiers found around the evidence ("child victims", "may", "who cooperate"); the
    /// judge decides which of them narrow the requirement.
    public var qualifiers: [Qualification]

    public init(requirement: String, effect: Effect, rule: String, range: Range<Int>,
                provision: String?, quote: String, note: String? = nil, qualifiers: [Qualification] = []) {
        self.qualifiers = qualifiers
        self.requirement = requirement
        self.effect = effect
        self.rule = rule
        self.range = range
        self.provision = provision
        self.quote = quote
        self.note = note
    }
}

/// A qualifier found beside a piece of evidence: words that may narrow what it does to a
/// requirement (only some victims, a power rather than a duty, a condition of cooperation).
public struct Qualification: Codable, Sendable, Hashable {
    /// The kind of narrowing (`some-victims`, `discretion`, `cooperation`); requirements name
    /// the kinds that narrow them.
    public var kind: String
    /// The id of the qualifier that found it.
    public var qualifier: String
    /// What the qualifier means, in one line.
    public var summary: String
    /// The qualifying words.
    public var quote: String

    public init(kind: String, qualifier: String, summary: String, quote: String) {
        self.kind = kind
        self.qualifier = qualifier
        self.summary = summary
        self.quote = quote
    }
}
