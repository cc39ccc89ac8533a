import Foundation
import GRDB
import LacunaCore

/// A problem with the store file itself (cannot open, not a Lacuna store, newer schema).
public struct StoreError: LacunaError, Equatable {
    public var path: String
    public var problem: String
    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }
    public var location: String? { path }
}

// Stored as their raw strings ('ok', 'mandatory'), the values the schema's views compare with.
extension ResultStatus: DatabaseValueConvertible {}
extension Obligation: DatabaseValueConvertible {}

/// The SQLite store of batch runs (through GRDB): documents with their content hash and
/// metadata, runs with the catalog and rule versions, one result per document per run
/// (ok with the report, error with its reason, or skipped because unchanged), findings and
/// evidence. Views answer the usual questions (`docs/store.md`).
///
/// A file store runs in WAL mode with `synchronous = NORMAL`: each ``record(_:run:)`` is
/// one transaction, and a process killed at any point loses only what it had not committed.
/// Many threads may read and write at once; GRDB serialises the writes.
public final class Store: Sendable {
    /// The file, or `:memory:`.
    public let path: String
    let writer: any DatabaseWriter

    /// Opens (creating when needed) the store at `path` and brings its schema up to date.
    public convenience init(path: String) throws {
        try self.init(path: path, migratingUpTo: nil)
    }

    /// Opens the store at `path`, migrated up to the named migration (nil: all). Tests of the
    /// migrations build an old store with it.
    init(path: String, migratingUpTo target: String?) throws {
        self.path = path
        var config = Configuration()
        config.busyMode = .timeout(60)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        // Shards started together open one new file at once: switching it to WAL can meet
        // another process's lock without waiting on the busy handler, so retry briefly.
        var attempt = 0
        while true {
            attempt += 1
            do {
                writer = try DatabasePool(path: path, configuration: config)
                break
            } catch let error as DatabaseError {
                if attempt < 20, Store.isContention(error) { usleep(UInt32(20_000 * attempt)); continue }
                throw StoreError(path: path, problem: "cannot open the store: \(error.message ?? "SQLite error \(error.resultCode.rawValue)")")
            }
        }
        try migrate(upTo: target)
    }

    /// A store in memory, for tests and one-off runs.
    public init() throws {
        path = ":memory:"
        writer = try DatabaseQueue()
        try migrate()
    }

    private func migrate(upTo target: String? = nil) throws {
        let migrator = StoreSchema.migrator
        // Several processes may open a new store at once (shards sharing one file): the one
        // that loses the race to create the schema sees "already exists", and finds the
        // migration recorded when it looks again.
        var attempt = 0
        while true {
            attempt += 1
            do {
                if try writer.read({ try migrator.hasBeenSuperseded($0) }) {
                    throw StoreError(path: path, problem: "was written by a newer version of Lacuna (unknown schema migrations)")
                }
                if let target { try migrator.migrate(writer, upTo: target) } else { try migrator.migrate(writer) }
                return
            } catch let error as DatabaseError {
                // A migration another process applied first: its tables "already exist", its
                // columns are "duplicate"; on the next attempt the migrator sees it recorded.
                let message = error.message ?? ""
                if attempt < 20, message.contains("already exists") || message.contains("duplicate column") || Store.isContention(error) {
                    usleep(UInt32(20_000 * attempt))
                    continue
                }
                throw StoreError(path: path, problem: "is not a usable Lacuna store: \(error.message ?? "SQLite error \(error.resultCode.rawValue)")")
            }
        }
    }

