import LacunaKit

/// What `lacuna bench` measured (see ``Bench/run(_:log:)``).
public struct BenchResult: Sendable {
    public struct Corpus: Sendable {
        public var folder: String
        public var files: Int
        public var bytes: Int
        public var generate: Duration
    }
    public struct Latency: Sendable {
        public var sample: String
        public var bytes: Int
        public var runs: Int
        public var median: Duration
        public var p90: Duration
        public var min: Duration
    }
    public struct Grep: Sendable {
        /// nil when pcre2grep is not installed (or was not asked for).
        public var executable: String?
        public var patterns: Int
        public var patternsFile: String?
        /// One process over the whole folder (`-r`): wall and CPU time.
        public var single: Duration?
        public var singleCPU: Duration?
        /// `jobs` processes, each over its share of the files: wall and CPU time.
        public var parallel: Duration?
        public var parallelCPU: Duration?
        public var processes: Int
        public var problem: String?
    }

    public var corpus: Corpus
    /// Creating the analyzer and compiling every rule set.
    public var startup: Duration
    public var batch: BatchSummary
    /// CPU time per stage of the batch, summed over workers.
    public var times: StageTimes
    /// CPU time (user + system) of the process during the batch.
    public var batchCPU: Duration
    /// Peak resident memory of the process during the batch (VmHWM), when known.
    public var peakMemory: Int?
    public var latency: Latency
    public var grep: Grep
}
