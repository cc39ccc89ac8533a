/// How one requirement changed between two versions of a bill.
public struct FindingChange: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// A gap in the old draft is met in the new one.
        case gapClosed = "gap-closed"
        /// Met in the old draft, a gap in the new one.
        case gapOpened = "gap-opened"
        /// Another change of status (missing → partial, partial → conflict, ...).
        case statusChanged = "status-changed"
        /// Same status, but the deciding evidence quotes other words (a provision renumbered
        /// or moved with the same words is no change).
        case evidenceMoved = "evidence-moved"
    }
    public var requirement: String
    public var title: String
    public var area: String
    public var obligation: Obligation
    public var kind: Kind
    public var before: Status
    public var after: Status
    public var beforeEvidence: EvidenceItem?
    public var afterEvidence: EvidenceItem?
    /// Whether the change makes the law worse (a gap opened, or a status got more severe).
    public var isRegression: Bool { after.severity > before.severity }
}

/// A gap of the new draft that the old one had too.
public struct RemainingGap: Codable, Sendable, Hashable {
    public var requirement: String
    public var title: String
    public var obligation: Obligation
    public var before: Status
    public var after: Status
}

/// The difference between the reports on two drafts of a bill.
///
/// Laws: `changes` lists only requirements whose status or deciding words changed, in
/// catalog order; `remaining` every gap of the new draft that was a gap in the old one, most
/// serious first; `redlines` (only from analyses, which have the texts) the provisions cited
/// by a change whose wording differs between the drafts. Comparing a report with itself
/// gives no changes and no redlines.
public struct ReportDiff: Codable, Sendable {
    public static let currentSchemaVersion = 1
    public var schemaVersion = ReportDiff.currentSchemaVersion
    public var old: DocumentInfo
    public var new: DocumentInfo
    public var changes: [FindingChange]
    public var oldSummary: StatusCounts
    public var newSummary: StatusCounts
    /// The gaps the new draft still has.
    public var remaining: [RemainingGap] = []
    /// Word-by-word, the provisions whose findings changed.
    public var redlines: [Redline] = []

    /// The difference of two analyses: the reports' difference and the redlines of the
    /// provisions the changes cite.
    public init(old: Analysis, new: Analysis) {
        self.init(old: old.report, new: new.report)
        redlines = ReportDiff.redlines(changes, old: old.document, new: new.document)
    }

    public init(old: Report, new: Report) {
        self.old = old.document
        self.new = new.document
        oldSummary = old.summary.totals
        newSummary = new.summary.totals
        let before = Dictionary(old.findings.map { ($0.requirement, $0) }, uniquingKeysWith: { a, _ in a })
        var changes: [FindingChange] = []
        for after in new.findings {
            guard let b = before[after.requirement] else { continue }
            let kind: FindingChange.Kind
            if b.status != after.status {
                if b.status.isGap && !after.status.isGap { kind = .gapClosed } else if !b.status.isGap && after.status.isGap { kind = .gapOpened } else { kind = .statusChanged }
            } else if ReportDiff.moved(b.evidence.first, after.evidence.first) {
                kind = .evidenceMoved
            } else {
                continue
            }
            changes.append(FindingChange(requirement: after.requirement, title: after.title, area: after.area,
                                         obligation: after.obligation, kind: kind, before: b.status, after: after.status,
                                         beforeEvidence: b.evidence.first, afterEvidence: after.evidence.first))
        }
        self.changes = changes
        remaining = ReportSummary.bySeriousness(new.findings).compactMap { f in
            guard let b = before[f.requirement], b.status.isGap else { return nil }
            return RemainingGap(requirement: f.requirement, title: f.title, obligation: f.obligation, before: b.status, after: f.status)
        }
    }

    /// Evidence moved when its words changed: offsets shift with any edit above, and a
    /// renumbered provision with the same words says the same thing.
    static func moved(_ a: EvidenceItem?, _ b: EvidenceItem?) -> Bool {
        switch (a, b) {
        case (nil, nil): false
        case let (a?, b?): a.text != b.text
        default: true
        }
    }

    /// The redline of every provision cited by a change's evidence (old or new), once each,
    /// in the order of the changes; provisions whose words are the same in both drafts have none.
    static func redlines(_ changes: [FindingChange], old: Document, new: Document) -> [Redline] {
        var order: [String] = [], requirements: [String: [String]] = [:]
        for c in changes {
            for citation in Set([c.beforeEvidence?.section, c.afterEvidence?.section].compactMap { $0 }).sorted() {
                if requirements[citation] == nil { order.append(citation) }
                if requirements[citation]?.contains(c.requirement) != true { requirements[citation, default: []].append(c.requirement) }
            }
        }
        return order.compactMap { citation in
            let before = text(of: citation, in: old) ?? "", after = text(of: citation, in: new) ?? ""
            guard before.split(whereSeparator: \.isWhitespace) != after.split(whereSeparator: \.isWhitespace) else { return nil }
            return Redline(citation: citation, requirements: requirements[citation] ?? [], pieces: Redline.pieces(old: before, new: after))
        }
    }

    /// The words of the provision with this citation (the first, if several share it).
    static func text(of citation: String, in document: Document) -> String? {
        document.provisions.first { $0.citation == citation }.map { document.source.slice($0.range) }
    }

    public func changes(_ kind: FindingChange.Kind) -> [FindingChange] { changes.filter { $0.kind == kind } }
    public var hasRegression: Bool { changes.contains { $0.isRegression } }
}
