import Foundation
import GRDB

/// The store's schema, built by GRDB's `DatabaseMigrator`. Migrations are append-only: a
/// released migration is never edited; a change of shape is a new migration.
///
/// The tables and views are documented, with example queries, in `docs/store.md`.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(v1) { db in
            try db.execute(sql: v1Tables)
            try db.execute(sql: v1Views)
        }
        migrator.registerMigration(v2) { db in
            try db.execute(sql: v2Tables)
            try relativisePaths(db)
            try db.execute(sql: v1ViewNames.map { "DROP VIEW \($0);" }.joined(separator: "\n"))
            try db.execute(sql: v2Views)
        }
        // A finding of an area an extract does not contain (`Finding.notInText`): 1, else 0.
        migrator.registerMigration("findings.not_in_text (extracts)") { db in
            try db.execute(sql: "ALTER TABLE findings ADD COLUMN not_in_text INTEGER NOT NULL DEFAULT 0")
        }
        return migrator
    }

    static let v1 = "v1: documents, runs, results, findings, evidence, views"
    static let v2 = "v2: paths relative to the source, retired documents, files skipped, worst status"
    static let v1ViewNames = ["run_summary", "gaps_by_area", "jurisdiction_requirement_matrix", "latest_evidence",
                              "latest_findings", "document_status", "latest_results"]

    /// Documents retired by a complete run that no longer found them; files a run's folder
    /// walk left out.
    static let v2Tables = """
    ALTER TABLE documents ADD COLUMN retired_run_id INTEGER REFERENCES runs(id);
    ALTER TABLE runs ADD COLUMN files_skipped INTEGER NOT NULL DEFAULT 0;
    """

    /// Version 1 knew documents by their absolute path; version 2 by their path relative to
    /// the source (the folder, or the manifest's folder). Each document is renamed relative to
    /// the source of the last run that saw it, when it lies under that folder (or under the
    /// manifest's folder) and no other document already has that name — the most recently
    /// seen first. A document that cannot be renamed keeps its absolute path: the next
    /// complete run analyses its file again under the new name and retires the old row.
    static func relativisePaths(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT d.id, d.path, r.source FROM documents d JOIN runs r ON r.id = d.last_run_id
            WHERE d.path LIKE '/%' ORDER BY d.last_run_id DESC, d.id DESC
            """)
        var taken = Set(try String.fetchAll(db, sql: "SELECT path FROM documents"))
        for row in rows {
            let id: Int64 = row["id"], path: String = row["path"], source: String = row["source"]
            guard source.hasPrefix("/") else { continue }
            let manifestFolder = (source as NSString).deletingLastPathComponent
            let relative = [source, manifestFolder].lazy
                .map { $0.hasSuffix("/") ? $0 : $0 + "/" }
                .first { path.hasPrefix($0) && path.count > $0.count }
                .map { String(path.dropFirst($0.count)) }
            guard let relative, !taken.contains(relative) else { continue }
            try db.execute(sql: "UPDATE documents SET path = ? WHERE id = ?", arguments: [relative, id])
            taken.remove(path)
            taken.insert(relative)
        }
    }

    static let v1Tables = """
    CREATE TABLE areas (
        id        TEXT PRIMARY KEY,
        title     TEXT NOT NULL,
        position  INTEGER NOT NULL
    );
    CREATE TABLE requirements (
        id          TEXT PRIMARY KEY,
        area        TEXT NOT NULL,
        title       TEXT NOT NULL,
        obligation  TEXT NOT NULL,
        position    INTEGER NOT NULL
    );
    CREATE TABLE runs (
        id               INTEGER PRIMARY KEY,
        started_at       TEXT NOT NULL,
        finished_at      TEXT,
        status           TEXT NOT NULL CHECK (status IN ('running', 'complete', 'abandoned')),
        source           TEXT NOT NULL,
        shard            TEXT,
        tradition        TEXT NOT NULL,
        catalog_version  TEXT NOT NULL,
        rules_version    TEXT NOT NULL,
        tool_version     TEXT NOT NULL,
        planned          INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE documents (
        id            INTEGER PRIMARY KEY,
        path          TEXT NOT NULL UNIQUE,
        jurisdiction  TEXT,
        tradition     TEXT,
        title         TEXT,
        year          INTEGER,
        content_hash  TEXT,
        format        TEXT,
        characters    INTEGER,
        provisions    INTEGER,
        last_run_id   INTEGER REFERENCES runs(id)
    );
    CREATE TABLE results (
        id                   INTEGER PRIMARY KEY,
        run_id               INTEGER NOT NULL REFERENCES runs(id),
        document_id          INTEGER NOT NULL REFERENCES documents(id),
        status               TEXT NOT NULL CHECK (status IN ('ok', 'error', 'skipped')),
        error                TEXT,
        content_hash         TEXT,
        tradition_requested  TEXT NOT NULL,
        tradition            TEXT,
        catalog_version      TEXT,
        rules_version        TEXT,
        tool_version         TEXT,
        reading_options      TEXT,
        reused_result_id     INTEGER REFERENCES results(id),
        met                  INTEGER,
        partial              INTEGER,
        missing              INTEGER,
        conflict             INTEGER,
        mandatory_gaps       INTEGER,
        report               TEXT,
        UNIQUE (run_id, document_id)
    );
    CREATE INDEX results_by_document ON results(document_id, id);
    CREATE INDEX results_reusable ON results(document_id, content_hash, status);
    CREATE TABLE findings (
        result_id       INTEGER NOT NULL REFERENCES results(id),
        document_id     INTEGER NOT NULL,
        run_id          INTEGER NOT NULL,
        requirement     TEXT NOT NULL,
        area            TEXT NOT NULL,
        obligation      TEXT NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('met', 'partial', 'missing', 'conflict')),
        evidence_count  INTEGER NOT NULL,
        PRIMARY KEY (result_id, requirement)
    ) WITHOUT ROWID;
    CREATE TABLE evidence (
        result_id     INTEGER NOT NULL REFERENCES results(id),
        requirement   TEXT NOT NULL,
        ordinal       INTEGER NOT NULL,
        section       TEXT,
        start_offset  INTEGER NOT NULL,
        end_offset    INTEGER NOT NULL,
        line          INTEGER NOT NULL,
        column_number INTEGER NOT NULL,
        text          TEXT NOT NULL,
        effect        TEXT NOT NULL,
        rule          TEXT NOT NULL,
        note          TEXT,
        PRIMARY KEY (result_id, requirement, ordinal)
    ) WITHOUT ROWID;
    """

    /// The views. "Latest" means the most recent result of each document, in whatever run;
    /// a `skipped` result (unchanged document) stands for the `ok` result it reuses.
    static let v1Views = """
    CREATE VIEW latest_results AS
    SELECT r.document_id,
           r.id                                  AS result_id,
           COALESCE(r.reused_result_id, r.id)    AS effective_result_id,
           r.run_id, r.status, r.error, r.content_hash, r.tradition_requested, r.tradition,
           r.catalog_version, r.rules_version,
           r.met, r.partial, r.missing, r.conflict, r.mandatory_gaps
    FROM results r
    WHERE r.id = (SELECT MAX(r2.id) FROM results r2 WHERE r2.document_id = r.document_id);

    CREATE VIEW document_status AS
    SELECT d.id AS document_id, d.path, d.jurisdiction, d.title, d.year, d.content_hash,
           lr.tradition, lr.status, lr.error, lr.run_id, lr.effective_result_id AS result_id,
           lr.met, lr.partial, lr.missing, lr.conflict, lr.mandatory_gaps
    FROM documents d
    LEFT JOIN latest_results lr ON lr.document_id = d.id;

    CREATE VIEW latest_findings AS
    SELECT d.id AS document_id, d.path, d.jurisdiction, d.title, d.year, lr.tradition,
           f.requirement, f.area, f.obligation, f.status, f.evidence_count,
           lr.effective_result_id AS result_id, f.run_id
    FROM latest_results lr
    JOIN documents d ON d.id = lr.document_id
    JOIN findings f ON f.result_id = lr.effective_result_id
    WHERE lr.status IN ('ok', 'skipped');

    CREATE VIEW latest_evidence AS
    SELECT lf.document_id, lf.path, lf.jurisdiction, lf.requirement, lf.status,
           e.section, e.start_offset, e.end_offset, e.line, e.column_number, e.text, e.effect, e.rule, e.note
    FROM latest_findings lf
    JOIN evidence e ON e.result_id = lf.result_id AND e.requirement = lf.requirement;

    CREATE VIEW jurisdiction_requirement_matrix AS
    SELECT COALESCE(lf.jurisdiction, '') AS jurisdiction,
           lf.requirement, lf.area, lf.obligation,
           CASE MIN(CASE lf.status WHEN 'met' THEN 0 WHEN 'partial' THEN 1 WHEN 'missing' THEN 2 ELSE 3 END)
               WHEN 0 THEN 'met' WHEN 1 THEN 'partial' WHEN 2 THEN 'missing' ELSE 'conflict' END AS best_status,
           COUNT(*)                      AS documents,
           SUM(lf.status = 'met')        AS met,
           SUM(lf.status = 'partial')    AS partial,
           SUM(lf.status = 'missing')    AS missing,
           SUM(lf.status = 'conflict')   AS conflict
    FROM latest_findings lf
    GROUP BY COALESCE(lf.jurisdiction, ''), lf.requirement;

    CREATE VIEW gaps_by_area AS
    SELECT m.jurisdiction, m.area,
           COUNT(*)                                                    AS requirements,
           SUM(m.best_status = 'met')                                  AS met,
           SUM(m.best_status = 'partial')                              AS partial,
           SUM(m.best_status = 'missing')                              AS missing,
           SUM(m.best_status = 'conflict')                             AS conflict,
           SUM(m.best_status <> 'met')                                 AS gaps,
           SUM(m.best_status <> 'met' AND m.obligation = 'mandatory')  AS mandatory_gaps
    FROM jurisdiction_requirement_matrix m
    GROUP BY m.jurisdiction, m.area;

    CREATE VIEW run_summary AS
    SELECT runs.id AS run_id, runs.started_at, runs.finished_at, runs.status, runs.source, runs.shard,
           runs.tradition, runs.catalog_version, runs.rules_version, runs.tool_version, runs.planned,
           COUNT(results.id)                          AS documents,
           COALESCE(SUM(results.status = 'ok'), 0)      AS analysed,
           COALESCE(SUM(results.status = 'skipped'), 0) AS skipped,
           COALESCE(SUM(results.status = 'error'), 0)   AS errors
    FROM runs
    LEFT JOIN results ON results.run_id = runs.id
    GROUP BY runs.id;
    """

    /// The views of version 2: as version 1's, but documents retired by a complete run are out
    /// of `document_status`, `latest_findings` and everything built on it (the matrix), and
    /// listed in `retired_documents`; the matrix gives the worst status beside the best; run
    /// summaries count the files skipped and the documents retired.
    static let v2Views = """
    CREATE VIEW latest_results AS
    SELECT r.document_id,
           r.id                                  AS result_id,
           COALESCE(r.reused_result_id, r.id)    AS effective_result_id,
           r.run_id, r.status, r.error, r.content_hash, r.tradition_requested, r.tradition,
           r.catalog_version, r.rules_version,
           r.met, r.partial, r.missing, r.conflict, r.mandatory_gaps
    FROM results r
    WHERE r.id = (SELECT MAX(r2.id) FROM results r2 WHERE r2.document_id = r.document_id);

    CREATE VIEW document_status AS
    SELECT d.id AS document_id, d.path, d.jurisdiction, d.title, d.year, d.content_hash,
           lr.tradition, lr.status, lr.error, lr.run_id, lr.effective_result_id AS result_id,
           lr.met, lr.partial, lr.missing, lr.conflict, lr.mandatory_gaps
    FROM documents d
    LEFT JOIN latest_results lr ON lr.document_id = d.id
    WHERE d.retired_run_id IS NULL;

    CREATE VIEW retired_documents AS
    SELECT d.id AS document_id, d.path, d.jurisdiction, d.title, d.year, d.content_hash,
           d.retired_run_id, runs.finished_at AS retired_at,
           lr.status, lr.run_id AS last_run_id, lr.effective_result_id AS result_id
    FROM documents d
    JOIN runs ON runs.id = d.retired_run_id
    LEFT JOIN latest_results lr ON lr.document_id = d.id;

    CREATE VIEW latest_findings AS
    SELECT d.id AS document_id, d.path, d.jurisdiction, d.title, d.year, lr.tradition,
           f.requirement, f.area, f.obligation, f.status, f.evidence_count,
           lr.effective_result_id AS result_id, f.run_id
    FROM latest_results lr
    JOIN documents d ON d.id = lr.document_id
    JOIN findings f ON f.result_id = lr.effective_result_id
    WHERE lr.status IN ('ok', 'skipped') AND d.retired_run_id IS NULL;

    CREATE VIEW latest_evidence AS
    SELECT lf.document_id, lf.path, lf.jurisdiction, lf.requirement, lf.status,
           e.section, e.start_offset, e.end_offset, e.line, e.column_number, e.text, e.effect, e.rule, e.note
    FROM latest_findings lf
    JOIN evidence e ON e.result_id = lf.result_id AND e.requirement = lf.requirement;

    CREATE VIEW jurisdiction_requirement_matrix AS
    SELECT COALESCE(lf.jurisdiction, '') AS jurisdiction,
           lf.requirement, lf.area, lf.obligation,
           CASE MIN(CASE lf.status WHEN 'met' THEN 0 WHEN 'partial' THEN 1 WHEN 'missing' THEN 2 ELSE 3 END)
               WHEN 0 THEN 'met' WHEN 1 THEN 'partial' WHEN 2 THEN 'missing' ELSE 'conflict' END AS best_status,
           CASE MAX(CASE lf.status WHEN 'met' THEN 0 WHEN 'partial' THEN 1 WHEN 'missing' THEN 2 ELSE 3 END)
               WHEN 0 THEN 'met' WHEN 1 THEN 'partial' WHEN 2 THEN 'missing' ELSE 'conflict' END AS worst_status,
           COUNT(*)                      AS documents,
           SUM(lf.status = 'met')        AS met,
           SUM(lf.status = 'partial')    AS partial,
           SUM(lf.status = 'missing')    AS missing,
           SUM(lf.status = 'conflict')   AS conflict
    FROM latest_findings lf
    GROUP BY COALESCE(lf.jurisdiction, ''), lf.requirement;

    CREATE VIEW gaps_by_area AS
    SELECT m.jurisdiction, m.area,
           COUNT(*)                                                    AS requirements,
           SUM(m.best_status = 'met')                                  AS met,
           SUM(m.best_status = 'partial')                              AS partial,
           SUM(m.best_status = 'missing')                              AS missing,
           SUM(m.best_status = 'conflict')                             AS conflict,
           SUM(m.best_status <> 'met')                                 AS gaps,
           SUM(m.best_status <> 'met' AND m.obligation = 'mandatory')  AS mandatory_gaps
    FROM jurisdiction_requirement_matrix m
    GROUP BY m.jurisdiction, m.area;

    CREATE VIEW run_summary AS
    SELECT runs.id AS run_id, runs.started_at, runs.finished_at, runs.status, runs.source, runs.shard,
           runs.tradition, runs.catalog_version, runs.rules_version, runs.tool_version, runs.planned,
           COUNT(results.id)                          AS documents,
           COALESCE(SUM(results.status = 'ok'), 0)      AS analysed,
           COALESCE(SUM(results.status = 'skipped'), 0) AS skipped,
           COALESCE(SUM(results.status = 'error'), 0)   AS errors,
           runs.files_skipped,
           (SELECT COUNT(*) FROM documents d WHERE d.retired_run_id = runs.id) AS retired
    FROM runs
    LEFT JOIN results ON results.run_id = runs.id
    GROUP BY runs.id;
    """
}
