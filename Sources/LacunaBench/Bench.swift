import Foundation
import LacunaCore
import LacunaKit
import LacunaRules

/// `lacuna bench`: throughput on a synthetic corpus, single-document latency, and the same
/// patterns run by `pcre2grep` over the same files for comparison.
public enum Bench {
    /// Generates the corpus, runs the batch into a fresh store, times one document, runs
    /// pcre2grep; `log` receives one line per step.
    public static func run(_ options: BenchOptions, log: @Sendable (String) -> Void) throws -> BenchResult {
        let clock = ContinuousClock()
        let fm = FileManager.default
        let temporary = options.directory == nil
        let folder = URL(fileURLWithPath: options.directory ?? fm.temporaryDirectory.appendingPathComponent("lacuna-bench-\(UUID().uuidString)").path)
        defer { if temporary { try? fm.removeItem(at: folder) } }
        let corpusFolder = folder.appendingPathComponent("corpus")
        if fm.fileExists(atPath: corpusFolder.path) { try fm.removeItem(at: corpusFolder) }

        log("generating \(options.documents) statutes (seed \(options.seed)) in \(corpusFolder.path) ...")
        var start = clock.now
        let written = try SyntheticCorpus(documents: options.documents, seed: options.seed).write(to: corpusFolder)
        let corpus = BenchResult.Corpus(folder: corpusFolder.path, files: written.files.count, bytes: written.bytes, generate: clock.now - start)

        log("starting the analyzer ...")
        start = clock.now
        let analyzer = try Analyzer()
        _ = try analyzer.rulesFingerprint()
        let startup = clock.now - start

        let dbPath = folder.appendingPathComponent("bench.sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: dbPath + suffix) }
        let store = try Store(path: dbPath)
        resetPeakMemory()
        let cpuBefore = CPUTime.process()
        log("batch over \(corpus.files) files, \(options.jobs) jobs, store \(dbPath) ...")
        var batchOptions = BatchOptions()
        batchOptions.jobs = options.jobs
        batchOptions.source = corpusFolder.path
        let timer = StageTimer()
        batchOptions.observer = timer
        let items = try BatchInput.walk(corpusFolder.path)
        let summary = try BatchRunner(analyzer: analyzer, store: store).run(items, options: batchOptions)
        let peak = peakMemory()
        let batchCPU = CPUTime.process() - cpuBefore

        // Latency: one typical statute, after warm-up.
        let samplePath: String
        if let s = options.sample {
            samplePath = s
        } else {
            samplePath = written.files.first { (try? String(contentsOf: $0, encoding: .utf8))?.contains(" Act, ") == true }?.path
                ?? written.files[0].path
        }
        log("latency on \(samplePath) (\(options.latencyRuns) runs after warm-up) ...")
        let latency = try measureLatency(of: samplePath, analyzer: analyzer, runs: options.latencyRuns)

        // pcre2grep with the same patterns over the same files.
        var grep = BenchResult.Grep(executable: nil, patterns: 0, patternsFile: nil, single: nil, singleCPU: nil, parallel: nil,
                                    parallelCPU: nil, processes: options.jobs, problem: nil)
        let patterns = try exportPatterns(analyzer)
        grep.patterns = patterns.count
        if !options.pcre2grep {
            grep.problem = "not run (--no-pcre2grep)"
        } else if let exe = findExecutable("pcre2grep") {
            grep.executable = exe
            let patternsFile = folder.appendingPathComponent("patterns.txt")
            try Data((patterns.joined(separator: "\n") + "\n").utf8).write(to: patternsFile)
            grep.patternsFile = patternsFile.path
            log("pcre2grep: \(patterns.count) patterns, 1 process over the folder ...")
            do {
                (grep.single, grep.singleCPU) = try timeProcesses(exe, [["-c", "-u", "-r", "--include=\\.txt$", "-f", patternsFile.path, corpusFolder.path]])
                let shares = (0..<max(1, options.jobs)).map { k in
                    written.files.enumerated().filter { $0.offset % max(1, options.jobs) == k }.map(\.element.path)
                }.filter { !$0.isEmpty }
                log("pcre2grep: \(shares.count) processes over shares of the files ...")
                grep.processes = shares.count
                (grep.parallel, grep.parallelCPU) = try timeProcesses(exe, shares.map { ["-c", "-u", "-f", patternsFile.path] + $0 })
            } catch {
                grep.problem = "\(error)"
            }
        } else {
            grep.problem = "pcre2grep is not installed (Debian/Ubuntu: apt-get install pcre2-utils); no comparison"
        }
        if temporary { grep.patternsFile = nil }
        return BenchResult(corpus: corpus, startup: startup, batch: summary, times: timer.times, batchCPU: batchCPU, peakMemory: peak, latency: latency, grep: grep)
    }

    /// The time one analysis of `path` takes (read to report), over `runs` runs after three
    /// warm-up runs.
    static func measureLatency(of path: String, analyzer: Analyzer, runs: Int) throws -> BenchResult.Latency {
        let clock = ContinuousClock()
        for _ in 0..<3 { _ = try analyzer.analyze(path: path) }
        var samples: [Duration] = []
        for _ in 0..<max(1, runs) {
            let t = clock.now
            _ = try analyzer.analyze(path: path)
            samples.append(clock.now - t)
        }
        samples.sort()
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        return BenchResult.Latency(sample: path, bytes: bytes, runs: samples.count, median: samples[samples.count / 2],
                                   p90: samples[min(samples.count - 1, samples.count * 9 / 10)], min: samples[0])
    }

    /// Every distinct pattern the rules may run (patterns, `with`, `without`) of every
    /// plugin, one per line, as PCRE2 source with the options Lacuna compiles them with
    /// (`(*UCP)`, and `(?i)` for caseless rules). Patterns are single-line sources.
    public static func exportPatterns(_ analyzer: Analyzer) throws -> [String] {
        let all = TraditionChoice(traditions: analyzer.registry.traditions, detected: false)
        var seen = Set<String>()
        var out: [String] = []
        for rule in try analyzer.ruleSet(for: all).rules {
            for p in rule.spec.patterns + rule.spec.with + rule.spec.without {
                let source = "(*UCP)" + (rule.spec.caseless ? "(?i)" : "") + p.replacingOccurrences(of: "\n", with: " ")
                if seen.insert(source).inserted { out.append(source) }
            }
        }
        return out
    }

    /// Runs the processes at once and returns the wall time until all have ended, and their CPU time.
    static func timeProcesses(_ executable: String, _ argumentLists: [[String]]) throws -> (Duration, Duration) {
        let clock = ContinuousClock()
        let cpuBefore = CPUTime.children()
        let start = clock.now
        var processes: [(Process, Pipe)] = []
        for arguments in argumentLists {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: executable)
            p.arguments = arguments
            p.standardOutput = FileHandle.nullDevice
            let err = Pipe()
            p.standardError = err
            try p.run()
            processes.append((p, err))
        }
        var problem: String?
        for (p, err) in processes {
            let message = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            // 0: some lines matched, 1: none did; 2: an error.
            if p.terminationStatus > 1 {
                problem = "pcre2grep exited with status \(p.terminationStatus): " + String(decoding: message.prefix(400), as: UTF8.self)
            }
        }
        let elapsed = clock.now - start
        if let problem { throw UsageError(problem) }
        return (elapsed, CPUTime.children() - cpuBefore)
    }

