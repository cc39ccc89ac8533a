import Foundation
import Testing
import LacunaCore
import LacunaReports
import LacunaReaders
@testable import LacunaBench
@_spi(Testing) import LacunaKit

/// A folder of documents for a batch: the three Corpora bills under jurisdiction folders.
enum BatchFixture {
    static let bills = ["common-law-act", "civil-law-code", "weak-draft"]

    static func folder() throws -> URL {
        let dir = try Support.temporaryDirectory()
        for (i, bill) in bills.enumerated() {
            let jurisdiction = ["norland", "valdoria", "eastmarch"][i]
            let sub = dir.appendingPathComponent(jurisdiction)
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Support.root.appendingPathComponent("Corpora/\(bill)/bill.txt"),
                                             to: sub.appendingPathComponent("\(bill).txt"))
        }
        return dir
    }

    static func options(_ source: URL, jobs: Int = 2) -> BatchOptions {
        var o = BatchOptions()
        o.jobs = jobs
        o.source = source.path
        o.now = { "2025-01-01T00:00:00Z" }
        return o
    }

    /// Lines collected from a batch's output callback.
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [BatchLine] = []
        func add(_ l: BatchLine) { lock.withLock { items.append(l) } }
        var all: [BatchLine] { lock.withLock { items } }
    }
}

@Suite(.serialized) struct BatchRunnerTests {
    @Test func aSecondRunSkipsUnchangedDocumentsAndAChangeIsReanalysed() throws {
        let dir = try BatchFixture.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store()
        let runner = BatchRunner(analyzer: Support.analyzer, store: store)
        let items = try BatchInput.walk(dir.path)

        let firstLines = BatchFixture.Lines(), secondLines = BatchFixture.Lines()
        let first = try runner.run(items, options: BatchFixture.options(dir), output: { firstLines.add($0) })
        #expect(first.analysed == 3 && first.skipped == 0 && first.errors == 0)
        #expect(first.run?.status == .complete)

        let second = try runner.run(items, options: BatchFixture.options(dir), output: { secondLines.add($0) })
        #expect(second.analysed == 0, "nothing changed, nothing is analysed again")
        #expect(second.skipped == 3)
        #expect(second.run?.id != first.run?.id)
        // A skipped document's line repeats the stored result.
        #expect(secondLines.all.map(\.status) == [.skipped, .skipped, .skipped])
        for (a, b) in zip(firstLines.all, secondLines.all) {
            #expect(a.path == b.path && a.title == b.title && a.counts == b.counts && a.tradition == b.tradition
                    && a.contentHash == b.contentHash && a.rulesVersion == b.rulesVersion)
            #expect(a.title != nil)
        }

        // Change one file: only it is analysed again.
        let changed = dir.appendingPathComponent("eastmarch/weak-draft.txt")
        let text = try String(contentsOf: changed, encoding: .utf8)
        try Data((text + "\n8. Commencement\nThis Act comes into force on publication.\n").utf8).write(to: changed)
        let third = try runner.run(items, options: BatchFixture.options(dir))
        #expect(third.analysed == 1 && third.skipped == 2)
        let results = try store.results(run: third.run!.id)
        #expect(results.first { $0.status == .ok }?.path == "eastmarch/weak-draft.txt", "known by its path in the folder")

