import Foundation
import LacunaKit

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
