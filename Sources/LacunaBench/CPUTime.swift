import Foundation

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

    /// The largest peak resident memory of any waited-for child so far, in bytes.
    public static func childrenPeakMemory() -> Int? {
        var u = rusage()
        #if os(Linux)
        guard getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &u) == 0 else { return nil }
        return u.ru_maxrss * 1024
        #else
        guard getrusage(RUSAGE_CHILDREN, &u) == 0 else { return nil }
        return u.ru_maxrss
        #endif
    }

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
