/// How the tradition that analysed a document was chosen.
public enum TraditionSource: String, Codable, Sendable, Hashable {
    /// Recognised from the document's wording.
    case detected
    /// Given by the user (`--tradition`, a manifest's `tradition`).
    case given
}

/// The document a report is about.
public struct DocumentInfo: Codable, Sendable, Hashable {
    public var path: String
    public var title: String?
    public var format: String
    /// The tradition whose plugin's numbering conventions segmented it (the first of
    /// ``traditions``), and whose drafting the recommendations suggest.
    public var tradition: Tradition
    /// Every tradition whose rules analysed it: the primary first, then the others in the
    /// registry's order (`common-law`, then `islamic-law` for a mixed system). Nil only in
    /// reports older than the field.
    public var traditions: [Tradition]?
    /// How the tradition was chosen.
    public var traditionSource: TraditionSource
    public var contentHash: String
    /// Length in Unicode scalars.
    public var characters: Int
    public var provisions: Int
    /// The language of the operative text (BCP 47: `en`, `fr`; `und` when too short to
    /// tell, `und-Latn` when no model fits). Nil only in reports older than the field.
    public var language: Language?
    /// Whether a rule pack that ran reads that language; false means the findings do not
    /// assess the document (and the report carries a warning).
    public var languageRead: Bool?
    /// True when the user marked the text as an extract of a law (`--extract`, a manifest's
    /// `extract` column): what it does not contain is "not in this text", not a gap of the law.
    public var extract: Bool?

    public init(path: String, title: String?, format: String, tradition: Tradition, traditionSource: TraditionSource,
                contentHash: String, characters: Int, provisions: Int, language: Language? = nil, languageRead: Bool? = nil,
                traditions: [Tradition]? = nil) {
        self.path = path
        self.title = title
        self.format = format
        self.tradition = tradition
        self.traditionSource = traditionSource
        self.contentHash = contentHash
        self.characters = characters
        self.provisions = provisions
        self.language = language
        self.languageRead = languageRead
        self.traditions = traditions
    }

    /// The title to show: the document's own, or else its file name (never a whole path).
    public var displayTitle: String {
        title ?? DocumentInfo.fileName(path)
    }

    /// The last component of a path (`/laws/norland/act.txt` → `act.txt`).
    public static func fileName(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
    }

    /// The traditions as the command line writes them: `common-law+islamic-law`.
    public var traditionsDescription: String {
        (traditions ?? [tradition]).map(\.rawValue).joined(separator: "+")
    }
}

/// Counts of findings by status.
public struct StatusCounts: Codable, Sendable, Hashable {
    public var met = 0
    public var partial = 0
    public var missing = 0
    public var conflict = 0
    public init() {}
    public init(met: Int, partial: Int, missing: Int, conflict: Int) {
        self.met = met
        self.partial = partial
        self.missing = missing
        self.conflict = conflict
    }
    public var total: Int { met + partial + missing + conflict }
    /// Met as a share of all, 0...1 (1 when there are none).
    public var coverage: Double { total == 0 ? 1 : Double(met) / Double(total) }
    public mutating func add(_ status: Status) {
        switch status {
        case .met: met += 1
        case .partial: partial += 1
        case .missing: missing += 1
        case .conflict: conflict += 1
        }
    }
    public subscript(status: Status) -> Int {
        switch status {
        case .met: met
        case .partial: partial
        case .missing: missing
        case .conflict: conflict
        }
    }
}

/// Coverage of one area, split by obligation.
public struct AreaCoverage: Codable, Sendable, Hashable {
    public var area: String
    public var title: String
    public var all: StatusCounts
    public var mandatory: StatusCounts
    public var recommended: StatusCounts
    public var optional: StatusCounts

    public func counts(_ obligation: Obligation) -> StatusCounts {
        switch obligation {
        case .mandatory: mandatory
        case .recommended: recommended
        case .optional: optional
        }
    }
}

/// The executive summary of a report: counts by status, coverage per area split by
/// obligation, and the most serious findings first (conflicts, then mandatory gaps).
public struct ReportSummary: Codable, Sendable, Hashable {
    /// Findings by status.
    public var statuses: [String: Int]
    public var totals: StatusCounts
    /// By obligation (mandatory, recommended, optional).
    public var obligations: [String: StatusCounts]
    /// One entry per area, in catalog order.
    public var areas: [AreaCoverage]
    /// Gaps (not met) among mandatory requirements.
    public var mandatoryGaps: Int
    public var conflicts: Int
    /// Requirement ids of the gaps, most serious first: conflicts, then mandatory missing,
    /// mandatory partial, recommended, optional; catalog order within each.
    public var mostSerious: [String]
    /// The areas no provision of the text concerns — every requirement of the area missing —
    /// in catalog order (empty when the text touches every area). For an extract, findings
    /// there say nothing of the rest of the law. Nil only in reports older than the field.
    public var notAddressed: [String]?

