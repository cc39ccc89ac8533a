/// Evidence as a report shows it: positions in Unicode scalars and lines, not bytes.
public struct EvidenceItem: Codable, Sendable, Hashable {
    /// Citation of the provision (`s. 3(1)(a)`, `Art. 2`), or nil outside any provision.
    public var section: String?
    /// Unicode scalar offset of the first character (0-based).
    public var start: Int
    /// Unicode scalar offset one past the last character.
    public var end: Int
    /// 1-based line of `start`.
    public var line: Int
    /// 1-based column of `start` on its line, in Unicode scalars.
    public var column: Int
    /// The decisive words.
    public var text: String
    public var effect: Effect
    /// The rule that found it.
    public var rule: String
    public var note: String?

    public init(section: String?, start: Int, end: Int, line: Int, column: Int, text: String, effect: Effect, rule: String, note: String?) {
        self.section = section
        self.start = start
        self.end = end
        self.line = line
        self.column = column
        self.text = text
        self.effect = effect
        self.rule = rule
        self.note = note
    }
}

/// The judgement on one requirement: status, the evidence for it, and for every gap the
/// recommendation.
public struct Finding: Codable, Sendable, Hashable {
    public var requirement: String
    public var area: String
    public var title: String
    public var obligation: Obligation
    public var status: Status
    /// Instrument articles the requirement comes from.
    public var sources: [String]
    /// The decisive evidence first.
    public var evidence: [EvidenceItem]
    /// Present for every status other than met.
    public var recommendation: String?
    /// Suggested drafting for the document's tradition, for every gap.
    public var drafting: String?
    /// Why this status: which evidence decided, or what was looked for and not found.
    public var explanation: String
    /// The way the status was reached, in one short sentence a reader can check: directly
    /// in the words quoted, through a definition the offence uses (JUDGING rule 4), through an
    /// offence that needs no means (rule 12), narrowed by a qualifier ... — naming the
    /// judging rule applied in words, not only by number. Nil only in reports older than it.
    public var why: String?
    /// How the status was reached (``FindingRoute``); nil only in older reports.
    public var route: FindingRoute?
    /// The number of the rule of `docs/judging.md` that `why` applies, when one does.
    public var judgingRule: Int?
    /// True for a missing finding of an area the text does not address at all, in a document
    /// marked as an extract: "not in this text" rather than a gap (the status stays missing).
    public var notInText: Bool?
    /// A reviewer's decision on the finding (`--review`), when there is one.
    public var review: FindingReview?

    public init(requirement: String, area: String, title: String, obligation: Obligation, status: Status,
                sources: [String], evidence: [EvidenceItem], recommendation: String?, drafting: String?,
                explanation: String, reason: FindingReason? = nil) {
        self.requirement = requirement
        self.area = area
        self.title = title
        self.obligation = obligation
        self.status = status
        self.sources = sources
        self.evidence = evidence
        self.recommendation = recommendation
        self.drafting = drafting
        self.explanation = explanation
        self.why = reason?.why
        self.route = reason?.route
        self.judgingRule = reason?.judgingRule
    }

    /// Whether the status was reached other than by the words quoted doing it themselves
    /// (through a definition, an offence without means, a qualifier, a rule of reading).
    public var isIndirect: Bool { route.map { $0 != .direct && $0 != .notFound } ?? false }
}

extension EvidenceItem {
    /// The report's view of evidence: byte spans converted to scalar offsets, line and column.
    public init(_ e: Evidence, locator: TextLocator) {
        self.init(section: e.provision, start: locator.scalarOffset(e.range.lowerBound),
                  end: locator.scalarOffset(e.range.upperBound), line: locator.line(e.range.lowerBound),
                  column: locator.column(e.range.lowerBound), text: e.quote, effect: e.effect, rule: e.rule, note: e.note)
    }
}
