import ArgumentParser
import Foundation
import LacunaCore
import LacunaBench
import LacunaKit

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark: a batch over a reproducible synthetic corpus, single-document latency, and pcre2grep with the same patterns.",
        discussion: """
        Prints documents/s, MB/s, peak memory, time per stage, the latency of one statute after start-up, and \
        the time pcre2grep takes with the same patterns over the same files (when it is installed). \
        Measure with a release build: swift build -c release && .build/release/lacuna bench
        """
    )

    @Option(help: "Statutes in the synthetic corpus (about 6 KB each).")
    var documents: Int = 5000

    @Option(help: "Seed of the generator: the same seed, the same corpus.")
    var seed: UInt64 = 1

    @Option(help: "Documents analysed at once (default: the number of active processors).")
    var jobs: Int?

    @Option(help: ArgumentHelp("Write the corpus, store and patterns here and keep them (default: a temporary folder, removed).", valueName: "folder"))
    var keep: String?

    @Option(help: ArgumentHelp("The statute timed for latency (default: Corpora/common-law-act/bill.txt).", valueName: "file"))
    var sample: String?

    @Option(help: "Timed runs for the latency (after three warm-up runs).")
    var latencyRuns: Int = 25

    @Flag(help: "Do not run pcre2grep.")
    var noPcre2grep = false

    @Flag(help: "Instead: time and peak memory of one very long statute at several sizes (--sections).")
    var large = false

    @Option(help: ArgumentHelp("With --large: the sizes, in sections, comma-separated.", valueName: "n,n,..."))
    var sections: String = LargeBench.defaultSizes.map(String.init).joined(separator: ",")

    func validate() throws {
        if documents < 1 { throw ValidationError("--documents must be at least 1") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if large, sizes == nil { throw ValidationError("--sections \"\(sections)\": want whole numbers of at least 1, comma-separated") }
    }

    /// The sizes of `--sections`, or nil when one is not a positive whole number.
    var sizes: [Int]? {
        let parts = sections.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, parts.allSatisfy({ ($0 ?? 0) >= 1 }) else { return nil }
        return parts.compactMap { $0 }
    }

    func run() throws {
        #if DEBUG
        FileHandle.standardError.write(Data("lacuna: note: this is a debug build; measure with `swift build -c release`\n".utf8))
        #endif
        if large { return try runLarge() }
        var options = BenchOptions()
        options.documents = documents
        options.seed = seed
        if let jobs { options.jobs = jobs }
        options.directory = keep
        options.latencyRuns = latencyRuns
        options.pcre2grep = !noPcre2grep
        options.sample = sample ?? BenchCommand.defaultSample()
        if let s = options.sample, !FileManager.default.fileExists(atPath: s) {
            throw UsageError("\(s): no such file (--sample)")
        }
        let result = try Bench.run(options) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        print(Bench.describe(result, jobs: options.jobs))
    }

    /// `--large`: one statute of each size, analysed by a child process of this binary.
    func runLarge() throws {
        let executable = Bundle.main.executableURL?.resolvingSymlinksInPath().path ?? CommandLine.arguments[0]
        let rows = try LargeBench.run(sizes: sizes ?? LargeBench.defaultSizes, seed: seed, executable: executable,
                                      analyzer: try Analyzer(), keep: keep) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        print(LargeBench.describe(rows))
    }

    /// The Corpora sample, relative to the working folder or to the package the binary was built in.
    static func defaultSample() -> String? {
        let relative = "Corpora/common-law-act/bill.txt"
        if FileManager.default.fileExists(atPath: relative) { return relative }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = dir.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }
}
