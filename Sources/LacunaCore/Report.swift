/// The document a report is about.
public struct DocumentInfo: Codable, Sendable, Hashable {
    public var path: String
    public var title: String?
    public var format: String
    /// The tradition whose plugin analysed it.
    public var tradition: Tradition
    /// How the tradition was chosen: `detected` or `given`.
    public var traditionSource: String
    public var contentHash: String
    /// Length in Unicode scalars.
    public var characters: Int
    public var provisions: Int

    public init(path: String, title: String?, format: String, tradition: Tradition, traditionSource: String,
                contentHash: String, characters: Int, provisions: Int) {
        self.path = path
        self.title = title
        self.format = format
        self.tradition = tradition
        self.traditionSource = traditionSource
        self.contentHash = contentHash
        self.characters = characters
        self.provisions = provisions
    }
}

/// Counts that summarise a report.
public struct ReportSummary: Codable, Sendable, Hashable {
    /// Findings by status.
    public var statuses: [String: Int]
    /// Per area: findings by status.
    public var areas: [String: [String: Int]]
    /// Gaps (not met) among mandatory requirements.
    public var mandatoryGaps: Int
    public var conflicts: Int

    public init(findings: [Finding]) {
        var statuses: [String: Int] = [:]
        var areas: [String: [String: Int]] = [:]
        for s in Status.allCases { statuses[s.rawValue] = 0 }
        for f in findings {
            statuses[f.status.rawValue, default: 0] += 1
            areas[f.area, default: [:]][f.status.rawValue, default: 0] += 1
        }
        self.statuses = statuses
        self.areas = areas
        mandatoryGaps = findings.filter { $0.obligation == .mandatory && $0.status.isGap }.count
        conflicts = findings.filter { $0.status == .conflict }.count
    }
}

/// A gap report: versioned, `Codable`, deterministic (no timestamps unless injected).
public struct Report: Codable, Sendable {
    /// Bumped whenever the JSON shape changes incompatibly.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var tool: String
    public var toolVersion: String
    public var catalogVersion: String
    public var rulesVersion: String
    public var document: DocumentInfo
    public var summary: ReportSummary
    /// One per catalog requirement, in catalog order.
    public var findings: [Finding]
    /// When the report was made, only when a caller injects it.
    public var generatedAt: String?

    public init(toolVersion: String, catalogVersion: String, rulesVersion: String, document: DocumentInfo,
                findings: [Finding], generatedAt: String? = nil) {
        schemaVersion = Report.currentSchemaVersion
        tool = "lacuna"
        self.toolVersion = toolVersion
        self.catalogVersion = catalogVersion
        self.rulesVersion = rulesVersion
        self.document = document
        self.findings = findings
        self.summary = ReportSummary(findings: findings)
        self.generatedAt = generatedAt
    }

    /// The finding for a requirement id.
    public func finding(_ requirement: String) -> Finding? {
        findings.first { $0.requirement == requirement }
    }
}
