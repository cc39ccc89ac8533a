import Foundation
import Testing
import LacunaCore
import LacunaTestSupport
@testable import LacunaBench
import LacunaKit

/// `lacuna batch`, `lacuna matrix` as a user (or a job runner) calls them.
@Suite(.serialized) struct BatchCLITests {
    /// Runs the binary with `input` on standard input.
    static func run(_ arguments: [String], input: String? = nil) throws -> CLI.Result {
        try CLI.run(arguments, input: input)
    }

    static func corpus(_ n: Int, seed: UInt64) throws -> URL {
        let dir = try Support.temporaryDirectory()
        _ = try SyntheticCorpus(documents: n, seed: seed).write(to: dir.appendingPathComponent("laws"))
        return dir
    }

    @Test func aKilledBatchResumesWithoutLosingCommittedWork() throws {
        let dir = try Self.corpus(10, seed: 5)
        defer { try? FileManager.default.removeItem(at: dir) }
        let laws = dir.appendingPathComponent("laws").path
        let db = dir.appendingPathComponent("store.sqlite").path

        // A batch that blocks after its third commit, so that it is killed at a known point.
        let child = Process()
        child.executableURL = try #require(CLI.binary)
        child.arguments = ["batch", laws, "--db", db, "--jobs", "1", "--quiet", "--debug-hang-after", "3"]
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        var committed = 0
        var store: Store?
        for _ in 0..<2400 where child.isRunning && committed < 3 {  // at most two minutes
            if store == nil, FileManager.default.fileExists(atPath: db) { store = try? Store(path: db) }
            if let store, let n = try? store.query("SELECT COUNT(*) FROM results").first?.first, let count = n.flatMap(Int.init) {
                committed = count
            }
            if committed < 3 { usleep(50_000) }
        }
        #expect(child.isRunning, "the child waits to be killed")
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)
        #expect(committed == 3)

        let reopened = try Store(path: db)
        #expect(try reopened.runs().map(\.status) == [.running])
        #expect(try reopened.results().count == 3, "what was committed survives the kill")

        let r = try Self.run(["batch", laws, "--db", db, "--resume", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("resumed 1 (complete)"), "\(r.stdout)")
        let runs = try reopened.runs()
        #expect(runs.count == 1 && runs[0].status == .complete && runs[0].documents == 10)
        let perDocument = try reopened.query("""
            SELECT d.path, SUM(r.status = 'ok'), COUNT(*) FROM documents d JOIN results r ON r.document_id = d.id GROUP BY d.path
            """)
        #expect(perDocument.count == 10)
        #expect(perDocument.allSatisfy { $0[1] == "1" && $0[2] == "1" }, "every document has exactly one result, ok")
    }

