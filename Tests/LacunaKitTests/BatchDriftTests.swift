import Foundation
import Testing
import LacunaCore
import LacunaReports
@testable import LacunaBench
@_spi(Testing) import LacunaKit

/// The store follows its corpus (issue 12, "the batch store drifts from the corpus"):
/// deleted laws retired, documents known by their path in the source, folders walked with
/// documentation files and links accounted for.
@Suite(.serialized) struct BatchDriftTests {
    static func listing(_ dir: URL) throws -> BatchListing { try BatchInput.walkListing(dir.path) }

    static func statuses(_ m: MatrixData, _ jurisdiction: String) -> [String: Status] {
        (m.rows.first { $0.jurisdiction == jurisdiction }?.cells ?? [:]).mapValues(\.status)
    }

    /// Norland has a strong act and a weak draft that replaces it. Under "best status" the act
    /// hides the draft's gaps; once the act is deleted from the folder, a complete run retires
    /// it, and the matrix shows the draft's own statuses.
    @Test func aCompleteRunRetiresADeletedLawAndItsMetCellsNoLongerHideTheGaps() throws {
        let dir = try BatchFixture.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let draftFile = dir.appendingPathComponent("norland/weak-draft.txt")
        try FileManager.default.moveItem(at: dir.appendingPathComponent("eastmarch/weak-draft.txt"), to: draftFile)
        let store = try Store()
        let runner = BatchRunner(analyzer: Support.analyzer, store: store)
        let first = try runner.run(try Self.listing(dir), options: BatchFixture.options(dir))
        #expect(first.analysed == 3 && first.retired.isEmpty)

        let act = try Support.analyzer.analyze(path: dir.appendingPathComponent("norland/common-law-act.txt").path).report
        let draft = try Support.analyzer.analyze(path: draftFile.path).report
        let requirements = Support.analyzer.catalog.requirements.map(\.id)
        let hidden = requirements.filter { act.finding($0)!.status == .met && draft.finding($0)!.status != .met }
        #expect(!hidden.isEmpty, "the act meets requirements the draft does not")
        let best = Self.statuses(try store.matrix(), "norland")
        let worst = Self.statuses(try store.matrix(.worst), "norland")
        for id in requirements {
            let pair = [act.finding(id)!.status, draft.finding(id)!.status]
            #expect(best[id] == pair.min { $0.severity < $1.severity }, "\(id)")
            #expect(worst[id] == pair.max { $0.severity < $1.severity }, "\(id)")
        }
        #expect(try store.matrix(.worst).aggregation == .worst)
        #expect(MatrixRenderer.html(try store.matrix(.worst)).contains("worst status any of them has"))

        // The act is repealed: deleted from the folder.
        try FileManager.default.removeItem(at: dir.appendingPathComponent("norland/common-law-act.txt"))
        let second = try runner.run(try Self.listing(dir), options: BatchFixture.options(dir))
        #expect(second.retired == ["norland/common-law-act.txt"])
        #expect(second.run?.retired == 1)
        let after = Self.statuses(try store.matrix(), "norland")
        for id in requirements { #expect(after[id] == draft.finding(id)!.status, "\(id)") }
        for id in hidden { #expect(after[id] != .met, "\(id): the repealed act's met cell no longer hides the gap") }
        #expect(try store.matrix().rows.first { $0.jurisdiction == "norland" }?.documents == 1)
        // Kept in the history: its results stay, and it is listed as retired.
        #expect(try store.query("SELECT path, retired_run_id FROM retired_documents")
                == [["norland/common-law-act.txt", String(second.run!.id)]])
        #expect(try store.query("SELECT COUNT(*) FROM results r JOIN documents d ON d.id = r.document_id WHERE d.path = 'norland/common-law-act.txt'") == [["1"]])
        #expect(try store.query("SELECT COUNT(*) FROM document_status WHERE path = 'norland/common-law-act.txt'") == [["0"]])

        // Restored, it is active again (and reused: its content is unchanged).
        try FileManager.default.copyItem(at: Support.root.appendingPathComponent("Corpora/common-law-act/bill.txt"),
                                         to: dir.appendingPathComponent("norland/common-law-act.txt"))
        let third = try runner.run(try Self.listing(dir), options: BatchFixture.options(dir))
        #expect(third.skipped == 3 && third.analysed == 0 && third.retired.isEmpty)
        #expect(try store.query("SELECT COUNT(*) FROM retired_documents") == [["0"]])
        #expect(Self.statuses(try store.matrix(), "norland") == best)
    }

    /// Only a run that covered the whole source, to the end, retires: not one stopped part
    /// way, not a manifest on standard input, not an empty folder, not `--keep-missing`; a
    /// shard retires only documents of its own shard; a resumed run retires when it finishes.
    @Test func onlyACompleteRunOverTheWholeSourceRetires() throws {
        let corpus = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: corpus) }
        _ = try SyntheticCorpus(documents: 8, seed: 21).write(to: corpus)
        let store = try Store()
        let runner = BatchRunner(analyzer: Support.analyzer, store: store)
        let all = try Self.listing(corpus)
        _ = try runner.run(all, options: BatchFixture.options(corpus))
        let gone = Array(all.items.prefix(3))
        for item in gone { try FileManager.default.removeItem(atPath: item.path) }
        let now = try Self.listing(corpus)
        #expect(now.items.count == 5)

