import Foundation
import LacunaCore
import LacunaText

/// CPU time spent in each stage of the pipeline, summed over documents and workers (so on
/// several cores the sum exceeds the wall time). CPU time, not wall time: the figures hold
/// on a machine shared with other work.
public struct StageTimes: Sendable, Hashable {
    /// Reading and decoding the file, hashing it.
    public var ingest: Duration = .zero
    /// Detecting the tradition (when not given) and looking for a reusable result.
    public var lookup: Duration = .zero
    /// Segmenting into provisions and resolving (what is law, definitions, the offence).
    public var segment: Duration = .zero
    /// Running the rules (PCRE2).
    public var analyze: Duration = .zero
    /// Judging and building the report.
    public var judge: Duration = .zero
    /// Encoding the report as JSON.
    public var encode: Duration = .zero
    /// Committing to the store.
    public var store: Duration = .zero

    public init() {}

    public static func + (a: StageTimes, b: StageTimes) -> StageTimes {
        var s = a
        s.ingest += b.ingest
        s.lookup += b.lookup
        s.segment += b.segment
        s.analyze += b.analyze
        s.judge += b.judge
        s.encode += b.encode
        s.store += b.store
        return s
    }

    /// The stages in pipeline order, with their names.
    public var stages: [(String, Duration)] {
        [("ingest", ingest), ("detect+lookup", lookup), ("segment+resolve", segment), ("analyze", analyze),
         ("judge+report", judge), ("encode", encode), ("store", store)]
    }

    public var total: Duration { stages.reduce(.zero) { $0 + $1.1 } }
}

/// CPU time: of the calling thread (for stages), of the process and of its waited-for
/// children (for the benchmark).
public enum CPUTime {
    public static func thread() -> Duration {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return .seconds(Int64(ts.tv_sec)) + .nanoseconds(Int64(ts.tv_nsec))
    }

    /// User and system time of this process.
    public static func process() -> Duration { usage(RUSAGE_SELF) }

    /// User and system time of the child processes that have ended and been waited for.
    public static func children() -> Duration { usage(RUSAGE_CHILDREN) }

    #if os(Linux)
    private static func usage(_ who: __rusage_who) -> Duration {
        var u = rusage()
        getrusage(__rusage_who_t(who.rawValue), &u)
        return duration(u)
    }
    #else
    private static func usage(_ who: Int32) -> Duration {
        var u = rusage()
        getrusage(who, &u)
        return duration(u)
    }
    #endif

    private static func duration(_ u: rusage) -> Duration {
        func d(_ t: timeval) -> Duration { .seconds(Int64(t.tv_sec)) + .microseconds(Int64(t.tv_usec)) }
        return d(u.ru_utime) + d(u.ru_stime)
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    public var seconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }
}

extension Analyzer {
    /// ``analyze(_:tradition:)`` with the time of each stage added to `times`. It produces
    /// the same report (a test checks it); the batch uses it so that `bench` can say where
    /// the time goes.
    public func analyzeTimed(_ source: SourceText, tradition: TraditionChoice? = nil, times: inout StageTimes) throws -> Report {
        var mark = CPUTime.thread()
        func lap() -> Duration {
            let now = CPUTime.thread()
            defer { mark = now }
            return now - mark
        }
        let (document, choice, rules) = try prepare(source, tradition: tradition)
        times.segment += lap()
        let evidence = try rules.evidence(in: document)
        times.analyze += lap()
        let report = report(for: source, document: document, choice: choice, rules: rules, evidence: evidence)
        times.judge += lap()
        return report
    }

    /// Reads `path` with the analyzer's ingester, adding the time to `times.ingest`.
    public func readTimed(path: String, times: inout StageTimes) throws -> SourceText {
        let start = CPUTime.thread()
        defer { times.ingest += CPUTime.thread() - start }
        return try ingester.read(path: path)
    }
}
