/// How strongly the instruments ask for a requirement.
public enum Obligation: String, Codable, Sendable, CaseIterable, Comparable {
    case mandatory, recommended, optional

    private var rank: Int {
        switch self {
        case .mandatory: 0
        case .recommended: 1
        case .optional: 2
        }
    }
    public static func < (a: Obligation, b: Obligation) -> Bool { a.rank < b.rank }
}

/// One requirement of the catalog (`ModelLaw/`): what a law must do, where the instruments
/// ask for it, and what to recommend when a law falls short.
public struct Requirement: Codable, Sendable, Hashable, Identifiable {
    /// Stable id shared with `spec/requirements.tsv`, e.g. `definition.act.recruitment`.
    public let id: String
    /// The area id, the first component of `id` (e.g. `definition`).
    public let area: String
    /// A short human title.
    public let title: String
    public let obligation: Obligation
    /// Instrument articles, e.g. `Protocol art. 3(a)`.
    public let sources: [String]
    /// What the law must do.
    public let asks: String
    /// What wording contradicts the requirement, when a conflict is possible.
    public let conflictWhen: String?
    /// What to add or change when the requirement is not met.
    public let recommendation: String
    /// Suggested drafting by tradition id (`common-law`, `civil-law`).
    public let drafting: [String: String]
    /// The kinds of qualifier (`some-victims`, `discretion`, `cooperation`) that make
    /// satisfying evidence only part of what this requirement asks: JUDGING rule 14, each
    /// limit counts once, under the requirement that asks about it.
    public let narrowedBy: Set<String>

    public init(id: String, area: String, title: String, obligation: Obligation, sources: [String],
                asks: String, conflictWhen: String?, recommendation: String, drafting: [String: String],
                narrowedBy: Set<String> = []) {
        self.narrowedBy = narrowedBy
        self.id = id
        self.area = area
        self.title = title
        self.obligation = obligation
        self.sources = sources
        self.asks = asks
        self.conflictWhen = conflictWhen
        self.recommendation = recommendation
        self.drafting = drafting
    }

    /// The drafting suggestion for a tradition, falling back to the closest available.
    public func drafting(for tradition: Tradition) -> String? {
        if let own = drafting[tradition.rawValue] { return own }
        // Islamic-law jurisdictions mostly codify in the civil-law style.
        if tradition == .islamicLaw, let civil = drafting[Tradition.civilLaw.rawValue] { return civil }
        return drafting[Tradition.commonLaw.rawValue] ?? drafting.sorted { $0.key < $1.key }.first?.value
    }
}

/// An area of the catalog (definition, criminalization, ...), in catalog order.
public struct Area: Codable, Sendable, Hashable, Identifiable {
    public let id: String
    public let title: String
    public let summary: String
    public init(id: String, title: String, summary: String) {
        self.id = id
        self.title = title
        self.summary = summary
    }
}

/// The requirement catalog: every requirement a report judges, in a fixed order.
public struct Catalog: Sendable {
    public let areas: [Area]
    public let requirements: [Requirement]
    /// A content hash of the catalog; a batch re-runs documents when it changes.
    public let version: String
    private let index: [String: Int]

    public init(areas: [Area], requirements: [Requirement], version: String) {
        self.areas = areas
        self.requirements = requirements
        self.version = version
        var index: [String: Int] = [:]
        for (i, r) in requirements.enumerated() { index[r.id] = i }
        self.index = index
    }

    public subscript(id: String) -> Requirement? { index[id].map { requirements[$0] } }
    public func contains(_ id: String) -> Bool { index[id] != nil }
    /// The catalog position of a requirement (used to order findings deterministically).
    public func position(of id: String) -> Int? { index[id] }

    /// The requirement with id `id`, or a ``UsageError`` quoting it, with the nearest id
    /// when one is a slip away (`definition.consent-irrelevent`).
    public func requirement(_ id: String) throws -> Requirement {
        if let r = self[id] { return r }
        var message = "unknown requirement \"\(id)\""
        let near = requirements.map { ($0.id, Catalog.distance($0.id, id)) }.min { $0.1 < $1.1 }
        if let near, near.1 <= max(2, id.count / 8) { message += "; did you mean \(near.0)?" }
        throw UsageError(message + " (`lacuna catalog` lists them)")
    }

    /// Levenshtein distance between two short strings.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let old = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = old
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
