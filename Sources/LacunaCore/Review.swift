/// A reviewer's decision on one finding, as a review file (`--review review.yml`) records it.
public struct ReviewEntry: Sendable, Hashable {
    /// What the reviewer decided.
    public enum Decision: Sendable, Hashable {
        /// The tool's finding is right (its status when reviewed).
        case accept
        /// The status is this one instead.
        case status(Status)
    }

    public var requirement: String
    public var decision: Decision
    public var note: String?
    public var who: String?
    public var when: String?
    /// ``Finding/evidenceFingerprint`` when the review was written; nil when unknown (an
    /// entry written by hand), and then never stale.
    public var evidence: String?
    /// The tool's status when the review was written.
    public var tool: Status?
    /// The line of the entry in its file, for messages.
    public var line: Int?

    public init(requirement: String, decision: Decision, note: String? = nil, who: String? = nil, when: String? = nil,
                evidence: String? = nil, tool: Status? = nil, line: Int? = nil) {
        self.requirement = requirement
        self.decision = decision
        self.note = note
        self.who = who
        self.when = when
        self.evidence = evidence
        self.tool = tool
        self.line = line
    }
}

/// A review file: the decisions of reviewers on the findings of one document.
public struct ReviewFile: Sendable, Hashable {
    /// Where it was read from (reports name it).
    public var path: String
    public var entries: [ReviewEntry]

    public init(path: String, entries: [ReviewEntry]) {
        self.path = path
        self.entries = entries
    }
}

/// A mistake in a review file, with the file and line.
public struct ReviewError: LacunaError, Equatable {
    public var file: String
    public var line: Int?
    public var problem: String

    public init(file: String, line: Int?, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var location: String? { line.map { "\(file):\($0)" } ?? file }
}

/// What a report shows of the review of a finding: the tool's status, the reviewer's, the
/// note, and whether the evidence has changed since the review.
///
/// Laws: when `stale` is false the finding's status is `status`; when it is true the
/// finding keeps the tool's status (`toolStatus`) — a decision on other words is not applied.
public struct FindingReview: Codable, Sendable, Hashable {
    /// The reviewer's status.
    public var status: Status
    /// The tool's status in this analysis.
    public var toolStatus: Status
    public var note: String?
    public var who: String?
    public var when: String?
    /// The evidence (its words, rules, effects, or the tool's status) differs from what was
    /// reviewed: the decision is shown but not applied.
    public var stale: Bool

    public init(status: Status, toolStatus: Status, note: String?, who: String?, when: String?, stale: Bool) {
        self.status = status
        self.toolStatus = toolStatus
        self.note = note
        self.who = who
        self.when = when
        self.stale = stale
    }

    /// "reviewed: missing (tool: met) — A. Adviser, 2026-12-07 — the note", with "STALE"
    /// and why when it is.
    public var sentence: String {
        var s = "reviewed: \(status.rawValue)"
        s += status == toolStatus ? " (agrees with the tool)" : " (tool: \(toolStatus.rawValue))"
        let by = [who, when].compactMap { $0 }.joined(separator: ", ")
        if !by.isEmpty { s += " — \(by)" }
        if let note { s += " — \(note)" }
        if stale { s += " — STALE: the evidence has changed since this review, so it is not applied; review it again" }
        return s
    }
}

extension Finding {
    /// A fingerprint of what the tool found for this requirement: its status and, for every
    /// piece of evidence, the rule, the effect and the words (not their offsets, so text
    /// added elsewhere does not change it). Sixteen hex digits.
    public var evidenceFingerprint: String {
        var h = StableHash()
        h.combine((review?.toolStatus ?? status).rawValue)
        for e in evidence {
            h.combine(e.rule)
            h.combine(e.effect.rawValue)
            h.combine(e.text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        }
        return h.hex
    }
}

extension Report {
    /// Applies a review file: each entry's decision is recorded on its finding and, unless
    /// the evidence has changed since the review (stale), becomes the finding's status, with
    /// the catalog's recommendation and drafting for a gap; the summary is counted again.
    ///
    /// - Throws: ``ReviewError`` for an entry naming a requirement the catalog does not have,
    ///   or a requirement reviewed twice.
    public mutating func apply(_ file: ReviewFile, catalog: Catalog) throws {
        var seen: [String: Int] = [:]
        for entry in file.entries {
            guard catalog[entry.requirement] != nil, let i = findings.firstIndex(where: { $0.requirement == entry.requirement }) else {
                throw ReviewError(file: file.path, line: entry.line, problem: "no requirement \(entry.requirement) in the catalog (lacuna catalog lists them)")
            }
            if let earlier = seen.updateValue(entry.line ?? 0, forKey: entry.requirement) {
                throw ReviewError(file: file.path, line: entry.line, problem: "\(entry.requirement) is reviewed twice (also on line \(earlier))")
            }
            let tool = findings[i].review?.toolStatus ?? findings[i].status
            let stale = entry.evidence.map { $0 != findings[i].evidenceFingerprint } ?? false
            let decided: Status = switch entry.decision {
            case .accept: entry.tool ?? tool
            case let .status(s): s
            }
            findings[i].review = FindingReview(status: decided, toolStatus: tool, note: entry.note, who: entry.who, when: entry.when, stale: stale)
            let status = stale ? tool : decided
            guard status != findings[i].status, let requirement = catalog[entry.requirement] else { continue }
            findings[i].status = status
            findings[i].recommendation = status == .met ? nil : requirement.recommendation
            findings[i].drafting = status == .met ? nil : requirement.drafting(for: document.tradition)
        }
        reviewFile = file.path
        summary = ReportSummary(findings: findings, areas: areas)
    }
}
