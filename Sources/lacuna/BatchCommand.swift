import ArgumentParser
import Foundation
import LacunaCore
@_spi(Testing) import LacunaKit

struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Analyse every document of a folder or manifest, in parallel, into a store; re-runs skip what is unchanged.",
        discussion: """
        PATH is a folder (walked recursively; the jurisdiction is the first folder under PATH), a manifest \
        (.csv, .tsv or .jsonl with a path column and optional jurisdiction, tradition, title, year), or - \
        for a manifest on standard input.
        In a folder, documentation files (README*, LICENSE, CHANGELOG ...) and files of other types are skipped \
        and counted; symbolic links are followed, a loop is reported and skipped.
        A document that cannot be read or analysed is recorded as an error and the batch goes on. \
        A run that completes over the whole of a folder or manifest retires the stored documents it no longer \
        holds (kept in the store's history, out of the matrix); see the README, "Batch runs".
        Exit status 0 when the batch ran (see the summary for errors); 1 with --fail-on-error when a document \
        could not be read or analysed; 2 for a usage error, a bad manifest or a store failure.
        """
    )

    @Argument(help: "A folder, a manifest (.csv, .tsv, .jsonl), or - for a manifest on standard input.")
    var path: String

    @Option(help: ArgumentHelp("The SQLite store.", valueName: "file"))
    var db: String = "lacuna.sqlite"

    @Flag(help: "Run without a store: nothing is reused or recorded (for --format jsonl pipelines).")
    var noDb = false

    @Option(help: "Documents analysed at once (default: the number of active processors).")
    var jobs: Int?

    @Option(help: ArgumentHelp("Memory the documents analysed at once may hold together, in MB (default: half the physical memory); each counts 8 × its file size + 1 MB, and a job waits while its document does not fit.", valueName: "MB"))
    var memory: Int?

    @Flag(help: "Continue the last unfinished run over the same PATH (and shard) — after a crash or a kill.")
    var resume = false

    @Option(help: ArgumentHelp("Only shard K of N (1-based), partitioned by a stable hash of each document's path.", valueName: "K/N"))
    var shard: String?

    @Option(help: "Output: text (a summary) or jsonl (one line per document on standard output; the summary goes to standard error).")
    var format: String = "text"

    @Flag(help: "With --format jsonl: put the full report in each line.")
    var reports = false

    @Flag(help: "Re-analyse every document, even those unchanged since a stored result.")
    var force = false

    @Flag(help: "Exit with status 1 when any document of the run could not be read or analysed.")
    var failOnError = false

    @Flag(help: "Keep in the matrix the stored documents the source no longer holds (for a store shared by several sources).")
    var keepMissing = false

    @Flag(name: .shortAndLong, help: "No progress display.")
    var quiet = false

    @OptionGroup var options: AnalysisOptions

    @Option(help: ArgumentHelp("Testing: block after this many commits (to be killed).", visibility: .hidden))
    var debugHangAfter: Int?

    func validate() throws {
        guard ["text", "jsonl"].contains(format) else { throw ValidationError("unknown format \(format) (text, jsonl)") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let memory, memory < 1 || memory > 1 << 30 { throw ValidationError("--memory must be a number of megabytes from 1 to 1073741824") }
        if reports && format != "jsonl" { throw ValidationError("--reports needs --format jsonl") }
        if noDb && resume { throw ValidationError("--resume needs a store (not --no-db)") }
    }

    func run() throws {
        let analyzer = try options.makeAnalyzer()
        _ = try options.choice(for: analyzer)
        let listing = try BatchInput.list(path, knownTraditions: analyzer.registry.traditions)
        var batch = BatchOptions()
        if let jobs { batch.jobs = jobs }
        if let memory { batch.memoryBudget = memory << 20 }
        batch.resume = resume
        batch.shard = try shard.map { try Shard(parsing: $0) }
        batch.tradition = options.tradition
        batch.languageAnyway = options.languageAnyway
        batch.language = try options.languageChoice()
        batch.force = force
        batch.retire = !keepMissing
        batch.includeReports = reports
        batch.source = path == "-" ? "-" : URL(fileURLWithPath: path).standardizedFileURL.path
        batch.hangAfter = debugHangAfter
        let store = noDb ? nil : try Store(path: db)

        let jsonl = format == "jsonl"
        if !jsonl, let skipped = listing.skippedSummary {
            // On standard error as soon as it is known; in JSON Lines mode the summary there says it.
            Say.line("\(path): \(skipped)")
        }
        let progress = ProgressDisplay(enabled: !quiet, terminal: isatty(STDERR_FILENO) == 1)
        var output: (@Sendable (BatchLine) -> Void)?
        if jsonl {
            output = { @Sendable (line: BatchLine) -> Void in
                if let text = try? line.json() { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }
            }
        }
        let summary = try BatchRunner(analyzer: analyzer, store: store).run(
            listing, options: batch, progress: { progress.update($0) }, output: output)
        progress.finish()
        // Paths and reasons come from the input: controls shown.
        let text = DisplayText.visible(BatchCommand.describe(summary, store: store, jobs: batch.jobs), keeping: ["\n"])
        if jsonl {
            FileHandle.standardError.write(Data((text + "\n").utf8))
        } else {
            print(text)
        }
        if failOnError && (summary.run?.errors ?? summary.errors) > 0 { throw ExitCode(1) }
    }

    static func describe(_ s: BatchSummary, store: Store?, jobs: Int) -> String {
        var lines: [String] = []
        for note in s.notes { lines.append("note: \(note)") }
        let wall = max(s.wall.seconds, 1e-9)
        let rate = String(format: "%.1f s, %.0f documents/s, %.2f MB/s, %d jobs", s.wall.seconds, Double(s.processed) / wall,
                          Double(s.bytes) / 1_000_000 / wall, jobs)
        var head = "\(s.processed) document\(s.processed == 1 ? "" : "s"): \(s.analysed) analysed, \(s.skipped) unchanged (reused), \(s.errors) error\(s.errors == 1 ? "" : "s") — \(rate)"
        if s.planned != s.input { head += "; shard of \(s.planned) out of \(s.input) in the input" }
        if let run = s.run {
            let verb = s.resumed ? "resumed" : "run"
            lines.append("\(verb) \(run.id) (\(run.status.rawValue)): " + head)
            if s.resumed { lines.append("  \(s.previouslyDone) document(s) were already committed before the interruption; run \(run.id) now has \(run.documents) of \(run.planned)") }
        } else {
            lines.append(head)
        }
        if let skipped = s.skippedSummary { lines.append("skipped: " + skipped) }
        if s.waitedForMemory > 0 {
            lines.append("memory: \(s.waitedForMemory) document(s) waited for others to finish, to keep within the \(s.memoryBudget >> 20) MB budget (--memory)")
        }
        if !s.retired.isEmpty {
            let shown = s.retired.prefix(5).joined(separator: ", ") + (s.retired.count > 5 ? ", ..." : "")
            lines.append("retired: \(s.retired.count) document\(s.retired.count == 1 ? "" : "s") no longer in the source, out of the matrix (kept in the store: retired_documents): \(shown)")
        }
        if !s.failures.isEmpty {
            lines.append("errors:")
            for f in s.failures.prefix(20) { lines.append("  \(f.path): \(f.reason)") }
            if s.failures.count > 20 { lines.append("  ... and \(s.failures.count - 20) more (SELECT path, error FROM document_status WHERE status = 'error')") }
        }
        if let store {
            lines.append("store: \(store.path) — `lacuna matrix --db \(store.path)` for the jurisdiction × requirement matrix")
        }
        return lines.joined(separator: "\n")
    }
}

