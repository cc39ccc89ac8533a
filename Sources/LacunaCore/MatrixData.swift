/// The jurisdiction × requirement matrix: for each jurisdiction and requirement, the best
/// status any of the jurisdiction's documents reaches (met, then partial, missing, conflict)
/// — or with ``Aggregation/worst`` the worst — over the latest result of every active
/// document. The store computes it; reporters render it.
public struct MatrixData: Sendable, Hashable {
    /// How a cell combines a jurisdiction's documents, in the order met, partial, missing,
    /// conflict: the best status any of them reaches, or the worst.
    public enum Aggregation: String, Sendable, Hashable, CaseIterable {
        case best
        case worst
    }

    public struct AreaInfo: Sendable, Hashable {
        public var id: String
        public var title: String
        public init(id: String, title: String) {
            self.id = id
            self.title = title
        }
    }

    public struct Column: Sendable, Hashable {
        public var requirement: String
        public var area: String
        public var title: String
        public var obligation: Obligation
        public init(requirement: String, area: String, title: String, obligation: Obligation) {
            self.requirement = requirement
            self.area = area
            self.title = title
            self.obligation = obligation
        }
    }

    public struct Cell: Sendable, Hashable {
        /// The best (or worst, see ``MatrixData/aggregation``) status among the jurisdiction's documents.
        public var status: Status
        public var documents: Int
        public var met: Int
        public var partial: Int
        public var missing: Int
        public var conflict: Int
        /// Of the missing, the documents marked as extracts that do not contain the
        /// requirement's area (`Finding.notInText`).
        public var notInText: Int = 0
        public init(status: Status, documents: Int, met: Int, partial: Int, missing: Int, conflict: Int) {
            self.status = status
            self.documents = documents
            self.met = met
            self.partial = partial
            self.missing = missing
            self.conflict = conflict
        }

        /// Missing only because every document missing it is an extract without the area:
        /// "not in this text" rather than a gap.
        public var isNotInText: Bool { status == .missing && missing > 0 && notInText == missing }
    }

    public struct Row: Sendable, Hashable {
        /// Empty when the documents name no jurisdiction.
        public var jurisdiction: String
        /// Documents with findings (latest result ok).
        public var documents: Int
        /// Documents whose latest result is an error (not in the cells).
        public var errors: Int
        public var cells: [String: Cell]
        public init(jurisdiction: String, documents: Int, errors: Int, cells: [String: Cell]) {
            self.jurisdiction = jurisdiction
            self.documents = documents
            self.errors = errors
            self.cells = cells
        }
    }

    public var aggregation: Aggregation
    /// Areas in catalog order.
    public var areas: [AreaInfo]
    /// Requirements in catalog order.
    public var columns: [Column]
    /// Sorted by jurisdiction.
    public var rows: [Row]

    public init(aggregation: Aggregation = .best, areas: [AreaInfo], columns: [Column], rows: [Row]) {
        self.aggregation = aggregation
        self.areas = areas
        self.columns = columns
        self.rows = rows
    }
}
