import GRDB

/// The store's schema, built by GRDB's `DatabaseMigrator`. Migrations are append-only: a
/// released migration is never edited; a change of shape is a new migration.
///
/// The tables and views are documented, with example queries, in `docs/store.md`.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: documents, runs, results, findings, evidence, views") { db in
            try db.execute(sql: v1Tables)
            try db.execute(sql: v1Views)
        }
        // A finding of an area an extract does not contain (`Finding.notInText`): 1, else 0.
        migrator.registerMigration("findings.not_in_text (extracts)") { db in
            try db.execute(sql: "ALTER TABLE findings ADD COLUMN not_in_text INTEGER NOT NULL DEFAULT 0")
        }
        return migrator
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
}