        // A different tradition asked for is a different analysis.
        var civil = BatchFixture.options(dir)
        civil.tradition = "civil-law"
        #expect(try runner.run(items, options: civil).analysed == 3)
        // The same bytes read another way (another encoding) are another text.
        let latin1 = try Analyzer(ingester: Ingester(encoding: .latin1))
        #expect(latin1.readingOptions != Support.analyzer.readingOptions)
        #expect(try BatchRunner(analyzer: latin1, store: store).run(items, options: BatchFixture.options(dir)).analysed == 3)
        // --force analyses everything again.
        var force = BatchFixture.options(dir)
        force.force = true
        #expect(try runner.run(items, options: force).analysed == 3)
    }

    @Test func changedRulesReanalyseEverything() throws {
        let dir = try BatchFixture.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try Store()
        let items = try BatchInput.walk(dir.path)
        let first = try BatchRunner(analyzer: Support.analyzer, store: store).run(items, options: BatchFixture.options(dir))
        let pack = try Support.write("""
        pack: extra
        rules:
          - id: extra.coordination.council
            requirements: [coordination.national-body]
            summary: the Anti-Slavery Council coordinates national action
            patterns: ['\\bAnti-Slavery\\s+Council\\b']
        """, "extra.yml", in: dir)
        let other = try Analyzer(extraPacks: [pack])
        #expect(try other.rulesFingerprint() != Support.analyzer.rulesFingerprint())
        let again = try BatchRunner(analyzer: other, store: store).run(items, options: BatchFixture.options(dir))
        #expect(again.analysed == 3 && again.skipped == 0)
        let before = Set(try store.results(run: first.run!.id).compactMap(\.rulesVersion))
        let after = Set(try store.results(run: again.run!.id).compactMap(\.rulesVersion))
        #expect(!before.isEmpty && before.isDisjoint(with: after))
    }

    @Test func aBadDocumentIsAnErrorAndTheOthersSucceed() throws {
        let dir = try BatchFixture.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Support.write("", "norland/empty.txt", in: dir)
        try Data([0x54, 0x68, 0x65, 0x00, 0x01, 0x02, 0xFF, 0x41]).write(to: dir.appendingPathComponent("norland/binary.txt"))
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00]).write(to: dir.appendingPathComponent("valdoria/law.doc"))
        let store = try Store()
        var items = try BatchInput.walk(dir.path)
        items.append(BatchItem(path: dir.appendingPathComponent("missing.txt").path, jurisdiction: "nowhere"))
        let summary = try BatchRunner(analyzer: Support.analyzer, store: store).run(items, options: BatchFixture.options(dir))
        #expect(summary.analysed == 3)
        #expect(summary.errors == 4)
        #expect(summary.run?.status == .complete)
        let reasons = Dictionary(uniqueKeysWithValues: summary.failures.map { (URL(fileURLWithPath: $0.path).lastPathComponent, $0.reason) })
        #expect(reasons["empty.txt"] == "is empty")
        #expect(reasons["binary.txt"]?.contains("binary") == true)
        #expect(reasons["law.doc"]?.isEmpty == false)
        #expect(reasons["missing.txt"] == "no such file")
        let stored = try store.query("SELECT path, error FROM document_status WHERE status = 'error' ORDER BY path")
        #expect(stored.count == 4)
        #expect(stored.allSatisfy { $0[1]?.isEmpty == false })
        // Errors are tried again next time; the good documents are not.
        let again = try BatchRunner(analyzer: Support.analyzer, store: store).run(items, options: BatchFixture.options(dir))
        #expect(again.skipped == 3 && again.errors == 4 && again.analysed == 0)
    }

    @Test func aStoppedRunResumesWithoutLosingOrRepeatingWork() throws {
        let corpus = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: corpus) }
        _ = try SyntheticCorpus(documents: 8, seed: 7).write(to: corpus)
        let items = try BatchInput.walk(corpus.path)
        #expect(items.count == 8)
        let store = try Store()
        let runner = BatchRunner(analyzer: Support.analyzer, store: store)

        // "Killed" after three commits: the run stays unfinished.
        var stopping = BatchFixture.options(corpus)
        stopping.stopAfter = 3
        let killed = try runner.run(items, options: stopping)
        #expect(killed.stopped)
        #expect(killed.processed == 3)
        let runId = try #require(killed.run?.id)
        #expect(killed.run?.status == .running)
        #expect(try store.results(run: runId).count == 3)

        var resume = BatchFixture.options(corpus)
        resume.resume = true
        let resumed = try runner.run(items, options: resume)
        #expect(resumed.resumed)
        #expect(resumed.run?.id == runId, "the same run continues")
        #expect(resumed.previouslyDone == 3)
        #expect(resumed.processed == 5)
        #expect(resumed.run?.status == .complete)
        #expect(resumed.run?.documents == 8)
        // Every document has exactly one ok result.
        let counts = try store.query("SELECT d.path, COUNT(*) FROM results r JOIN documents d ON d.id = r.document_id WHERE r.status = 'ok' GROUP BY d.path")
        #expect(counts.count == 8)
        #expect(counts.allSatisfy { $0[1] == "1" })

        // Nothing left to resume: a new run, which reuses everything.
        let after = try runner.run(items, options: resume)
        #expect(!after.resumed && after.run?.id != runId && after.skipped == 8)
        #expect(after.notes.contains { $0.contains("nothing to resume") })
    }

    @Test func shardsTogetherEqualOneRun() throws {
        let corpus = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: corpus) }
        _ = try SyntheticCorpus(documents: 12, seed: 3).write(to: corpus)
        let items = try BatchInput.walk(corpus.path)

        func lines(_ shard: Shard?) throws -> [String] {
            let collected = BatchFixture.Lines()
            var o = BatchFixture.options(corpus)
            o.shard = shard
            o.includeReports = true
            _ = try BatchRunner(analyzer: Support.analyzer, store: try Store()).run(items, options: o, output: { collected.add($0) })
            return try collected.all.map { try $0.json() }
        }
        let whole = try lines(nil)
        #expect(whole.count == 12)
        var parts: [String] = []
        for k in 1...3 { parts += try lines(try Shard(index: k, count: 3)) }
        #expect(parts.count == 12)
        #expect(parts.sorted() == whole.sorted())
        // One run emits its lines in input order.
        let paths = try whole.map { try JSONDecoder().decode(BatchLine.self, from: Data($0.utf8)).path }
        #expect(paths == items.map(\.path))
    }

    @Test func linesCarryCountsAndReportsMatchAnalyze() throws {
        let dir = try BatchFixture.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let collected = BatchFixture.Lines()
        var o = BatchFixture.options(dir)
        o.includeReports = true
        let items = try BatchInput.walk(dir.path)
        _ = try BatchRunner(analyzer: Support.analyzer, store: nil).run(items, options: o, output: { collected.add($0) })
        let lines = collected.all
        #expect(lines.map(\.jurisdiction) == ["eastmarch", "norland", "valdoria"])
        for (line, item) in zip(lines, items) {
            let direct = try Support.analyzer.analyze(path: item.path).report
            #expect(line.status == .ok)
            #expect(line.counts == ResultCounts(direct.summary))
            let encoder = JSONReporter.encoder
            #expect(try encoder.encode(line.report) == encoder.encode(direct), "the batch's report is the analyze report")
        }
    }

    @Test func timingTheStagesGivesTheSameReport() throws {
        let path = Support.root.appendingPathComponent("Corpora/civil-law-code/bill.txt").path
        let timer = StageTimer()
        let timed = try Support.analyzer.analyze(path: path, observer: timer).report
        let plain = try Support.analyzer.analyze(path: path).report
        #expect(try JSONReporter.encoder.encode(timed) == JSONReporter.encoder.encode(plain))
        let times = timer.times
        #expect(times.ingest > .zero && times.analyze > .zero && times.segment > .zero)
    }

    @Test func theMatrixCSVOfABatch() throws {
        let dir = try BatchFixture.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Two documents for Norland: the strong act and the weak draft.
        let manifest = try Support.write("""
        path,jurisdiction,year
        norland/common-law-act.txt,Norland,2019
        eastmarch/weak-draft.txt,Norland,2025
        valdoria/civil-law-code.txt,"Valdoria, Republic of",2025
        """, "manifest.csv", in: dir)
        let items = try Manifest.load(path: manifest.path, knownTraditions: Support.analyzer.registry.traditions)
        let store = try Store()
        _ = try BatchRunner(analyzer: Support.analyzer, store: store).run(items, options: BatchFixture.options(manifest))
        let csv = MatrixRenderer.csv(try store.matrix())
        let rows = csv.split(separator: "\r\n").map(String.init)
        let catalog = Support.analyzer.catalog
        #expect(rows[0] == "jurisdiction,documents," + catalog.requirements.map(\.id).joined(separator: ","))
        #expect(rows.count == 3)
        #expect(rows[1].hasPrefix("Norland,2,"))
        #expect(rows[2].hasPrefix("\"Valdoria, Republic of\",1,"))
        // Best status per requirement across Norland's two documents.
        let act = try Support.analyzer.analyze(path: dir.appendingPathComponent("norland/common-law-act.txt").path).report
        let draft = try Support.analyzer.analyze(path: dir.appendingPathComponent("eastmarch/weak-draft.txt").path).report
        let cells = rows[1].split(separator: ",", omittingEmptySubsequences: false).dropFirst(2).map(String.init)
        for (i, r) in catalog.requirements.enumerated() {
            let best = [act.finding(r.id)!.status, draft.finding(r.id)!.status].min { $0.severity < $1.severity }!
            #expect(cells[i] == best.rawValue, "\(r.id)")
        }
        // The weak draft's conflict on consent is hidden by the act, which meets it.
        #expect(draft.findings.contains { $0.status == .conflict })

        let html = MatrixRenderer.html(try store.matrix())
        #expect(html.contains("best status any of them reaches"))
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("http://") && !html.contains("https://"))
        #expect(html.contains("Valdoria, Republic of"))
        #expect(html.contains("@media print"))
        // On screen the table scrolls inside a frame the page's width, the first column and
        // the header sticky (scripts/screenshots.sh --check measures it at 1280 px).
        #expect(html.contains("<div class=\"matrix-frame\">\n<table class=\"matrix\">") && html.contains("</table>\n</div>"))
        #expect(html.contains(".matrix-frame { max-width: 100%;") && html.contains("overflow: auto;"))
        #expect(html.contains(".matrix thead th { position: sticky; top: 0;"))
        #expect(html.contains(".matrix-frame { max-height: none; overflow: visible;"), "in print the whole table shows")
    }

    @Test func theSyntheticCorpusIsReproducible() throws {
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
        let a = SyntheticCorpus(documents: 40, seed: 11)
        let b = SyntheticCorpus(documents: 40, seed: 11)
        let ja = a.jurisdictions
        #expect(ja.map(\.name) == b.jurisdictions.map(\.name))
        for i in [0, 7, 39] { #expect(a.statute(i, jurisdictions: ja) == b.statute(i, jurisdictions: ja)) }
        let c = SyntheticCorpus(documents: 40, seed: 12)
        #expect(a.statute(0, jurisdictions: ja).text != c.statute(0, jurisdictions: c.jurisdictions).text)
        let traditions = Set((0..<40).map { a.statute($0, jurisdictions: ja).tradition })
        #expect(traditions.count >= 2)
    }
}
