import Foundation
import LacunaCore
import LacunaReports
import LacunaRules
import LacunaReaders

/// How a batch runs.
public struct BatchOptions: Sendable {
    /// Documents analysed at once (one thread each); default: the active processor count.
    public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Bytes of memory the documents analysed at once may hold (``MemoryBudget``): a worker
    /// waits before a document whose estimate does not fit beside the others'. Default: half
    /// the physical memory.
    public var memoryBudget: Int = MemoryBudget.defaultLimit
    /// Continue the last unfinished run over the same input and shard instead of starting one.
    public var resume = false
    /// Only this shard of the input.
    public var shard: Shard?
    /// The tradition for documents whose input names none: `auto` (detect) or a choice.
    public var tradition = "auto"
    /// Re-analyse documents even when an earlier result could be reused.
    public var force = false
    /// Retire, when the run completes over its whole source, the stored documents the source
    /// no longer holds (``Retirement``); false keeps them (`--keep-missing`).
    public var retire = true
    /// Keep the report of a text in a language no rule reads instead of recording an error.
    public var languageAnyway = false
    /// The language of every document instead of the detected one (`--language`).
    public var language: Language?
    /// Put the full report in each output line (``BatchLine/report``).
    public var includeReports = false
    /// The input as the run records it (an absolute path, or `-`).
    public var source = "-"
    /// The clock for the run's start and end times (ISO 8601); injected by tests.
    public var now: @Sendable () -> String = { ISO8601DateFormatter().string(from: Date()) }
    /// Commit at most this many documents, then stop as if killed (the run stays
    /// unfinished): the library-level stand-in for a SIGKILL. A test hook, not API.
    @_spi(Testing) public var stopAfter: Int?
    /// After this many commits, block forever (so a test can SIGKILL the process at a known
    /// point; the CLI's hidden `--debug-hang-after`). A test hook, not API.
    @_spi(Testing) public var hangAfter: Int?
    /// Told of every stage of every document (`lacuna bench` times them).
    public var observer: any StageObserver = NoStageObserver()

    public init() {}
}

/// One output line per document (`--format jsonl`): what a shard prints, so that shards
/// run anywhere can be concatenated.
public struct BatchLine: Codable, Sendable {
    public var path: String
    public var jurisdiction: String?
    public var title: String?
    public var year: Int?
    /// The tradition choice that analysed it (`common-law`, `civil-law+islamic-law`).
    public var tradition: String?
    /// `ok` (analysed), `skipped` (unchanged since a stored result, which it repeats) or `error`.
    public var status: ResultStatus
    public var error: String?
    public var contentHash: String?
    public var counts: ResultCounts?
    public var catalogVersion: String?
    public var rulesVersion: String?
    /// The full report, with `--reports`.
    public var report: Report?

    /// The encoder of output lines: one line, sorted keys.
    public static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    /// The line as JSON, without the line break.
    public func json() throws -> String {
        String(decoding: try BatchLine.encoder.encode(self), as: UTF8.self)
    }
}

/// Where a batch is, after each document.
public struct BatchProgress: Sendable {
    /// Documents finished in this invocation, and how many it has to do.
    public var done: Int
    public var total: Int
    public var analysed: Int
    public var skipped: Int
    public var errors: Int
    public var bytes: Int
    public var elapsed: Duration
    /// The document just finished.
    public var path: String
    public var status: ResultStatus
    public var error: String?
}

/// A document that could not be analysed, and why.
public struct BatchFailure: Sendable, Hashable {
    public var path: String
    public var reason: String
}

