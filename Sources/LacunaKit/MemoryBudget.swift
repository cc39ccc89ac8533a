import Foundation

/// The memory a batch's documents may hold at once: before a worker reads a document it
/// reserves an estimate of that document's peak (``estimate(forFileOfSize:)``), and gives it
/// back when its analysis is done; a worker whose reservation does not fit waits for
/// others to give theirs back. So the documents analysed at once never add up to more than
/// the budget, whatever `--jobs` says; small documents still run on every job.
///
/// Laws: the total reserved never exceeds ``limit``; a document estimated above the whole
/// budget reserves all of it (it runs alone, never refused); a reservation that fits is
/// never kept waiting; every reservation is given back once.
public final class MemoryBudget: @unchecked Sendable {
    /// Bytes the documents analysed at once may hold.
    public let limit: Int
    /// Peak memory of one analysis per byte of input that a reservation counts: issue 12's
    /// bound for a long document (docs/performance.md has the measured ratios; raise this if
    /// they exceed it).
    public static let bytesPerInputByte = 8
    /// What every analysis holds whatever its size (the report, the working arrays), so
    /// that many tiny files are not estimated at nothing.
    public static let perDocument = 1 << 20

    private let condition = NSCondition()
    private var reserved = 0
    private var holders = 0
    private var _peak = 0
    private var _mostAtOnce = 0
    private var _waits = 0

    public init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// The default budget: half the physical memory.
    public static var defaultLimit: Int { Int(ProcessInfo.processInfo.physicalMemory / 2) }

    /// The peak memory expected of analysing a file of `size` bytes.
    public static func estimate(forFileOfSize size: Int) -> Int {
        max(0, size) * bytesPerInputByte + perDocument
    }

    /// Reserves `bytes` (at most the whole budget), waiting until they fit; returns what was
    /// reserved, to be given back with ``release(_:)``.
    public func reserve(_ bytes: Int) -> Int {
        let wanted = min(max(0, bytes), limit)
        condition.lock()
        defer { condition.unlock() }
        if reserved + wanted > limit {
            _waits += 1
            while reserved + wanted > limit { condition.wait() }
        }
        reserved += wanted
        holders += 1
        _peak = max(_peak, reserved)
        _mostAtOnce = max(_mostAtOnce, holders)
        return wanted
    }

    /// Gives back a reservation.
    public func release(_ bytes: Int) {
        condition.lock()
        reserved -= bytes
        holders -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// The most reserved at once so far.
    public var peak: Int { locked { _peak } }
    /// The most reservations held at once so far (documents analysed at once).
    public var mostAtOnce: Int { locked { _mostAtOnce } }
    /// How many reservations had to wait for others to be given back.
    public var waits: Int { locked { _waits } }

    private func locked<T>(_ body: () -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        return body()
    }
}
