/// How one requirement changed between two versions of a bill.
public struct FindingChange: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// A gap in the old draft is met in the new one.
        case gapClosed = "gap-closed"
        /// Met in the old draft, a gap in the new one.
        case gapOpened = "gap-opened"
        /// Another change of status (missing → partial, partial → conflict, ...).
        case statusChanged = "status-changed"
        /// Same status, but the deciding evidence is in another place or wording.
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

/// The difference between the reports on two drafts of a bill.
///
/// Laws: lists only requirements whose status or deciding evidence changed, in catalog
/// order; comparing a report with itself gives no changes.
public struct ReportDiff: Codable, Sendable {
    public static let currentSchemaVersion = 1
    public var schemaVersion = ReportDiff.currentSchemaVersion
    public var old: DocumentInfo
    public var new: DocumentInfo
    public var changes: [FindingChange]
    public var oldSummary: StatusCounts
    public var newSummary: StatusCounts

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
    }

    /// Evidence moved when its section or its words changed (offsets alone shift with any edit above).
    static func moved(_ a: EvidenceItem?, _ b: EvidenceItem?) -> Bool {
        switch (a, b) {
        case (nil, nil): false
        case let (a?, b?): a.section != b.section || a.text != b.text
        default: true
        }
    }

    public func changes(_ kind: FindingChange.Kind) -> [FindingChange] { changes.filter { $0.kind == kind } }
    public var hasRegression: Bool { changes.contains { $0.isRegression } }
}
