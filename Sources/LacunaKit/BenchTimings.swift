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

    /// The time of one stage.
    public subscript(stage: Stage) -> Duration {
        get {
            switch stage {
            case .ingest: ingest
            case .lookup: lookup
            case .segment: segment
            case .analyze: analyze
            case .judge: judge
            case .encode: encode
            case .store: store
            }
        }
        set {
            switch stage {
            case .ingest: ingest = newValue
            case .lookup: lookup = newValue
            case .segment: segment = newValue
            case .analyze: analyze = newValue
            case .judge: judge = newValue
            case .encode: encode = newValue
            case .store: store = newValue
            }
        }
    }
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

/// A ``StageObserver`` that sums the CPU time of each stage over every document and worker
/// (`lacuna bench`: where the time goes).
///
/// Laws: observing changes no result (the body runs once, unchanged); `times` is the sum of
/// the CPU time of the thread that ran each observed body, per stage.
public final class StageTimer: StageObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var sums = StageTimes()

    public init() {}

    /// The CPU time per stage observed so far.
    public var times: StageTimes { lock.withLock { sums } }

    public func observe<T>(_ stage: Stage, _ body: () throws -> T) rethrows -> T {
        let start = CPUTime.thread()
        defer {
            let spent = CPUTime.thread() - start
            lock.withLock { sums[stage] += spent }
        }
        return try body()
    }
}
