/// Turns evidence into one finding per catalog requirement, following the project's
/// JUDGING contract. The judge belongs to the core: plugins only report evidence.
///
/// Laws:
/// - Exactly one finding per catalog requirement, in catalog order.
/// - Contradicting evidence gives `conflict` (it outranks everything); otherwise satisfying
///   evidence gives `met`, partial evidence `partial`, and no evidence `missing`.
/// - Satisfying evidence beside a qualifier of a kind the requirement names in `narrowedBy`
///   counts as partial (JUDGING rules 10 and 14), with the qualifier named in its note.
/// - Evidence on excluded (non-law) text never counts; the rules engine drops it, and the
///   judge ignores any that reaches it.
/// - Every finding that is not `met` carries the catalog's recommendation.
/// - The output depends only on the inputs (deterministic order of evidence).
public struct Judge: Sendable {
    public init() {}

    /// Judges `evidence` found in `document` against `catalog`.
    ///
    /// - Parameter rules: what each rule looks for, used to explain missing findings.
    public func judge(catalog: Catalog, document: Document, tradition: Tradition,
                      evidence: [Evidence], rules: [RuleInfo]) -> [Finding] {
        judge(catalog: catalog, document: document, tradition: tradition, evidence: evidence, index: RuleIndex(rules: rules))
    }

    /// Judges `evidence` with the rules already indexed (a rule set keeps its ``RuleIndex``,
    /// so the index is not rebuilt for every document).
    public func judge(catalog: Catalog, document: Document, tradition: Tradition,
                      evidence: [Evidence], index: RuleIndex) -> [Finding] {
        let locator = TextLocator(document.source.utf8)
        var byRequirement: [String: [Evidence]] = [:]
        for e in evidence where !document.isExcluded(e.range) {
            byRequirement[e.requirement, default: []].append(e)
        }

        return catalog.requirements.map { requirement in
            let found = Judge.ordered((byRequirement[requirement.id] ?? []).map { Judge.narrowed($0, for: requirement) },
                                      in: document, breadth: index.breadth)
            let status = Judge.status(of: found)
            // Decisive evidence first: the effect that decided, then the rest.
            let decisive: Effect? = switch status {
            case .conflict: .contradicts
            case .met: .satisfies
            case .partial: .partial
            case .missing: nil
            }
            let ordered = found.filter { $0.effect == decisive } + found.filter { $0.effect != decisive }
            let items = Judge.deduplicated(ordered).map { EvidenceItem($0, locator: locator) }
            let looked = index.rulesByRequirement[requirement.id] ?? []
            let through = ordered.first.flatMap { Judge.definitionTravelled($0, in: document, area: requirement.area) }
            let explanation = status == .missing ? index.missingExplanation(requirement.id, in: document.languages)
                : Judge.explain(status: status, evidence: ordered, looked: looked, through: through)
            let first = status == .missing ? nil : ordered.first
            let reason = FindingReason.of(status: status, decisive: first, summary: first.flatMap { e in looked.first { $0.id == e.rule }?.summary },
                                          area: requirement.area, travelled: through == nil ? nil : first?.provision,
                                          inOffence: first.map { Judge.rank($0, in: document) == 0 } ?? false)
            return Finding(
                requirement: requirement.id, area: requirement.area, title: requirement.title,
                obligation: requirement.obligation, status: status, sources: requirement.sources,
                evidence: items,
                recommendation: status == .met ? nil : requirement.recommendation,
                drafting: status == .met ? nil : requirement.drafting(for: tradition),
                explanation: explanation, reason: reason)
        }
    }

    /// `evidence` in ``evidenceOrder(_:_:in:breadth:)``, each item's breadth and rank computed
    /// once rather than in every comparison (the comparisons, and so the order, are the same).
    static func ordered(_ evidence: [Evidence], in document: Document, breadth: [String: Int]) -> [Evidence] {
        guard evidence.count > 1 else { return evidence }
        let keyed = evidence.map { e in (broad: (breadth[e.rule] ?? 1) > 3, rank: rank(e, in: document), evidence: e) }
        return keyed.sorted { a, b in
            if a.broad != b.broad { return !a.broad }
            return a.rank != b.rank ? a.rank < b.rank : evidenceOrder(a.evidence, b.evidence)
        }.map(\.evidence)
    }

    /// The status that a set of evidence argues for (JUDGING: conflict > met > partial > missing).
    public static func status(of evidence: [Evidence]) -> Status {
        if evidence.contains(where: { $0.effect == .contradicts }) { return .conflict }
        if evidence.contains(where: { $0.effect == .satisfies }) { return .met }
        if evidence.contains(where: { $0.effect == .partial }) { return .partial }
        return .missing
    }

    /// Satisfying evidence beside a qualifier of a kind that narrows the requirement ("only
    /// child victims", "the court may" where a duty is asked) does only part of what the
    /// requirement asks: it argues for `partial`, and says why.
    static func narrowed(_ e: Evidence, for requirement: Requirement) -> Evidence {
        guard e.effect == .satisfies, let q = e.qualifiers.first(where: { requirement.narrowedBy.contains($0.kind) }) else { return e }
        var narrowed = e
        narrowed.effect = .partial
        narrowed.note = "narrowed by “\(q.quote)”: \(q.summary) [\(q.qualifier)]" + (e.note.map { "; \($0)" } ?? "")
        return narrowed
    }