/// The progress display on standard error: a bar redrawn in place on a terminal, plain
/// lines (every tenth of the way, and each error) otherwise.
final class ProgressDisplay: @unchecked Sendable {
    private let enabled: Bool
    private let terminal: Bool
    private let lock = NSLock()
    private var lastDraw = ContinuousClock.now - .seconds(1)
    private var lastTenth = 0
    private var drawn = false

    init(enabled: Bool, terminal: Bool) {
        self.enabled = enabled
        self.terminal = terminal
    }

    func update(_ p: BatchProgress) {
        guard enabled else { return }
        lock.withLock {
            if let error = p.error {
                write((terminal && drawn ? "\r\u{1B}[2K" : "") + DisplayText.visible("error: \(p.path): \(error)", keeping: []) + "\n")
                drawn = false
            }
            let rate = Double(p.done) / max(p.elapsed.seconds, 1e-9)
            if terminal {
                let now = ContinuousClock.now
                guard now - lastDraw > .milliseconds(100) || p.done == p.total else { return }
                lastDraw = now
                let width = 30
                let filled = p.total > 0 ? width * p.done / p.total : width
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                let eta = rate > 0 ? Int(Double(p.total - p.done) / rate) : 0
                write("\r\u{1B}[2K\(bar) \(p.done)/\(p.total) \(String(format: "%.0f", rate)) docs/s  ETA \(eta / 60):\(String(format: "%02d", eta % 60))  \(p.analysed) analysed, \(p.skipped) unchanged, \(p.errors) errors")
                drawn = true
            } else {
                let tenth = p.total > 0 ? 10 * p.done / p.total : 10
                guard tenth > lastTenth else { return }
                lastTenth = tenth
                write("progress: \(p.done)/\(p.total) (\(tenth * 10)%), \(p.analysed) analysed, \(p.skipped) unchanged, \(p.errors) errors, \(String(format: "%.0f", rate)) documents/s\n")
            }
        }
    }

    func finish() {
        lock.withLock {
            if enabled && terminal && drawn { write("\n") }
        }
    }

    private func write(_ s: String) {
        FileHandle.standardError.write(Data(s.utf8))
    }
}
