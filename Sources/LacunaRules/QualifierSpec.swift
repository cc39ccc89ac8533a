import LacunaCore

/// Words that narrow the evidence they stand beside — only some victims ("child victims",
/// "a certified victim"), a power where a duty is asked ("the court may"), a condition of
/// cooperation ("who cooperates with the police"). A qualifier is declared once, in a pack,
/// and found around every piece of satisfying evidence of every rule; the requirement, not
/// the rule, says which kinds of qualifier narrow it (`narrowedBy` in `ModelLaw/`), and the
/// judge turns such evidence into `partial`.
///
/// Laws: a qualifier never creates evidence and never changes which evidence is found; it is
/// looked for only in the operative text of its context around the evidence.
public struct QualifierSpec: Sendable, Hashable {
    public var id: String
    /// The kind of narrowing, named by requirements: `some-victims`, `discretion`, `cooperation`.
    public var kind: String
    /// One line saying what the words limit.
    public var summary: String
    public var patterns: [String]
    /// Where around the evidence the words are looked for (default: the clause).
    public var context: RuleContext
    public var caseless: Bool
    /// Texts in which the qualifier is found (`[[...]]` marks the words) and texts in which it is not.
    public var matchExamples: [RuleExample]
    public var noMatchExamples: [RuleExample]
    public var origin: String
    public var line: Int?

    public init(id: String, kind: String, summary: String, patterns: [String], context: RuleContext = .clause,
                caseless: Bool = true, matchExamples: [RuleExample] = [], noMatchExamples: [RuleExample] = [],
                origin: String = "", line: Int? = nil) {
        self.id = id
        self.kind = kind
        self.summary = summary
        self.patterns = patterns
        self.context = context
        self.caseless = caseless
        self.matchExamples = matchExamples
        self.noMatchExamples = noMatchExamples
        self.origin = origin
        self.line = line
    }
}