        // Standard input: a part of the corpus, perhaps.
        var stdin = BatchFixture.options(corpus)
        stdin.source = "-"
        let partial = try runner.run(BatchListing(items: now.items, complete: false), options: stdin)
        #expect(partial.retired.isEmpty && partial.notes.contains { $0.contains("3 stored document(s) not in this input stay") })
        // --keep-missing.
        var keep = BatchFixture.options(corpus)
        keep.retire = false
        #expect(try runner.run(now, options: keep).retired.isEmpty)
        // An empty source is not the repeal of every law.
        let empty = try runner.run(BatchListing(items: [], complete: true), options: BatchFixture.options(corpus))
        #expect(empty.retired.isEmpty && empty.notes.contains { $0.contains("holds no document") })
        #expect(try store.query("SELECT COUNT(*) FROM document_status") == [["8"]])

        // A shard answers for its own documents only.
        let shard = try Shard(index: 1, count: 2)
        var sharded = BatchFixture.options(corpus)
        sharded.shard = shard
        let one = try runner.run(now, options: sharded)
        #expect(one.retired == gone.map(\.key).filter { shard.contains(key: $0) }.sorted())

        // Stopped part way: nothing retired; resumed to the end: retired.
        var stopping = BatchFixture.options(corpus)
        stopping.stopAfter = 2
        let stopped = try runner.run(now, options: stopping)
        #expect(stopped.stopped && stopped.retired.isEmpty)
        var resume = BatchFixture.options(corpus)
        resume.resume = true
        let resumed = try runner.run(now, options: resume)
        #expect(resumed.resumed && resumed.run?.status == .complete)
        #expect(resumed.retired == gone.map(\.key).filter { !shard.contains(key: $0) }.sorted())
        #expect(Set(try store.query("SELECT path FROM retired_documents").compactMap { $0[0] }) == Set(gone.map(\.key)))
    }

    /// Documents are known by their path in the source: move the folder and run again, and
    /// nothing is analysed again, and the documents keep their ids.
    @Test func movingTheCorpusFolderMakesNoDocumentNew() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try SyntheticCorpus(documents: 6, seed: 4).write(to: dir.appendingPathComponent("laws"))
        let store = try Store()
        let runner = BatchRunner(analyzer: Support.analyzer, store: store)
        let before = dir.appendingPathComponent("laws")
        let first = try runner.run(try Self.listing(before), options: BatchFixture.options(before))
        #expect(first.analysed == 6)
        let ids = try store.query("SELECT id, path FROM documents ORDER BY id")
        #expect(ids.allSatisfy { !($0[1]?.hasPrefix("/") ?? true) }, "paths relative to the folder: \(ids)")

        let moved = dir.appendingPathComponent("archive/laws-2026")
        try FileManager.default.createDirectory(at: moved.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: before, to: moved)
        let second = try runner.run(try Self.listing(moved), options: BatchFixture.options(moved))
        #expect(second.analysed == 0 && second.skipped == 6, "nothing is analysed again")
        #expect(second.retired.isEmpty)
        #expect(try store.query("SELECT id, path FROM documents ORDER BY id") == ids, "the same documents, the same ids")
    }

    /// A manifest names documents relative to its folder: `./a.txt` and `a.txt` are one document.
    @Test func manifestPathsAreNormalisedKeys() throws {
        #expect(BatchItem.normalizedKey("./norland//act.txt") == "norland/act.txt")
        #expect(BatchItem.normalizedKey("norland/../valdoria/./code.txt") == "valdoria/code.txt")
        #expect(BatchItem.normalizedKey("../shared/a.txt") == "../shared/a.txt")
        #expect(BatchItem.normalizedKey("/data/./laws/../laws/a.txt") == "/data/laws/a.txt")
        let items = try Manifest.parse("path\n./a.txt\nsub/../b.txt\n", format: .csv, file: "m.csv", base: "/data",
                                       knownTraditions: Support.analyzer.registry.traditions)
        #expect(items.map(\.storePath) == ["a.txt", "b.txt"])
        #expect(items.map(\.path) == ["/data/./a.txt", "/data/sub/../b.txt"])
    }
}

