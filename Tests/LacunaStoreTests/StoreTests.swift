import Foundation
import Testing
import LacunaCore
@testable import LacunaStore

/// Small catalogs and reports built by hand, so the store is tested without the analyzer.
enum Fixture {
    static let requirements: [(id: String, area: String, obligation: Obligation)] = [
        ("definition.act.recruitment", "definition", .mandatory),
        ("definition.means.force", "definition", .mandatory),
        ("criminalization.attempt", "criminalization", .recommended),
    ]

    static let catalog = Catalog(
        areas: [Area(id: "definition", title: "Definition", summary: ""),
                Area(id: "criminalization", title: "Criminalization", summary: "")],
        requirements: requirements.map {
            Requirement(id: $0.id, area: $0.area, title: "Title of \($0.id)", obligation: $0.obligation, sources: [],
                        asks: "", conflictWhen: nil, recommendation: "Do it.", drafting: [:])
        },
        version: "catalog-1")

    static func report(_ path: String, hash: String = "h", _ statuses: [Status]) -> Report {
        let findings = zip(requirements, statuses).map { r, status in
            Finding(requirement: r.id, area: r.area, title: "Title of \(r.id)", obligation: r.obligation, status: status,
                    sources: ["Protocol art. 3"],
                    evidence: status == .missing ? [] : [
                        EvidenceItem(section: "s. 3(1)", start: 10, end: 18, line: 2, column: 4, text: "recruits", effect: .satisfies,
                                     rule: "test.rule", note: nil),
                        EvidenceItem(section: nil, start: 40, end: 44, line: 3, column: 1, text: "uses", effect: .partial,
                                     rule: "test.other", note: "a note"),
                    ],
                    recommendation: status == .met ? nil : "Do it.", drafting: nil, explanation: "because")
        }
        let info = DocumentInfo(path: path, title: "An Act", format: "text", tradition: .commonLaw, traditionSource: .detected,
                                contentHash: hash, characters: 120, provisions: 4)
        return Report(toolVersion: "0.1.0", catalogVersion: "catalog-1", rulesVersion: "rules-1", document: info,
                      areas: catalog.areas, findings: findings)
    }

    static func analysed(_ path: String, jurisdiction: String?, hash: String = "h", _ statuses: [Status]) throws -> DocumentResult {
        let r = report(path, hash: hash, statuses)
        let json = String(decoding: try JSONEncoder().encode(r), as: UTF8.self)
        return DocumentResult(document: DocumentMetadata(path: path, jurisdiction: jurisdiction, title: nil, year: 2019),
                              traditionRequested: "auto", tradition: "common-law", contentHash: hash, catalogVersion: "catalog-1",
                              rulesVersion: "rules-1", toolVersion: "0.1.0", outcome: .analysed(r, json: json))
    }

    static func failed(_ path: String, jurisdiction: String?, _ reason: String) -> DocumentResult {
        DocumentResult(document: DocumentMetadata(path: path, jurisdiction: jurisdiction), traditionRequested: "auto", tradition: nil,
                       contentHash: nil, catalogVersion: "catalog-1", rulesVersion: nil, toolVersion: "0.1.0", outcome: .failed(reason))
    }

    static func newRun(_ source: String = "/corpus", shard: String? = nil, at: String = "2025-01-01T00:00:00Z") -> NewRun {
        NewRun(source: source, shard: shard, tradition: "auto", catalogVersion: "catalog-1", rulesVersion: "rules-1",
               toolVersion: "0.1.0", startedAt: at)
    }

    static func store() throws -> Store {
        let s = try Store()
        try s.syncCatalog(catalog)
        return s
    }
}