    public init(findings: [Finding], areas areaList: [Area] = []) {
        var totals = StatusCounts()
        var obligations: [String: StatusCounts] = [:]
        for o in Obligation.allCases { obligations[o.rawValue] = StatusCounts() }
        var order: [String] = areaList.map(\.id)
        var coverage: [String: AreaCoverage] = [:]
        for a in areaList {
            coverage[a.id] = AreaCoverage(area: a.id, title: a.title, all: StatusCounts(), mandatory: StatusCounts(),
                                          recommended: StatusCounts(), optional: StatusCounts())
        }
        for f in findings {
            totals.add(f.status)
            obligations[f.obligation.rawValue, default: StatusCounts()].add(f.status)
            if coverage[f.area] == nil {
                order.append(f.area)
                coverage[f.area] = AreaCoverage(area: f.area, title: f.area, all: StatusCounts(), mandatory: StatusCounts(),
                                                recommended: StatusCounts(), optional: StatusCounts())
            }
            coverage[f.area]!.all.add(f.status)
            switch f.obligation {
            case .mandatory: coverage[f.area]!.mandatory.add(f.status)
            case .recommended: coverage[f.area]!.recommended.add(f.status)
            case .optional: coverage[f.area]!.optional.add(f.status)
            }
        }
        // The same counts, keyed by status name, for the JSON report.
        self.statuses = Dictionary(uniqueKeysWithValues: Status.allCases.map { ($0.rawValue, totals[$0]) })
        self.totals = totals
        self.obligations = obligations
        self.areas = order.compactMap { coverage[$0] }
        mandatoryGaps = findings.filter { $0.obligation == .mandatory && $0.status.isGap }.count
        conflicts = findings.filter { $0.status == .conflict }.count
        mostSerious = ReportSummary.bySeriousness(findings).map(\.requirement)
        notAddressed = self.areas.filter { $0.all.total > 0 && $0.all.missing == $0.all.total }.map(\.area)
    }

    /// Gaps ordered most serious first; stable within a rank (catalog order).
    public static func bySeriousness(_ findings: [Finding]) -> [Finding] {
        func rank(_ f: Finding) -> Int {
            switch (f.status, f.obligation) {
            case (.conflict, _): 0
            case (.missing, .mandatory): 1
            case (.partial, .mandatory): 2
            case (.missing, .recommended): 3
            case (.partial, .recommended): 4
            case (.missing, .optional): 5
            case (.partial, .optional): 6
            default: 7
            }
        }
        return findings.enumerated().filter { $0.element.status.isGap }
            .sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
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
    /// The catalog's areas, in order (ids and titles), for reporters.
    public var areas: [Area]
    /// One per catalog requirement, in catalog order.
    public var findings: [Finding]
    /// When the report was made, only when a caller injects it.
    public var generatedAt: String?
    /// What the reader must know before trusting the findings (the text is in a language no
    /// rule reads ...), one sentence each; nil when there is nothing to say. Every format
    /// shows them first.
    public var warnings: [String]?
    /// The findings shown are only those this filter keeps (`--only`, `--summary`); nil when
    /// every requirement has its finding. The summary always counts every requirement.
    public var filter: FindingFilter?
    /// The review file applied to the findings (`--review`), when one was.
    public var reviewFile: String?
    /// The language the report is written in (`en`, `fr`, `es`): its headings and labels, and
    /// the catalog's words (titles, recommendations, drafting). Keys and enum values stay
    /// English in every language. Nil only in reports older than the field.
    public var reportLanguage: Language?

    public init(toolVersion: String, catalogVersion: String, rulesVersion: String, document: DocumentInfo,
                areas: [Area] = [], findings: [Finding], generatedAt: String? = nil, warnings: [String]? = nil) {
        schemaVersion = Report.currentSchemaVersion
        tool = "lacuna"
        self.toolVersion = toolVersion
        self.catalogVersion = catalogVersion
        self.rulesVersion = rulesVersion
        self.document = document
        self.findings = findings
        self.areas = areas
        self.summary = ReportSummary(findings: findings, areas: areas)
        self.generatedAt = generatedAt
        self.warnings = warnings?.isEmpty == true ? nil : warnings
    }

    /// Marks the document as an extract: every finding of an area the text does not address
    /// (``ReportSummary/notAddressed``) is flagged `notInText`; statuses stay as they are.
    public mutating func markExtract() {
        document.extract = true
        let outside = Set(summary.notAddressed ?? [])
        for i in findings.indices where outside.contains(findings[i].area) { findings[i].notInText = true }
    }

    /// The finding for a requirement id.
    public func finding(_ requirement: String) -> Finding? {
        findings.first { $0.requirement == requirement }
    }
}