/// What a batch did.
public struct BatchSummary: Sendable {
    /// The run as stored (counts over all its invocations), when there is a store.
    public var run: RunRecord?
    /// Whether this invocation continued an unfinished run.
    public var resumed = false
    /// Documents in the input, and in this shard of it.
    public var input = 0
    public var planned = 0
    /// Documents the resumed run had already committed.
    public var previouslyDone = 0
    /// Documents finished in this invocation, by outcome.
    public var processed = 0
    public var analysed = 0
    public var skipped = 0
    public var errors = 0
    public var failures: [BatchFailure] = []
    /// Bytes of text read in this invocation.
    public var bytes = 0
    public var wall: Duration = .zero
    public var jobs = 1
    /// The memory budget of the run (``BatchOptions/memoryBudget``), the most of it its
    /// documents held at once (by estimate), the most documents analysed at once, and how
    /// many documents waited for memory before they were read.
    public var memoryBudget = 0
    public var peakReserved = 0
    public var mostAtOnce = 0
    public var waitedForMemory = 0
    /// Things the user should know (duplicates ignored, runs abandoned ...).
    public var notes: [String] = []
    /// Files of the folder the walk left out, and why.
    public var skippedFiles: [SkippedFile] = []
    /// One sentence on ``skippedFiles`` (``BatchListing/skippedSummary``).
    public var skippedSummary: String?
    /// The stored documents this run retired (it covered its whole source and they are no
    /// longer in it), sorted.
    public var retired: [String] = []
    /// The run stopped early (``BatchOptions/stopAfter``) and stays unfinished.
    public var stopped = false
}

extension Analyzer {

    /// A fingerprint of every rule set the analyzer can use (each plugin's, with the shared
    /// and user packs): a run records it, and `--resume` refuses to mix rules.
    public func rulesFingerprint() throws -> String {
        var h = StableHash()
        for t in registry.traditions {
            h.combine(t.rawValue)
            h.combine(try ruleSet(for: TraditionChoice(traditions: [t], detected: false)).version)
        }
        return h.hex
    }
}

/// Runs the analyzer over many documents on a pool of threads, committing each document's
/// result to the store as soon as it is done, reusing stored results of unchanged
/// documents, and emitting one ``BatchLine`` per document in input order.
public final class BatchRunner: Sendable {
    public let analyzer: Analyzer
    /// Nil runs without a store: nothing is reused or recorded, lines are still emitted.
    public let store: Store?

    public init(analyzer: Analyzer, store: Store?) {
        self.analyzer = analyzer
        self.store = store
    }

    /// Runs the batch over a list of documents given by the caller. Such a list is not known
    /// to be a whole source, so the run retires nothing; run it over a ``BatchListing`` for that.
    public func run(_ items: [BatchItem], options: BatchOptions,
                    progress: (@Sendable (BatchProgress) -> Void)? = nil,
                    output: (@Sendable (BatchLine) -> Void)? = nil) throws -> BatchSummary {
        try run(BatchListing(items: items, complete: false), options: options, progress: progress, output: output)
    }