@Suite struct StoreTests {
    @Test func aResultRoundTrips() throws {
        let store = try Fixture.store()
        let run = try store.beginRun(Fixture.newRun())
        let result = try Fixture.analysed("/corpus/a.txt", jurisdiction: "Norland", [.met, .partial, .missing])
        try store.record([result], run: run)

        let results = try store.results(run: run)
        #expect(results.count == 1)
        #expect(results[0].path == "/corpus/a.txt")
        #expect(results[0].jurisdiction == "Norland")
        #expect(results[0].status == .ok)
        #expect(results[0].counts == ResultCounts(met: 1, partial: 1, missing: 1, conflict: 0, mandatoryGaps: 1))

        // The report comes back as it went in.
        let json = try #require(try store.reportJSON(result: results[0].id))
        let report = try JSONDecoder().decode(Report.self, from: Data(json.utf8))
        #expect(report.findings.map(\.status) == [.met, .partial, .missing])
        #expect(report.document.path == "/corpus/a.txt")

        // Findings and evidence are rows.
        let findings = try store.query("SELECT requirement, status, evidence_count FROM findings WHERE result_id = ? ORDER BY requirement",
                                       [String(results[0].id)])
        #expect(findings == [["criminalization.attempt", "missing", "0"], ["definition.act.recruitment", "met", "2"],
                             ["definition.means.force", "partial", "2"]])
        let evidence = try store.query("""
            SELECT section, start_offset, end_offset, line, column_number, text, effect, rule, note FROM evidence
            WHERE requirement = 'definition.act.recruitment' ORDER BY ordinal
            """)
        #expect(evidence == [["s. 3(1)", "10", "18", "2", "4", "recruits", "satisfies", "test.rule", nil],
                             [nil, "40", "44", "3", "1", "uses", "partial", "test.other", "a note"]])
        // The document row takes the report's title when the input gives none, and the metadata.
        #expect(try store.query("SELECT title, year, content_hash, characters FROM documents") == [["An Act", "2019", "h", "120"]])
    }

    @Test func aRunRecordsItsVersionsAndCompletes() throws {
        let store = try Fixture.store()
        let run = try store.beginRun(Fixture.newRun(shard: "2/4"))
        try store.setPlanned(run: run, documents: 2)
        try store.record([try Fixture.analysed("/corpus/a.txt", jurisdiction: "A", [.met, .met, .met]),
                          Fixture.failed("/corpus/b.txt", jurisdiction: "A", "is empty")], run: run)
        var record = try #require(try store.run(run))
        #expect(record.status == .running)
        #expect(record.shard == "2/4")
        #expect(record.catalogVersion == "catalog-1" && record.rulesVersion == "rules-1" && record.toolVersion == "0.1.0")
        #expect(record.planned == 2 && record.documents == 2 && record.analysed == 1 && record.errors == 1)
        #expect(try store.unfinishedRun(source: "/corpus", shard: "2/4")?.id == run)
        #expect(try store.unfinishedRun(source: "/corpus", shard: nil) == nil)
        #expect(try store.documentsWithResult(run: run) == ["/corpus/a.txt", "/corpus/b.txt"])
        try store.finishRun(run, finishedAt: "2025-01-01T00:01:00Z")
        record = try #require(try store.run(run))
        #expect(record.status == .complete)
        #expect(record.finishedAt == "2025-01-01T00:01:00Z")
        #expect(try store.unfinishedRun(source: "/corpus", shard: "2/4") == nil)
    }

    @Test func anErrorIsRecordedWithItsReason() throws {
        let store = try Fixture.store()
        let run = try store.beginRun(Fixture.newRun())
        try store.record([Fixture.failed("/corpus/bin.txt", jurisdiction: nil, "looks binary (a NUL byte at offset 3)")], run: run)
        #expect(try store.query("SELECT path, status, error FROM document_status")
                == [["/corpus/bin.txt", "error", "looks binary (a NUL byte at offset 3)"]])
        #expect(try store.query("SELECT COUNT(*) FROM findings") == [["0"]])
    }

    @Test func onlyAnOkResultWithTheSameKeyIsReusable() throws {
        let store = try Fixture.store()
        let run = try store.beginRun(Fixture.newRun())
        try store.record([try Fixture.analysed("/corpus/a.txt", jurisdiction: "A", hash: "h1", [.met, .met, .missing])], run: run)
        let key = AnalysisKey(contentHash: "h1", traditionRequested: "auto", tradition: "common-law", catalogVersion: "catalog-1",
                              rulesVersion: "rules-1", toolVersion: "0.1.0")
        let reusable = try #require(try store.reusableResult(path: "/corpus/a.txt", key: key))
        #expect(reusable.counts.statuses.met == 2 && reusable.tradition == "common-law")
        var other = key
        other.contentHash = "h2"
        #expect(try store.reusableResult(path: "/corpus/a.txt", key: other) == nil)
        other = key
        other.rulesVersion = "rules-2"
        #expect(try store.reusableResult(path: "/corpus/a.txt", key: other) == nil)
        other = key
        other.catalogVersion = "catalog-2"
        #expect(try store.reusableResult(path: "/corpus/a.txt", key: other) == nil)
        other = key
        other.traditionRequested = "civil-law"
        #expect(try store.reusableResult(path: "/corpus/a.txt", key: other) == nil)
        other = key
        other.tradition = "civil-law"
        #expect(try store.reusableResult(path: "/corpus/a.txt", key: other) == nil)
        other = key
        other.toolVersion = "0.2.0"
        #expect(try store.reusableResult(path: "/corpus/a.txt", key: other) == nil)
        other = key
        other.readingOptions = "latin-1"
        #expect(try store.reusableResult(path: "/corpus/a.txt", key: other) == nil)
        #expect(try store.reusableResult(path: "/corpus/b.txt", key: key) == nil)

        // A skipped result in a later run stands for the one it reuses in the views.
        let run2 = try store.beginRun(Fixture.newRun(at: "2025-01-02T00:00:00Z"))
        try store.record([DocumentResult(document: DocumentMetadata(path: "/corpus/a.txt", jurisdiction: "A"), traditionRequested: "auto",
                                         tradition: "common-law", contentHash: "h1", catalogVersion: "catalog-1", rulesVersion: "rules-1",
                                         toolVersion: "0.1.0", outcome: .reused(reusable))], run: run2)
        #expect(try store.query("SELECT status, run_id, result_id FROM document_status") == [["skipped", String(run2), String(reusable.id)]])
        #expect(try store.query("SELECT COUNT(*) FROM latest_findings") == [["3"]])
        #expect(try store.query("SELECT COUNT(*) FROM latest_evidence") == [["4"]])
        let skipped = try #require(try store.results(run: run2).first)
        #expect(skipped.reusedResultId == reusable.id)
        #expect(try store.reportJSON(result: skipped.id) == store.reportJSON(result: reusable.id))
    }

    @Test func theLatestResultOfADocumentWins() throws {
        let store = try Fixture.store()
        let run1 = try store.beginRun(Fixture.newRun())
        try store.record([try Fixture.analysed("/corpus/a.txt", jurisdiction: "A", hash: "h1", [.met, .met, .met])], run: run1)
        let run2 = try store.beginRun(Fixture.newRun())
        try store.record([Fixture.failed("/corpus/a.txt", jurisdiction: "A", "is empty")], run: run2)
        #expect(try store.query("SELECT status, error FROM document_status") == [["error", "is empty"]])
        #expect(try store.query("SELECT COUNT(*) FROM latest_findings") == [["0"]])
        let run3 = try store.beginRun(Fixture.newRun())
        try store.record([try Fixture.analysed("/corpus/a.txt", jurisdiction: "A", hash: "h2", [.missing, .met, .met])], run: run3)
        #expect(try store.query("SELECT requirement, status FROM latest_findings ORDER BY requirement LIMIT 1")
                == [["criminalization.attempt", "met"]])
        #expect(try store.query("SELECT content_hash FROM documents") == [["h2"]])
    }

    @Test func theMatrixTakesTheBestStatusPerJurisdiction() throws {
        let store = try Fixture.store()
        let run = try store.beginRun(Fixture.newRun())
        try store.record([
            try Fixture.analysed("/c/n1.txt", jurisdiction: "Norland", [.missing, .partial, .conflict]),
            try Fixture.analysed("/c/n2.txt", jurisdiction: "Norland", [.met, .missing, .missing]),
            try Fixture.analysed("/c/v.txt", jurisdiction: "Valdoria", [.conflict, .missing, .partial]),
            Fixture.failed("/c/x.txt", jurisdiction: "Xland", "is empty"),
        ], run: run)
        let m = try store.matrix()
        #expect(m.areas.map(\.id) == ["definition", "criminalization"])
        #expect(m.columns.map(\.requirement) == Fixture.requirements.map(\.id))
        #expect(m.rows.map(\.jurisdiction) == ["Norland", "Valdoria", "Xland"])
        let norland = m.rows[0]
        #expect(norland.documents == 2)
        #expect(norland.cells["definition.act.recruitment"]?.status == .met)
        #expect(norland.cells["definition.means.force"]?.status == .partial)
        #expect(norland.cells["criminalization.attempt"]?.status == .missing)
        #expect(norland.cells["criminalization.attempt"]?.conflict == 1)
        #expect(m.rows[1].cells["definition.act.recruitment"]?.status == .conflict)
        #expect(m.rows[2].documents == 0 && m.rows[2].errors == 1 && m.rows[2].cells.isEmpty)

        let gaps = try store.query("SELECT jurisdiction, area, requirements, met, gaps, mandatory_gaps FROM gaps_by_area ORDER BY 1, 2")
        #expect(gaps == [["Norland", "criminalization", "1", "0", "1", "0"], ["Norland", "definition", "2", "1", "1", "1"],
                         ["Valdoria", "criminalization", "1", "0", "1", "0"], ["Valdoria", "definition", "2", "0", "2", "2"]])
    }

    @Test func abandoningRunsLeavesOtherShardsAlone() throws {
        let store = try Fixture.store()
        let a = try store.beginRun(Fixture.newRun(shard: "1/2"))
        let b = try store.beginRun(Fixture.newRun(shard: "2/2"))
        let c = try store.beginRun(Fixture.newRun(shard: "1/2"))
        #expect(try store.abandonRuns(source: "/corpus", shard: "1/2", except: c) == [a])
        #expect(try store.run(a)?.status == .abandoned)
        #expect(try store.run(b)?.status == .running)
        #expect(try store.unfinishedRun(source: "/corpus", shard: "1/2")?.id == c)
    }

    @Test func aFileStoreSurvivesReopening() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lacuna-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.sqlite").path
        do {
            let store = try Store(path: path)
            try store.syncCatalog(Fixture.catalog)
            let run = try store.beginRun(Fixture.newRun())
            try store.record([try Fixture.analysed("/c/a.txt", jurisdiction: "A", [.met, .met, .met])], run: run)
        }
        let reopened = try Store(path: path)
        #expect(try reopened.results().count == 1)
        #expect(try reopened.query("PRAGMA journal_mode") == [["wal"]])
        #expect(try reopened.matrix().rows.map(\.jurisdiction) == ["A"])
    }

    @Test func severalWritersCanOpenANewStoreAtOnce() throws {
        // As shards sharing one file do: each opens (and would migrate) the same new store.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lacuna-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("shared.sqlite").path
        let failures = FailureList()
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            do {
                let store = try Store(path: path)
                let run = try store.beginRun(Fixture.newRun(shard: "\(i + 1)/4"))
                try store.record([try Fixture.analysed("/c/\(i).txt", jurisdiction: "J", [.met, .met, .met])], run: run)
            } catch {
                failures.add("\(error)")
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        #expect(try Store(path: path).results().count == 4)
    }

    /// A store written before paths were relative (schema v1, absolute paths) keeps working:
    /// opening it renames each document relative to the source of its last run, so the next
    /// run over the same folder finds every result; the new views are there.
    @Test func aVersion1StoreIsMigratedToPathsRelativeToTheSource() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lacuna-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("old.sqlite").path
        do {
            let old = try Store(path: path, migratingUpTo: StoreSchema.v1)
            try old.execute("""
                INSERT INTO runs (id, started_at, status, source, tradition, catalog_version, rules_version, tool_version, planned)
                VALUES (1, 't', 'complete', '/data/laws', 'auto', 'catalog-1', 'rules-1', '0.1.0', 2),
                       (2, 't', 'complete', '/data/lists/manifest.csv', 'auto', 'catalog-1', 'rules-1', '0.1.0', 2),
                       (3, 't', 'complete', '/elsewhere/laws', 'auto', 'catalog-1', 'rules-1', '0.1.0', 1);
                INSERT INTO documents (id, path, jurisdiction, content_hash, last_run_id) VALUES
                    (1, '/data/laws/norland/act.txt', 'norland', 'h', 1),
                    (2, '/data/laws/valdoria/code.txt', 'valdoria', 'h', 1),
                    (3, '/data/lists/eastmarch/draft.txt', 'eastmarch', 'h', 2),
                    (4, '/outside/other.txt', 'x', 'h', 2),
                    (5, '/elsewhere/laws/norland/act.txt', 'norland', 'h', 3);
                INSERT INTO results (run_id, document_id, status, content_hash, tradition_requested, tradition, catalog_version,
                                     rules_version, tool_version, reading_options, met, partial, missing, conflict, mandatory_gaps)
                VALUES (1, 1, 'ok', 'h', 'auto', 'common-law', 'catalog-1', 'rules-1', '0.1.0', '', 3, 0, 0, 0, 0);
                """)
            #expect(throws: (any Error).self) { try old.query("SELECT worst_status FROM jurisdiction_requirement_matrix") }
        }
        let store = try Store(path: path)
        // The most recently seen of two documents that would take one name keeps it.
        #expect(try store.query("SELECT id, path FROM documents ORDER BY id") == [
            ["1", "/data/laws/norland/act.txt"], ["2", "valdoria/code.txt"], ["3", "eastmarch/draft.txt"],
            ["4", "/outside/other.txt"], ["5", "norland/act.txt"]])
        let key = AnalysisKey(contentHash: "h", traditionRequested: "auto", tradition: "common-law", catalogVersion: "catalog-1",
                              rulesVersion: "rules-1", toolVersion: "0.1.0")
        #expect(try store.reusableResult(path: "/data/laws/norland/act.txt", key: key) != nil, "results stay with their document")
        #expect(try store.query("SELECT COUNT(*) FROM retired_documents") == [["0"]])
        #expect(try store.query("SELECT run_id, files_skipped, retired FROM run_summary WHERE run_id = 1") == [["1", "0", "0"]])
        #expect(try store.query("SELECT COUNT(worst_status) FROM jurisdiction_requirement_matrix") == [["0"]])
    }

    @Test func retiredDocumentsLeaveTheMatrixAndComeBackWhenSeenAgain() throws {
        let store = try Fixture.store()
        let run = try store.beginRun(Fixture.newRun())
        try store.record([try Fixture.analysed("a.txt", jurisdiction: "N", [.met, .met, .met]),
                          try Fixture.analysed("b.txt", jurisdiction: "N", [.missing, .partial, .conflict])], run: run)
        #expect(try store.matrix().rows[0].cells.values.map(\.status).allSatisfy { $0 == .met })
        #expect(Set(try store.matrix(.worst).rows[0].cells.values.map(\.status)) == [.missing, .partial, .conflict])
        let retirement = Retirement(present: ["b.txt"])
        #expect(try store.absent(retirement) == ["a.txt"])
        #expect(try store.finishRun(run, finishedAt: "t", retiring: retirement) == ["a.txt"])
        #expect(try store.matrix().rows[0].documents == 1)
        #expect(Set(try store.matrix().rows[0].cells.values.map(\.status)) == [.missing, .partial, .conflict])
        #expect(try store.absent(retirement).isEmpty, "a retired document is not retired twice")
        let again = try store.beginRun(Fixture.newRun())
        try store.record([try Fixture.analysed("a.txt", jurisdiction: "N", [.met, .met, .met])], run: again)
        #expect(try store.matrix().rows[0].documents == 2)
        #expect(try store.query("SELECT COUNT(*) FROM retired_documents") == [["0"]])
    }

    @Test func aFileThatIsNotAStoreIsAClearError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lacuna-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("notes.txt").path
        try Data(String(repeating: "not a database\n", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try Store(path: path) }
    }

    /// A store whose header and schema survive but whose data pages are damaged used to give
    /// SQLite's raw message, with the SQL and without the file: now one line naming the store.
    @Test func aDamagedStoreIsAOneLineErrorNamingTheFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lacuna-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("damaged.sqlite").path
        do {
            let store = try Store(path: path)
            try store.syncCatalog(Fixture.catalog)
            let run = try store.beginRun(Fixture.newRun())
            for i in 0..<300 {
                try store.record([try Fixture.analysed("/c/\(i).txt", jurisdiction: "J\(i % 7)", [.met, .partial, .missing])], run: run)
            }
        }
        var data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(data.count > 64 * 4096, "the store is large enough to damage only its later pages")
        var seed: UInt64 = 7
        for i in (data.count / 2)..<(data.count - 4096) {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            data[i] = UInt8(truncatingIfNeeded: seed >> 33)
        }
        try Data(data).write(to: URL(fileURLWithPath: path))
        do {
            let store = try Store(path: path)
            _ = try store.matrix()
            _ = try store.results()
            Issue.record("a damaged store was read without an error")
        } catch let e as StoreError {
            #expect(e.location == path)
            #expect(e.problem.contains("damaged"), "\(e)")
            #expect(!e.description.contains("\n") && !e.description.contains("SELECT"), "\(e)")
        }
    }
}

final class FailureList: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ s: String) { lock.withLock { items.append(s) } }
    var all: [String] { lock.withLock { items } }
}

@Suite struct ResultCountsTests {
    /// The JSONL `counts` and the store's columns: one flat object, whatever holds the statuses.
    @Test func encodedFlatAndBack() throws {
        let counts = ResultCounts(met: 1, partial: 2, missing: 3, conflict: 4, mandatoryGaps: 5)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = try encoder.encode(counts)
        #expect(String(decoding: json, as: UTF8.self) == #"{"conflict":4,"mandatoryGaps":5,"met":1,"missing":3,"partial":2}"#)
        #expect(try JSONDecoder().decode(ResultCounts.self, from: json) == counts)
    }
}