    /// Where evidence stands: 0 inside a provision that defines or creates the trafficking
    /// offence, 1 in what the offence uses (a definition, a referenced section), 2 elsewhere.
    /// The words inside the offence are the decisive ones (issue: "transfer" quoted from a
    /// section the offence only uses).
    static func rank(_ e: Evidence, in document: Document) -> Int {
        guard let p = document.provision(at: e.range.lowerBound) else { return 2 }
        if document.traffickingOffences.contains(document.section(of: p)) { return 0 }
        return document.isInTraffickingScope(e.range.lowerBound) ? 1 : 2
    }

    /// For a definition element met outside the offence itself, through a section the offence
    /// uses: the words that say so (JUDGING rule 4).
    static func definitionTravelled(_ e: Evidence, in document: Document, area: String) -> String? {
        guard area == "definition", e.effect != .contradicts, !document.traffickingOffences.isEmpty,
              rank(e, in: document) == 1, let at = e.provision else { return nil }
        return "found in \(at), which the trafficking offence uses (JUDGING rule 4: definitions travel)"
    }

    static func evidenceOrder(_ a: Evidence, _ b: Evidence) -> Bool {
        if a.range.lowerBound != b.range.lowerBound { return a.range.lowerBound < b.range.lowerBound }
        if a.range.upperBound != b.range.upperBound { return a.range.upperBound < b.range.upperBound }
        return a.rule < b.rule
    }

    /// Evidence that names what the requirement asks comes before evidence of a rule that
    /// bears on many requirements at once (JUDGING rule 12's "no means needed" reaches all
    /// eight means: "by force" says more than "for the purpose of exploitation"); then
    /// evidence inside the offence, then what it uses, then the rest; in text order within each.
    static func evidenceOrder(_ a: Evidence, _ b: Evidence, in document: Document, breadth: [String: Int] = [:]) -> Bool {
        let sa = (breadth[a.rule] ?? 1) > 3, sb = (breadth[b.rule] ?? 1) > 3
        if sa != sb { return !sa }
        let ra = rank(a, in: document), rb = rank(b, in: document)
        return ra != rb ? ra < rb : evidenceOrder(a, b)
    }

    /// Drops repeats of the same span and effect found by several rules (keeps the first).
    static func deduplicated(_ evidence: [Evidence]) -> [Evidence] {
        var seen = Set<String>()
        return evidence.filter { seen.insert("\($0.range.lowerBound):\($0.range.upperBound):\($0.effect.rawValue)").inserted }
    }

    static func explain(status: Status, evidence: [Evidence], looked: [RuleInfo], through: String? = nil) -> String {
        let rules = looked.map(\.id).sorted()
        switch status {
        case .missing:
            if rules.isEmpty { return "No rule of the active plugin analyses this requirement; nothing was found." }
            return "Nothing in the operative text matched: looked for " + looked.sorted { $0.id < $1.id }
                .map { "\($0.summary) [\($0.id)]" }.joined(separator: "; ") + "."
        default:
            guard let first = evidence.first else { return "" }
            let at = first.provision.map { " in \($0)" } ?? ""
            let why: String = switch status {
            case .conflict: "The text contradicts the requirement"
            case .met: "The text meets the requirement"
            case .partial: "The text meets the requirement only in part"
            case .missing: ""
            }
            let note = first.note.map { " (\($0))" } ?? ""
            let travelled = through.map { " — \($0)" } ?? ""
            return "\(why)\(at): “\(first.quote)”\(note)\(travelled) [\(first.rule)]."
        }
    }
}

/// The rules of a rule set as the judge reads them, built once per rule set: the rules that
/// bear on each requirement, how many requirements each rule bears on, and the explanation of
/// a requirement nothing was found for.
///
/// Laws: `rulesByRequirement` lists each requirement's rules in rule order; the explanation
/// of a missing requirement is exactly `Judge.explain(status: .missing, evidence: [], looked:)`
/// over those rules — for a document in one language the rules read, over the rules of that
/// language only (an English report does not list what the French rules looked for).
public struct RuleIndex: Sendable {
    public let rulesByRequirement: [String: [RuleInfo]]
    /// By rule id: the number of requirements the rule bears on.
    public let breadth: [String: Int]
    /// By language (primary subtag; "" for every rule), by requirement.
    private let missing: [String: [String: String]]
    private let missingWithoutRules: String

    public init(rules: [RuleInfo]) {
        var rulesByRequirement: [String: [RuleInfo]] = [:]
        var breadth: [String: Int] = [:]
        for r in rules {
            for req in r.requirements { rulesByRequirement[req, default: []].append(r) }
            breadth[r.id] = r.requirements.count
        }
        self.rulesByRequirement = rulesByRequirement
        self.breadth = breadth
        var missing = ["": rulesByRequirement.mapValues { Judge.explain(status: .missing, evidence: [], looked: $0) }]
        for language in Set(rules.flatMap { $0.languages.map(\.primary) }) {
            missing[language] = rulesByRequirement.mapValues { looked in
                Judge.explain(status: .missing, evidence: [], looked: looked.filter { $0.languages.contains { $0.primary == language } })
            }
        }
        self.missing = missing
        missingWithoutRules = Judge.explain(status: .missing, evidence: [], looked: [])
    }

    /// The explanation of a `missing` finding for `requirement`, naming the rules that read
    /// the document's language when it has one the rules read (else every rule).
    public func missingExplanation(_ requirement: String, in languages: LanguageMap = .undetermined) -> String {
        let all = languages.all
        let key = all.count == 1 && missing[all[0].primary] != nil ? all[0].primary : ""
        return missing[key]?[requirement] ?? missingWithoutRules
    }
}