    /// Runs the batch. A document that cannot be read or analysed is recorded as an error
    /// and the batch goes on; only a failing store stops it (and throws). A run that finishes
    /// over a complete listing retires the stored documents its source no longer holds
    /// (``retirement(for:unique:options:)``).
    ///
    /// - Parameters:
    ///   - progress: called after each document is committed, one call at a time.
    ///   - output: called once per document in input order, one call at a time.
    public func run(_ listing: BatchListing, options: BatchOptions,
                    progress: (@Sendable (BatchProgress) -> Void)? = nil,
                    output: (@Sendable (BatchLine) -> Void)? = nil) throws -> BatchSummary {
        let clock = ContinuousClock()
        let started = clock.now
        var summary = BatchSummary()
        summary.jobs = max(1, options.jobs)
        summary.skippedFiles = listing.skipped
        summary.skippedSummary = listing.skippedSummary
        let (unique, planned) = plan(listing.items, options: options, summary: &summary)
        let choices = try compileChoices(for: planned, options: options)
        let fingerprint = try analyzer.rulesFingerprint()
        let (runId, done) = try openRun(planned: planned, filesSkipped: listing.skipped.count, options: options,
                                        fingerprint: fingerprint, summary: &summary)
        let todo = planned.filter { !done.contains($0.storePath) }
        summary.previouslyDone = planned.count - todo.count

        // The workers.
        let state = BatchState(total: todo.count, stopAfter: options.stopAfter, started: started,
                               progress: progress, output: output)
        let budget = MemoryBudget(limit: options.memoryBudget)
        let group = DispatchGroup()
        let workers = min(max(1, options.jobs), max(1, todo.count))
        for _ in 0..<workers {
            group.enter()
            let thread = Thread { [self] in
                defer { group.leave() }
                self.work(todo, options: options, choices: choices, runId: runId, state: state, budget: budget)
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        state.flush()

        if let error = state.fatal { throw error }
        summary.processed = state.committed
        summary.analysed = state.analysed
        summary.skipped = state.skipped
        summary.errors = state.failures.count
        summary.failures = state.failures
        summary.bytes = state.bytes
        summary.stopped = state.stopped
        summary.memoryBudget = budget.limit
        summary.peakReserved = budget.peak
        summary.mostAtOnce = budget.mostAtOnce
        summary.waitedForMemory = budget.waits
        if let store, let runId {
            if !state.stopped {
                try finish(runId, store: store, retiring: retirement(for: listing, unique: unique, options: options),
                           options: options, summary: &summary)
            }
            summary.run = try store.run(runId)
        }
        summary.wall = clock.now - started
        return summary
    }

    /// What a finished run retires, or why it retires nothing. It retires only when it covered
    /// the whole source: a folder every sub-folder of which could be listed, or a manifest
    /// file — not a manifest on standard input (one part of a corpus, perhaps), not an empty
    /// source (an unmounted volume is not the repeal of every law), not with `--keep-missing`.
    /// A shard answers for the stored documents of its shard only.
    func retirement(for listing: BatchListing, unique: [BatchItem], options: BatchOptions) -> (Retirement, skip: String?) {
        let shard = options.shard
        let scope = Retirement(present: Set(unique.map(\.storePath)), covers: { path in shard?.contains(key: path) ?? true })
        if !options.retire { return (scope, "--keep-missing was given") }
        if !listing.complete {
            return (scope, options.source == "-" ? "a manifest on standard input may be one part of a corpus"
                                                 : "a folder of the source could not be listed")
        }
        if unique.isEmpty { return (scope, "the source holds no document (an empty or missing folder is not taken for the repeal of every law)") }
        return (scope, nil)
    }

    /// Marks the run complete, retiring what ``retirement(for:unique:options:)`` allows; when
    /// it allows nothing, says what stays in the matrix although the source no longer holds it.
    private func finish(_ runId: Int64, store: Store, retiring: (scope: Retirement, skip: String?), options: BatchOptions,
                        summary: inout BatchSummary) throws {
        guard let reason = retiring.skip else {
            summary.retired = try store.finishRun(runId, finishedAt: options.now(), retiring: retiring.scope)
            return
        }
        let absent = try store.absent(retiring.scope)
        if !absent.isEmpty {
            summary.notes.append("\(absent.count) stored document(s) not in this input stay in the matrix (first: \(absent[0])): \(reason)")
        }
        try store.finishRun(runId, finishedAt: options.now())
    }

    /// The input: the first item of each path, then those of this shard.
    private func plan(_ items: [BatchItem], options: BatchOptions, summary: inout BatchSummary) -> (unique: [BatchItem], planned: [BatchItem]) {
        var seen = Set<String>()
        var unique: [BatchItem] = []
        var duplicates: [String] = []
        for item in items {
            if seen.insert(item.storePath).inserted { unique.append(item) } else { duplicates.append(item.path) }
        }
        if !duplicates.isEmpty {
            summary.notes.append("\(duplicates.count) duplicate path(s) ignored (first: \(duplicates[0]))")
        }
        summary.input = unique.count
        let planned = options.shard.map { shard in unique.filter(shard.contains) } ?? unique
        summary.planned = planned.count
        return (unique, planned)
    }

    /// Tradition choices: parsed once, their rule sets compiled before the threads start.
    private func compileChoices(for planned: [BatchItem], options: BatchOptions) throws -> [String: TraditionChoice?] {
        let known = analyzer.registry.traditions
        _ = try TraditionChoice.parse(options.tradition, known: known)
        var choices: [String: TraditionChoice?] = [:]
        for item in planned {
            let requested = item.tradition ?? options.tradition
            if choices[requested] == nil {
                let choice = try TraditionChoice.parse(requested, known: known)
                if let choice { _ = try analyzer.ruleSet(for: choice) }
                choices[requested] = .some(choice)
            }
        }
        return choices
    }

    /// The run in the store: a new one, or the unfinished one being resumed, with the paths
    /// it has already committed. No run without a store.
    private func openRun(planned: [BatchItem], filesSkipped: Int, options: BatchOptions, fingerprint: String,
                         summary: inout BatchSummary) throws -> (runId: Int64?, done: Set<String>) {
        guard let store else { return (nil, []) }
        let shard = options.shard?.description
        try store.syncCatalog(analyzer.catalog)
        let runId: Int64
        var done = Set<String>()
        if options.resume, let open = try store.unfinishedRun(source: options.source, shard: shard) {
            guard open.catalogVersion == analyzer.catalog.version, open.rulesVersion == fingerprint else {
                throw UsageError("run \(open.id) began with another catalog or other rules; it cannot be resumed (run without --resume to start a new run, which reuses what is unchanged)")
            }
            runId = open.id
            summary.resumed = true
            done = try store.documentsWithResult(run: open.id)
        } else {
            if options.resume {
                summary.notes.append("nothing to resume: no unfinished run over \(options.source)\(shard.map { " (shard \($0))" } ?? ""); starting a new run")
            }
            runId = try store.beginRun(NewRun(source: options.source, shard: shard, tradition: options.tradition,
                                              catalogVersion: analyzer.catalog.version, rulesVersion: fingerprint,
                                              toolVersion: Analyzer.version, startedAt: options.now()))
            let abandoned = try store.abandonRuns(source: options.source, shard: shard, except: runId)
            if !abandoned.isEmpty {
                summary.notes.append("unfinished run(s) \(abandoned.map(String.init).joined(separator: ", ")) over the same input marked abandoned; their results are reused where unchanged (--resume would have continued the last one)")
            }
        }
        try store.setPlanned(run: runId, documents: planned.count, filesSkipped: filesSkipped)
        return (runId, done)
    }

    /// One worker: takes documents until none is left, processes and commits each.
    private func work(_ todo: [BatchItem], options: BatchOptions, choices: [String: TraditionChoice?], runId: Int64?,
                      state: BatchState, budget: MemoryBudget) {
        while let index = state.claim() {
            let item = todo[index]
            let requested = item.tradition ?? options.tradition
            let processed: Processed
            // The document's share of the memory budget, held while it is read and analysed.
            let reserved = budget.reserve(MemoryBudget.estimate(forFileOfSize: min(BatchRunner.fileSize(item.path), analyzer.ingester.maxBytes)))
            do {
                defer { budget.release(reserved) }
                processed = try process(item, requested: requested, choice: choices[requested] ?? nil, options: options)
            } catch {
                state.fail(error)
                return
            }
            guard state.reserveCommit() else { return }
            if let store, let runId {
                do {
                    try options.observer.observe(.store) { try store.record([processed.result], run: runId) }
                } catch {
                    state.fail(error)
                    return
                }
            }
            state.finished(index, line: processed.line, result: processed.result, bytes: processed.bytes)
            if let hang = options.hangAfter, state.committed >= hang {
                state.flush()
                while true { sleep(1000) }
            }
        }
    }

    struct Processed {
        var result: DocumentResult
        var line: BatchLine
        var bytes: Int
    }

    /// Reads, looks for a reusable result, else analyses. Document problems become a failed
    /// result; only store errors throw.
    private func process(_ item: BatchItem, requested: String, choice: TraditionChoice?, options: BatchOptions) throws -> Processed {
        let observer = options.observer
        let meta = DocumentMetadata(path: item.storePath, jurisdiction: item.jurisdiction, tradition: item.tradition,
                                    title: item.title, year: item.year)
        let catalogVersion = analyzer.catalog.version
        // Whether a text in a language no rule reads is kept changes what is stored for it.
        // So are marking it as an extract and its review file (by content: an edited review
        // is applied again).
        let review = Result { try item.review.map { try ReviewFileLoader.load(path: $0) } }
        let reviewed = item.review.flatMap { FileManager.default.contents(atPath: $0) }.map { d -> String in
            var h = StableHash(); h.combine(String(decoding: d, as: UTF8.self)); return "+review:" + h.hex
        } ?? ""
        let readingOptions = analyzer.readingOptions + (options.languageAnyway ? "+any-language" : "") + (options.language.map { "+language:" + $0.rawValue } ?? "") + (item.extract == true ? "+extract" : "") + reviewed
        func make(_ outcome: DocumentResult.Outcome, hash: String?, tradition: String?, rulesVersion: String?,
                  report: Report?, bytes: Int) -> Processed {
            let result = DocumentResult(document: meta, traditionRequested: requested, tradition: tradition, contentHash: hash,
                                        catalogVersion: catalogVersion, rulesVersion: rulesVersion,
                                        toolVersion: Analyzer.version, readingOptions: readingOptions, outcome: outcome)
            var storedTitle: String?
            if case let .reused(r) = outcome { storedTitle = r.title }
            let line = BatchLine(path: item.path, jurisdiction: item.jurisdiction,
                                 title: item.title ?? report?.document.title ?? storedTitle,
                                 year: item.year, tradition: tradition, status: result.status, error: result.error,
                                 contentHash: hash, counts: result.counts, catalogVersion: catalogVersion,
                                 rulesVersion: rulesVersion, report: options.includeReports ? report : nil)
            return Processed(result: result, line: line, bytes: bytes)
        }

        let source: SourceText
        do {
            source = try observer.observe(.ingest) { try analyzer.ingester.read(path: item.path) }
        } catch {
            return make(.failed(BatchRunner.reason(error)), hash: nil, tradition: nil, rulesVersion: nil, report: nil, bytes: 0)
        }
        let bytes = source.utf8.count
        let (effective, found) = observer.observe(.lookup) { () -> (TraditionChoice, Result<RuleSet, Error>) in
            let effective = analyzer.choice(for: source, given: choice)
            return (effective, Result { try analyzer.ruleSet(for: effective) })
        }
        let rules: RuleSet
        do {
            rules = try found.get()
        } catch {
            return make(.failed(BatchRunner.reason(error)), hash: source.contentHash, tradition: effective.description,
                        rulesVersion: nil, report: nil, bytes: bytes)
        }
        let reusable = try observer.observe(.lookup) { () throws -> Processed? in
            guard !options.force, let store else { return nil }
            let key = AnalysisKey(contentHash: source.contentHash, traditionRequested: requested, tradition: effective.description,
                                  catalogVersion: catalogVersion, rulesVersion: rules.version, toolVersion: Analyzer.version,
                                  readingOptions: readingOptions)
            guard let reusable = try store.reusableResult(path: meta.path, key: key) else { return nil }
            var report: Report?
            if options.includeReports, let json = try store.reportJSON(result: reusable.id) {
                report = try? JSONDecoder().decode(Report.self, from: Data(json.utf8))
            }
            return make(.reused(reusable), hash: source.contentHash, tradition: reusable.tradition,
                        rulesVersion: rules.version, report: report, bytes: bytes)
        }
        if let reusable { return reusable }
        var report: Report
        do {
            let analysis = try analyzer.analyze(source, tradition: effective, using: rules, language: options.language, observer: observer)
            if let unread = analysis.unreadLanguage, !options.languageAnyway { throw unread }
            report = analysis.report
            if let file = try review.get() { try report.apply(file, catalog: analyzer.catalog) }
            if item.extract == true { report.markExtract() }
        } catch {
            return make(.failed(BatchRunner.reason(error)), hash: source.contentHash, tradition: effective.description,
                        rulesVersion: rules.version, report: nil, bytes: bytes)
        }
        let json = observer.observe(.encode) { CompactJSON.encode(report) }
        return make(.analysed(report, json: json), hash: source.contentHash, tradition: effective.description,
                    rulesVersion: rules.version, report: report, bytes: bytes)
    }

    /// The size of the file at `path` in bytes, 0 when it cannot be read (it then fails as it
    /// is read, holding little).
    static func fileSize(_ path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    }

    /// A document's problem in one line (the path is stored beside it).
    static func reason(_ error: Error) -> String {
        switch error {
        case let e as InputError: e.problem
        case let e as UnreadLanguage: e.problem
        default: String(describing: error)  // a LacunaError's one line (a UsageError's is its message)
        }
    }
}

/// The shared state of a batch's workers, behind one lock.
final class BatchState: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let stopAfter: Int?
    private let started: ContinuousClock.Instant
    private let progress: (@Sendable (BatchProgress) -> Void)?
    private let output: (@Sendable (BatchLine) -> Void)?

    private var next = 0
    private var reserved = 0
    private var _committed = 0
    private var _stopped = false
    private var _fatal: Error?
    private var pending: [Int: BatchLine] = [:]
    private var nextOut = 0
    var analysed = 0
    var skipped = 0
    var failures: [BatchFailure] = []
    var bytes = 0

    init(total: Int, stopAfter: Int?, started: ContinuousClock.Instant, progress: (@Sendable (BatchProgress) -> Void)?,
         output: (@Sendable (BatchLine) -> Void)?) {
        self.total = total
        self.stopAfter = stopAfter
        self.started = started
        self.progress = progress
        self.output = output
    }

    var committed: Int { lock.withLock { _committed } }
    var stopped: Bool { lock.withLock { _stopped } }
    var fatal: Error? { lock.withLock { _fatal } }

    /// The next document to process, or nil when there is none or the batch is stopping.
    func claim() -> Int? {
        lock.withLock {
            guard !_stopped, _fatal == nil, next < total else { return nil }
            defer { next += 1 }
            return next
        }
    }

    /// Whether the worker may commit its document (false once `stopAfter` commits are made).
    func reserveCommit() -> Bool {
        lock.withLock {
            guard _fatal == nil else { return false }
            if let stopAfter, reserved >= stopAfter {
                _stopped = true
                return false
            }
            reserved += 1
            return true
        }
    }

    func fail(_ error: Error) {
        lock.withLock { if _fatal == nil { _fatal = error } }
    }

    func finished(_ index: Int, line: BatchLine, result: DocumentResult, bytes: Int) {
        lock.withLock {
            _committed += 1
            switch result.outcome {
            case .analysed: analysed += 1
            case .reused: skipped += 1
            case let .failed(reason): failures.append(BatchFailure(path: line.path, reason: reason))
            }
            self.bytes += bytes
            progress?(BatchProgress(done: _committed, total: total, analysed: analysed, skipped: skipped, errors: failures.count,
                                    bytes: self.bytes, elapsed: ContinuousClock.now - started, path: line.path,
                                    status: line.status, error: line.error))
            pending[index] = line
            while let l = pending.removeValue(forKey: nextOut) {
                output?(l)
                nextOut += 1
            }
        }
    }

    /// Emits the lines still held back (after a gap left by a stop), in input order.
    func flush() {
        lock.withLock {
            for key in pending.keys.sorted() { output?(pending[key]!) }
            pending.removeAll()
        }
    }
}
