/// The jurisdiction × requirement matrix: for each jurisdiction and requirement, the best
/// status any of the jurisdiction's documents reaches (met, then partial, missing, conflict),
/// over the latest result of every document. The store computes it; reporters render it.
public struct MatrixData: Sendable, Hashable {
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
        /// The best status among the jurisdiction's documents.
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

    /// Areas in catalog order.
    public var areas: [AreaInfo]
    /// Requirements in catalog order.
    public var columns: [Column]
    /// Sorted by jurisdiction.
    public var rows: [Row]

    public init(areas: [AreaInfo], columns: [Column], rows: [Row]) {
        self.areas = areas
        self.columns = columns
        self.rows = rows
    }
}