/// What a folder walk leaves out, and says it left out.
@Suite struct FolderWalkTests {
    @Test func documentationFilesAreSkippedAndCounted() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("norland"), withIntermediateDirectories: true)
        for name in ["README.md", "readme.txt", "norland/README-fr.md", "LICENSE", "CHANGELOG.md", "NOTICE.txt", "CONTRIBUTING.md",
                     "norland/act.md", "norland/notice-of-repeal.txt", "norland/history-of-the-act.txt", "norland/data.csv"] {
            _ = try Support.write("text", name, in: dir)
        }
        let listing = try BatchInput.walkListing(dir.path)
        #expect(listing.items.map(\.key) == ["norland/act.md", "norland/history-of-the-act.txt", "norland/notice-of-repeal.txt"])
        let byReason = Dictionary(grouping: listing.skipped, by: \.reason).mapValues { $0.map(\.path).sorted() }
        #expect(byReason[.documentation] == ["CHANGELOG.md", "CONTRIBUTING.md", "LICENSE", "NOTICE.txt", "README.md",
                                            "norland/README-fr.md", "readme.txt"])
        #expect(byReason[.otherType] == ["norland/data.csv"])
        #expect(listing.complete)
        let summary = try #require(listing.skippedSummary)
        #expect(summary.hasPrefix("8 files skipped — 7 documentation files"), "\(summary)")
        #expect(summary.contains("1 file of a type a batch does not read: norland/data.csv"), "\(summary)")
        #expect(!BatchInput.isDocumentationFile("penal-code.md") && BatchInput.isDocumentationFile("Licence"))
    }

    @Test func symbolicLinksAreFollowedAndLoopsReported() throws {
        let dir = try Support.temporaryDirectory()
        let outside = try Support.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: dir)
            try? FileManager.default.removeItem(at: outside)
        }
        let fm = FileManager.default
        for sub in ["norland", "valdoria"] { try fm.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true) }
        try fm.createDirectory(at: outside.appendingPathComponent("eastmarch"), withIntermediateDirectories: true)
        _ = try Support.write("act", "norland/act.txt", in: dir)
        _ = try Support.write("code", "eastmarch/code.txt", in: outside)
        _ = try Support.write("penal", "penal.txt", in: outside)
        // A linked folder and a linked file, both outside the folder: followed.
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("eastmarch").path,
                                  withDestinationPath: outside.appendingPathComponent("eastmarch").path)
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("valdoria/penal.txt").path,
                                  withDestinationPath: outside.appendingPathComponent("penal.txt").path)
        // A loop (a link to its own parent), a link to itself, a broken link, and a second
        // name for a file already listed.
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("norland/again").path, withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("valdoria/self.txt").path, withDestinationPath: "self.txt")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("valdoria/gone.txt").path, withDestinationPath: "nowhere.txt")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("norland/current.txt").path, withDestinationPath: "act.txt")

        let listing = try BatchInput.walkListing(dir.path)
        #expect(listing.items.map(\.key) == ["eastmarch/code.txt", "norland/act.txt", "valdoria/penal.txt"])
        #expect(listing.items.map(\.jurisdiction) == ["eastmarch", "norland", "valdoria"])
        let reasons = Dictionary(uniqueKeysWithValues: listing.skipped.map { ($0.path, $0.reason) })
        #expect(reasons == ["norland/again": .linkLoop, "valdoria/self.txt": .linkLoop, "valdoria/gone.txt": .brokenLink,
                            "norland/current.txt": .sameFile])
        #expect(listing.skipped.first { $0.reason == .sameFile }?.sameAs == "norland/act.txt")
        #expect(listing.complete, "links are not folders that could not be listed")
        // The linked documents are read through their links.
        let summary = try BatchRunner(analyzer: Support.analyzer, store: nil).run(listing, options: BatchFixture.options(dir))
        #expect(summary.failures.map(\.reason).allSatisfy { !$0.contains("no such file") }, "\(summary.failures)")
        #expect(summary.processed == 3)
    }
}