    @Test func jsonlShardsFromTheCommandLineEqualOneRun() throws {
        let dir = try Self.corpus(9, seed: 9)
        defer { try? FileManager.default.removeItem(at: dir) }
        let laws = dir.appendingPathComponent("laws").path
        let whole = try Self.run(["batch", laws, "--format", "jsonl", "--no-db", "--quiet"])
        #expect(whole.status == 0, "\(whole.stderr)")
        let wholeLines = whole.stdout.split(separator: "\n").map(String.init)
        #expect(wholeLines.count == 9)
        var parts: [String] = []
        for k in 1...2 {
            let db = dir.appendingPathComponent("shard-\(k).sqlite").path
            let r = try Self.run(["batch", laws, "--format", "jsonl", "--shard", "\(k)/2", "--db", db, "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.contains("shard of"))
            parts += r.stdout.split(separator: "\n").map(String.init)
        }
        #expect(parts.sorted() == wholeLines.sorted())
        for line in wholeLines {
            let l = try JSONDecoder().decode(BatchLine.self, from: Data(line.utf8))
            #expect(l.status == .ok && l.counts != nil && l.jurisdiction != nil && l.report == nil)
        }
    }

    @Test func shardProcessesCanShareOneNewStore() throws {
        let dir = try Self.corpus(8, seed: 6)
        defer { try? FileManager.default.removeItem(at: dir) }
        let laws = dir.appendingPathComponent("laws").path
        let db = dir.appendingPathComponent("shared.sqlite").path
        let errors = (1...4).map { dir.appendingPathComponent("stderr-\($0).txt") }
        let processes = try (1...4).map { k -> Process in
            let p = Process()
            p.executableURL = try #require(CLI.binary)
            p.arguments = ["batch", laws, "--shard", "\(k)/4", "--db", db, "--jobs", "1", "--quiet"]
            p.standardOutput = FileHandle.nullDevice
            FileManager.default.createFile(atPath: errors[k - 1].path, contents: nil)
            p.standardError = try FileHandle(forWritingTo: errors[k - 1])
            try p.run()
            return p
        }
        for p in processes { p.waitUntilExit() }
        for (p, file) in zip(processes, errors) {
            #expect(p.terminationStatus == 0, "\((try? String(contentsOf: file, encoding: .utf8)) ?? "")")
        }
        let store = try Store(path: db)
        let runs = try store.runs()
        #expect(runs.count == 4 && runs.allSatisfy { $0.status == .complete })
        #expect(Set(runs.compactMap(\.shard)) == ["1/4", "2/4", "3/4", "4/4"])
        #expect(try store.query("SELECT COUNT(*), COUNT(DISTINCT document_id) FROM results WHERE status = 'ok'") == [["8", "8"]])
    }

    @Test func aJSONLManifestOnStandardInputAsSparkPipeSendsIt() throws {
        let dir = try Self.corpus(3, seed: 2)
        defer { try? FileManager.default.removeItem(at: dir) }
        let items = try BatchInput.walk(dir.appendingPathComponent("laws").path)
        let input = items.map { "{\"path\": \"\($0.path)\", \"jurisdiction\": \"J-\($0.jurisdiction!)\", \"year\": 2020}" }.joined(separator: "\n") + "\n"
        let r = try Self.run(["batch", "-", "--format", "jsonl", "--no-db", "--reports", "--quiet"], input: input)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = try r.stdout.split(separator: "\n").map { try JSONDecoder().decode(BatchLine.self, from: Data($0.utf8)) }
        #expect(lines.map(\.path) == items.map(\.path))
        #expect(lines.allSatisfy { $0.jurisdiction?.hasPrefix("J-") == true && $0.year == 2020 && $0.report?.findings.count == 69 })
    }

    @Test func matrixFromTheCommandLine() throws {
        let dir = try Self.corpus(6, seed: 4)
        defer { try? FileManager.default.removeItem(at: dir) }
        let laws = dir.appendingPathComponent("laws").path
        let db = dir.appendingPathComponent("m.sqlite").path
        let batch = try Self.run(["batch", laws, "--db", db, "--quiet"])
        #expect(batch.status == 0, "\(batch.stderr)")
        #expect(batch.stdout.contains("run 1 (complete): 6 documents: 6 analysed"), "\(batch.stdout)")
        let csv = try Self.run(["matrix", "--db", db])
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = csv.stdout.split(separator: "\r\n")
        #expect(rows.first?.hasPrefix("jurisdiction,documents,definition.") == true)
        let jurisdictions = Set(try BatchInput.walk(laws).compactMap(\.jurisdiction))
        #expect(rows.count == jurisdictions.count + 1)
        let html = dir.appendingPathComponent("m.html").path
        let h = try Self.run(["matrix", "--db", db, "--format", "html", "-o", html])
        #expect(h.status == 0, "\(h.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("class=\"matrix\""))
        let missing = try Self.run(["matrix", "--db", dir.appendingPathComponent("none.sqlite").path])
        #expect(missing.status == 2 && missing.stderr.contains("no such store"))
        let badManifest = try Support.write("path,year\na.txt,soon\n", "bad.csv", in: dir)
        let bad = try Self.run(["batch", badManifest.path, "--db", db])
        #expect(bad.status == 2 && bad.stderr.contains("bad.csv:2:"), "\(bad.stderr)")
    }

    /// Spark's `pipe` sends an empty partition as empty standard input: zero documents, exit 0,
    /// nothing on standard output (so `checkCode=True` does not fail the job).
    @Test func emptyStandardInputIsZeroDocuments() throws {
        for input in ["", "\n", "  \r\n"] {
            let r = try Self.run(["batch", "-", "--format", "jsonl", "--no-db", "--quiet"], input: input)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.contains("0 documents"), "\(r.stderr)")
        }
        // A manifest file that is empty is still a mistake.
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = try Support.write("", "manifest.csv", in: dir)
        let r = try Self.run(["batch", empty.path, "--no-db"])
        #expect(r.status == 2 && r.stderr.contains("the manifest is empty"), "\(r.stderr)")
    }

    /// `--fail-on-error`: exit 1 when a document could not be read or analysed (0 without it).
    @Test func failOnErrorExitsOneWhenADocumentFailed() throws {
        let dir = try BatchFixture.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("s.sqlite").path
        let clean = try Self.run(["batch", dir.path, "--db", db, "--quiet", "--fail-on-error"])
        #expect(clean.status == 0, "\(clean.stderr)")
        _ = try Support.write("", "norland/empty.txt", in: dir)
        let plain = try Self.run(["batch", dir.path, "--db", db, "--quiet"])
        #expect(plain.status == 0 && plain.stdout.contains("1 error"), "\(plain.stdout)")
        let failing = try Self.run(["batch", dir.path, "--db", db, "--quiet", "--fail-on-error"])
        #expect(failing.status == 1, "\(failing.stderr)")
        #expect(failing.stdout.contains("norland/empty.txt: is empty"), "\(failing.stdout)")
        let jsonl = try Self.run(["batch", dir.path, "--no-db", "--quiet", "--fail-on-error", "--format", "jsonl"])
        #expect(jsonl.status == 1 && jsonl.stdout.split(separator: "\n").count == 4)
    }

    /// A folder's README and LICENSE are skipped and counted, on standard error and in the
    /// summary; a deleted law is retired and the summary says so; `matrix --worst`.
    @Test func skippedFilesRetiredDocumentsAndTheWorstMatrixFromTheCommandLine() throws {
        let dir = try BatchFixture.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let laws = dir.path
        _ = try Support.write("# About this folder\n", "README.md", in: dir)
        _ = try Support.write("Licensed.\n", "norland/LICENSE.txt", in: dir)
        let db = FileManager.default.temporaryDirectory.appendingPathComponent("lacuna-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: db) }
        let first = try Self.run(["batch", laws, "--db", db, "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("3 documents: 3 analysed"), "\(first.stdout)")
        #expect(first.stderr.contains("2 files skipped — 2 documentation files (README, LICENSE ...): README.md, norland/LICENSE.txt"),
                "\(first.stderr)")
        #expect(first.stdout.contains("skipped: 2 files skipped"), "\(first.stdout)")
        #expect(!first.stdout.contains("jurisdiction \"README\"") && !first.stdout.contains("README.md:"))
        let store = try Store(path: db)
        #expect(try store.query("SELECT COUNT(*) FROM documents WHERE path LIKE '%README%' OR path LIKE '%LICENSE%'") == [["0"]])
        #expect(try store.query("SELECT files_skipped FROM run_summary") == [["2"]])

        try FileManager.default.removeItem(at: dir.appendingPathComponent("eastmarch/weak-draft.txt"))
        let second = try Self.run(["batch", laws, "--db", db, "--quiet"])
        #expect(second.stdout.contains("retired: 1 document no longer in the source"), "\(second.stdout)")
        #expect(second.stdout.contains("eastmarch/weak-draft.txt"))
        let best = try Self.run(["matrix", "--db", db])
        let worst = try Self.run(["matrix", "--db", db, "--worst"])
        #expect(best.status == 0 && worst.status == 0)
        #expect(!best.stdout.contains("eastmarch"), "a retired document's jurisdiction leaves the matrix")
        #expect(worst.stdout.split(separator: "\r\n").count == 3)
        let html = try Self.run(["matrix", "--db", db, "--worst", "--format", "html"])
        #expect(html.stdout.contains("worst status any of them has"))
    }
}
