import Foundation

/// How `lacuna bench` runs: the corpus it generates, the jobs, the latency sample and runs,
/// and whether to compare with `pcre2grep`.
public struct BenchOptions: Sendable {
    public var documents = 5000
    public var seed: UInt64 = 1
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// Where to write the corpus; nil: a temporary folder, removed afterwards.
    public var directory: String?
    /// The statute timed for latency (nil: the first generated common-law act).
    public var sample: String?
    public var latencyRuns = 25
    public var pcre2grep = true

    public init() {}
}