    static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = String(dir) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Peak resident set size of this process in bytes (`VmHWM` in `/proc/self/status`).
    public static func peakMemory() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.filter(\.isNumber)
            return Int(digits).map { $0 * 1024 }
        }
        return nil
    }

    /// Resets the peak (Linux: writing 5 to `/proc/self/clear_refs`), so that the peak
    /// measured next is the batch's, not the corpus generator's.
    static func resetPeakMemory() {
        if let h = FileHandle(forWritingAtPath: "/proc/self/clear_refs") {
            h.write(Data("5".utf8))
            try? h.close()
        }
    }

    /// The result as the lines `lacuna bench` prints.
    public static func describe(_ r: BenchResult, jobs: Int) -> String {
        func s(_ d: Duration) -> String { String(format: "%.2f s", d.seconds) }
        func ms(_ d: Duration) -> String { String(format: "%.1f ms", d.seconds * 1000) }
        func mb(_ n: Int) -> String { String(format: "%.1f MB", Double(n) / 1_000_000) }
        func ratio(_ a: Double, _ b: Double) -> String { String(format: "%.2f×", a / max(b, 1e-9)) }
        let b = r.batch
        let wall = b.wall.seconds
        let cpu = r.batchCPU.seconds
        var out: [String] = []
        out.append("corpus      \(r.corpus.files) synthetic statutes, \(mb(r.corpus.bytes)), generated in \(s(r.corpus.generate))")
        out.append("start-up    \(ms(r.startup)) (load the catalog and rule packs, compile every rule set)")
        out.append("batch       \(s(b.wall)) wall with \(jobs) jobs: \(String(format: "%.0f", Double(b.processed) / max(wall, 1e-9))) documents/s, \(String(format: "%.2f", Double(b.bytes) / 1_000_000 / max(wall, 1e-9))) MB/s; \(b.analysed) analysed, \(b.skipped) unchanged, \(b.errors) errors")
        out.append("            \(s(r.batchCPU)) CPU (\(String(format: "%.2f", cpu * 1000 / Double(max(b.processed, 1)))) ms per document; \(String(format: "%.2f", cpu / max(wall, 1e-9))) cores busy on average; on \(jobs) idle cores ≈ \(String(format: "%.1f", cpu / Double(max(jobs, 1)))) s wall)")
        if let peak = r.peakMemory {
            out.append("memory      peak \(String(format: "%.0f", Double(peak) / 1_048_576)) MiB resident during the batch (VmHWM)")
        } else {
            out.append("memory      peak unknown (no /proc/self/status on this system)")
        }
        out.append("stages      CPU time summed over the workers:")
        let total = r.times.total.seconds
        for (name, d) in r.times.stages {
            out.append("  " + name.padding(toLength: 17, withPad: " ", startingAt: 0)
                       + String(format: "%8.2f s  %5.1f%%  %7.2f ms/doc", d.seconds, total > 0 ? 100 * d.seconds / total : 0,
                                b.processed > 0 ? 1000 * d.seconds / Double(b.processed) : 0))
        }
        out.append("latency     \(r.latency.sample) (\(r.latency.bytes) bytes): median \(ms(r.latency.median)), p90 \(ms(r.latency.p90)), min \(ms(r.latency.min)) over \(r.latency.runs) runs after warm-up")
        let g = r.grep
        if let exe = g.executable, let single = g.single {
            out.append("pcre2grep   \(exe) -c -u -f patterns.txt (\(g.patterns) patterns, line mode) over the same \(r.corpus.files) files:")
            out.append("  1 process (-r)    \(s(single)) wall, \(s(g.singleCPU ?? .zero)) CPU   lacuna batch / pcre2grep: wall \(ratio(wall, single.seconds)), CPU \(ratio(cpu, (g.singleCPU ?? .zero).seconds))")
            if let parallel = g.parallel {
                out.append("  \(g.processes) processes       \(s(parallel)) wall, \(s(g.parallelCPU ?? .zero)) CPU   lacuna batch / pcre2grep: wall \(ratio(wall, parallel.seconds)), CPU \(ratio(cpu, (g.parallelCPU ?? .zero).seconds))")
            }
            if let file = g.patternsFile { out.append("  patterns: \(file)") }
        } else {
            out.append("pcre2grep   no comparison: \(g.problem ?? "not available")")
        }
        return out.joined(separator: "\n")
    }
}