    /// A read through the store's connection pool, any database error reported as a
    /// ``StoreError`` naming the store (never SQLite's raw message with the SQL).
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try writer.read(body) } catch let error as DatabaseError { throw storeError(error) }
    }

    /// A write transaction, errors reported as in ``read(_:)``.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try writer.write(body) } catch let error as DatabaseError { throw storeError(error) }
    }

    /// One line for a database error: what is wrong with the store and what to do.
    func storeError(_ error: DatabaseError) -> StoreError {
        let message = error.message ?? "SQLite error \(error.resultCode.rawValue)"
        switch error.resultCode.primaryResultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return StoreError(path: path, problem: "the store is damaged (\(message)); move it aside and run the batch again into a new store, or restore a copy")
        case .SQLITE_FULL:
            return StoreError(path: path, problem: "the disk is full (\(message))")
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
            return StoreError(path: path, problem: "the store cannot be written (\(message)); check its permissions and those of its folder")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(path: path, problem: "the store is locked by another process (\(message))")
        default:
            return StoreError(path: path, problem: "store error: \(message)")
        }
    }

    /// Another connection holds a lock the operation could not wait for.
    static func isContention(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
    }

    // MARK: Catalog

    /// Records the catalog's areas and requirements (ids, titles, obligations, order) so the
    /// views and the matrix can name and order them.
    public func syncCatalog(_ catalog: Catalog) throws {
        try write { db in
            for (i, a) in catalog.areas.enumerated() {
                try db.execute(sql: """
                    INSERT INTO areas (id, title, position) VALUES (?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET title = excluded.title, position = excluded.position
                    """, arguments: [a.id, a.title, i])
            }
            for (i, r) in catalog.requirements.enumerated() {
                try db.execute(sql: """
                    INSERT INTO requirements (id, area, title, obligation, position) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET area = excluded.area, title = excluded.title,
                        obligation = excluded.obligation, position = excluded.position
                    """, arguments: [r.id, r.area, r.title, r.obligation.rawValue, i])
            }
        }
    }

    // MARK: Runs

    /// Starts a run and returns its id.
    public func beginRun(_ run: NewRun) throws -> Int64 {
        try write { db in
            try db.execute(sql: """
                INSERT INTO runs (started_at, status, source, shard, tradition, catalog_version, rules_version, tool_version)
                VALUES (?, 'running', ?, ?, ?, ?, ?, ?)
                """, arguments: [run.startedAt, run.source, run.shard, run.tradition, run.catalogVersion,
                                 run.rulesVersion, run.toolVersion])
            return db.lastInsertedRowID
        }
    }

    /// The most recent unfinished run over `source` (and the same shard), if any.
    public func unfinishedRun(source: String, shard: String?) throws -> RunRecord? {
        try read { db in
            try Row.fetchOne(db, sql: Store.runSelect + """
                 WHERE status = 'running' AND source = ? AND shard IS ? ORDER BY run_id DESC LIMIT 1
                """, arguments: [source, shard]).map(Store.runRecord)
        }
    }

    /// Marks every unfinished run over `source` and `shard` but `except` as abandoned.
    @discardableResult
    public func abandonRuns(source: String, shard: String?, except: Int64) throws -> [Int64] {
        try write { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM runs WHERE status = 'running' AND source = ? AND shard IS ? AND id <> ?",
                                         arguments: [source, shard, except])
            try db.execute(sql: "UPDATE runs SET status = 'abandoned' WHERE status = 'running' AND source = ? AND shard IS ? AND id <> ?",
                           arguments: [source, shard, except])
            return ids
        }
    }

    /// Records how many documents the run's input holds, and how many files of its folder the
    /// walk left out.
    public func setPlanned(run: Int64, documents: Int, filesSkipped: Int = 0) throws {
        try write { db in
            try db.execute(sql: "UPDATE runs SET planned = ?, files_skipped = ? WHERE id = ?",
                           arguments: [documents, filesSkipped, run])
        }
    }

    /// Marks a run complete and, with `retiring`, retires in the same transaction the active
    /// documents the run answers for that its source no longer holds. Returns the paths
    /// retired, sorted.
    @discardableResult
    public func finishRun(_ run: Int64, finishedAt: String, retiring: Retirement? = nil) throws -> [String] {
        try write { db in
            var retired: [String] = []
            if let retiring {
                retired = try Store.absent(retiring, db: db)
                let statement = try db.makeStatement(sql: "UPDATE documents SET retired_run_id = ? WHERE path = ?")
                for path in retired { try statement.execute(arguments: [run, path]) }
            }
            try db.execute(sql: "UPDATE runs SET status = 'complete', finished_at = ? WHERE id = ?", arguments: [finishedAt, run])
            return retired
        }
    }

    /// The active documents a retirement would retire, without retiring them: what a run that
    /// did not cover its whole source leaves in the matrix.
    public func absent(_ retirement: Retirement) throws -> [String] {
        try read { db in try Store.absent(retirement, db: db) }
    }

    static func absent(_ retirement: Retirement, db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT path FROM documents WHERE retired_run_id IS NULL ORDER BY path")
            .filter { !retirement.present.contains($0) && retirement.covers($0) }
    }

    public func run(_ id: Int64) throws -> RunRecord? {
        try read { db in
            try Row.fetchOne(db, sql: Store.runSelect + " WHERE run_id = ?", arguments: [id]).map(Store.runRecord)
        }
    }

    /// Every run, oldest first.
    public func runs() throws -> [RunRecord] {
        try read { db in
            try Row.fetchAll(db, sql: Store.runSelect + " ORDER BY run_id").map(Store.runRecord)
        }
    }

    static let runSelect = "SELECT * FROM run_summary"

    static func runRecord(_ row: Row) -> RunRecord {
        RunRecord(id: row["run_id"], startedAt: row["started_at"], finishedAt: row["finished_at"],
                  status: RunStatus(rawValue: row["status"]) ?? .running, source: row["source"], shard: row["shard"],
                  tradition: row["tradition"], catalogVersion: row["catalog_version"], rulesVersion: row["rules_version"],
                  toolVersion: row["tool_version"], planned: row["planned"], documents: row["documents"],
                  analysed: row["analysed"], skipped: row["skipped"], errors: row["errors"],
                  filesSkipped: row["files_skipped"], retired: row["retired"])
    }

    /// The paths of the documents that already have a result in `run`.
    public func documentsWithResult(run: Int64) throws -> Set<String> {
        try read { db in
            Set(try String.fetchAll(db, sql: """
                SELECT d.path FROM results r JOIN documents d ON d.id = r.document_id WHERE r.run_id = ?
                """, arguments: [run]))
        }
    }

    // MARK: Results

    /// The latest `ok` result of the document at `path` with exactly this analysis key.
    public func reusableResult(path: String, key: AnalysisKey) throws -> ReusableResult? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT r.id, r.run_id, r.tradition, r.met, r.partial, r.missing, r.conflict, r.mandatory_gaps, d.title
                FROM results r JOIN documents d ON d.id = r.document_id
                WHERE d.path = ? AND r.status = 'ok' AND r.content_hash = ? AND r.tradition_requested = ? AND r.tradition = ?
                  AND r.catalog_version = ? AND r.rules_version = ? AND r.tool_version = ? AND r.reading_options = ?
                ORDER BY r.id DESC LIMIT 1
                """, arguments: [path, key.contentHash, key.traditionRequested, key.tradition, key.catalogVersion, key.rulesVersion,
                                 key.toolVersion, key.readingOptions])
                .map { row in
                    ReusableResult(id: row["id"], runId: row["run_id"], tradition: row["tradition"],
                                   counts: ResultCounts(met: row["met"], partial: row["partial"], missing: row["missing"],
                                                        conflict: row["conflict"], mandatoryGaps: row["mandatory_gaps"]),
                                   title: row["title"])
                }
        }
    }

    /// Commits the results of some documents in one transaction: the documents' metadata,
    /// one result each, and for analysed ones their findings and evidence.
    public func record(_ results: [DocumentResult], run: Int64) throws {
        guard !results.isEmpty else { return }
        try write { db in
            for result in results { try Store.insert(result, run: run, db: db) }
        }
    }

    static func insert(_ result: DocumentResult, run: Int64, db: Database) throws {
        let meta = result.document
        var title = meta.title
        var format: String?, characters: Int?, provisions: Int?
        if case let .analysed(report, _) = result.outcome {
            title = title ?? report.document.title
            format = report.document.format
            characters = report.document.characters
            provisions = report.document.provisions
        }
        try db.cachedStatement(sql: """
            INSERT INTO documents (path, jurisdiction, tradition, title, year, content_hash, format, characters, provisions, last_run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(path) DO UPDATE SET
                jurisdiction = excluded.jurisdiction, tradition = excluded.tradition,
                title = COALESCE(excluded.title, documents.title), year = excluded.year,
                content_hash = excluded.content_hash,
                format = COALESCE(excluded.format, documents.format),
                characters = COALESCE(excluded.characters, documents.characters),
                provisions = COALESCE(excluded.provisions, documents.provisions),
                last_run_id = excluded.last_run_id, retired_run_id = NULL
            """).execute(arguments: [meta.path, meta.jurisdiction, meta.tradition, title, meta.year, result.contentHash,
                                     format, characters, provisions, run])
        guard let documentId = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM documents WHERE path = ?"),
                                                  arguments: [meta.path]) else {
            throw StoreError(path: meta.path, problem: "document row vanished")
        }
        let counts = result.counts
        var reused: Int64?
        var json: String?
        if case let .reused(r) = result.outcome { reused = r.id }
        if case let .analysed(_, j) = result.outcome { json = j }
        try db.cachedStatement(sql: """
            INSERT INTO results (run_id, document_id, status, error, content_hash, tradition_requested, tradition,
                                 catalog_version, rules_version, tool_version, reading_options, reused_result_id,
                                 met, partial, missing, conflict, mandatory_gaps, report)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [run, documentId, result.status.rawValue, result.error, result.contentHash, result.traditionRequested,
                                     result.tradition, result.catalogVersion, result.rulesVersion, result.toolVersion,
                                     result.readingOptions, reused,
                                     counts?.statuses.met, counts?.statuses.partial, counts?.statuses.missing, counts?.statuses.conflict,
                                     counts?.mandatoryGaps, json])
        guard case let .analysed(report, _) = result.outcome else { return }
        let resultId = db.lastInsertedRowID
        let findingStatement = try db.cachedStatement(sql: """
            INSERT INTO findings (result_id, document_id, run_id, requirement, area, obligation, status, evidence_count, not_in_text)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let evidenceStatement = try db.cachedStatement(sql: """
            INSERT INTO evidence (result_id, requirement, ordinal, section, start_offset, end_offset, line, column_number, text, effect, rule, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for f in report.findings {
            try findingStatement.execute(arguments: [resultId, documentId, run, f.requirement, f.area, f.obligation.rawValue,
                                                     f.status.rawValue, f.evidence.count, f.notInText == true ? 1 : 0])
            for (i, e) in f.evidence.enumerated() {
                try evidenceStatement.execute(arguments: [resultId, f.requirement, i, e.section, e.start, e.end, e.line, e.column, e.text,
                                                          e.effect.rawValue, e.rule, e.note])
            }
        }
    }

    /// The stored JSON report of an `ok` result (or of the result a skipped one reuses).
    public func reportJSON(result: Int64) throws -> String? {
        try read { db in
            try String.fetchOne(db, sql: """
                SELECT o.report FROM results r JOIN results o ON o.id = COALESCE(r.reused_result_id, r.id) WHERE r.id = ?
                """, arguments: [result])
        }
    }

    /// The results of a run, or of every run when `run` is nil, in commit order.
    public func results(run: Int64? = nil) throws -> [ResultRecord] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.id, r.run_id, d.path, d.jurisdiction, r.status, r.error, r.content_hash, r.tradition,
                       r.rules_version, r.reused_result_id, r.met, r.partial, r.missing, r.conflict, r.mandatory_gaps
                FROM results r JOIN documents d ON d.id = r.document_id
                WHERE ? IS NULL OR r.run_id = ?
                ORDER BY r.id
                """, arguments: [run, run]).map { row in
                let met: Int? = row["met"]
                return ResultRecord(
                    id: row["id"], runId: row["run_id"], path: row["path"], jurisdiction: row["jurisdiction"], status: row["status"],
                    error: row["error"], contentHash: row["content_hash"], tradition: row["tradition"],
                    rulesVersion: row["rules_version"], reusedResultId: row["reused_result_id"],
                    counts: met.map { ResultCounts(met: $0, partial: row["partial"], missing: row["missing"],
                                                   conflict: row["conflict"], mandatoryGaps: row["mandatory_gaps"]) })
            }
        }
    }

    /// Runs SQL that writes, as it is (tests build old stores with it).
    func execute(_ sql: String) throws {
        try write { db in try db.execute(sql: sql) }
    }

    /// Runs a read-only SQL query and returns its rows as text (NULL as nil): for tests,
    /// scripts and the examples in `docs/store.md`.
    public func query(_ sql: String, _ arguments: [String] = []) throws -> [[String?]] {
        try read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                row.databaseValues.map { value -> String? in
                    switch value.storage {
                    case .null: nil
                    case let .int64(i): String(i)
                    case let .double(d): String(d)
                    case let .string(s): s
                    case let .blob(b): String(decoding: b, as: UTF8.self)
                    }
                }
            }
        }
    }

    // MARK: Matrix

    /// The jurisdiction × requirement matrix over the latest result of every active (not
    /// retired) document; where a jurisdiction has several, each cell holds the best or the
    /// worst status among them.
    public func matrix(_ aggregation: MatrixData.Aggregation = .best) throws -> MatrixData {
        try read { db in
            let areas = try Row.fetchAll(db, sql: "SELECT id, title FROM areas ORDER BY position").map {
                MatrixData.AreaInfo(id: $0["id"], title: $0["title"])
            }
            let columns = try Row.fetchAll(db, sql: """
                SELECT r.id, r.area, r.title, r.obligation FROM requirements r
                WHERE EXISTS (SELECT 1 FROM findings f WHERE f.requirement = r.id)
                ORDER BY r.position
                """).map {
                MatrixData.Column(requirement: $0["id"], area: $0["area"], title: $0["title"], obligation: $0["obligation"])
            }
            var rows: [String: MatrixData.Row] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT COALESCE(jurisdiction, '') AS jurisdiction,
                       SUM(status IN ('ok', 'skipped')) AS documents, SUM(status = 'error') AS errors
                FROM document_status WHERE status IS NOT NULL GROUP BY 1
                """) {
                let j: String = row["jurisdiction"]
                rows[j] = MatrixData.Row(jurisdiction: j, documents: row["documents"], errors: row["errors"], cells: [:])
            }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM jurisdiction_requirement_matrix") {
                let j: String = row["jurisdiction"]
                let status: String = row[aggregation == .best ? "best_status" : "worst_status"]
                let cell = MatrixData.Cell(status: Status(rawValue: status) ?? .missing, documents: row["documents"],
                                           met: row["met"], partial: row["partial"], missing: row["missing"], conflict: row["conflict"])
                rows[j, default: MatrixData.Row(jurisdiction: j, documents: 0, errors: 0, cells: [:])].cells[row["requirement"]] = cell
            }
            // Findings of extracts that do not contain the requirement's area.
            for row in try Row.fetchAll(db, sql: """
                SELECT COALESCE(d.jurisdiction, '') AS jurisdiction, f.requirement, COUNT(*) AS n
                FROM latest_results lr JOIN documents d ON d.id = lr.document_id
                JOIN findings f ON f.result_id = lr.effective_result_id
                WHERE lr.status IN ('ok', 'skipped') AND f.not_in_text = 1 GROUP BY 1, 2
                """) {
                let j: String = row["jurisdiction"], requirement: String = row["requirement"]
                rows[j]?.cells[requirement]?.notInText = row["n"]
            }
            return MatrixData(aggregation: aggregation, areas: areas, columns: columns,
                              rows: rows.values.sorted { ($0.jurisdiction.lowercased(), $0.jurisdiction) < ($1.jurisdiction.lowercased(), $1.jurisdiction) })
        }
    }
}
