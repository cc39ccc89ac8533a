import Foundation
import Testing
import LacunaCore
@_spi(Testing) import LacunaKit

/// A batch bounds what its documents hold at once (document size × jobs) by a memory budget.
@Suite(.serialized) struct BatchMemoryTests {
    /// Counts the documents inside the segment stage at once, holding each there a moment so
    /// that documents allowed to run together do overlap.
    final class Overlap: StageObserver, @unchecked Sendable {
        private let lock = NSLock()
        private var inside = 0
        private var most = 0
        var mostAtOnce: Int { lock.withLock { most } }
        func observe<T>(_ stage: Stage, _ body: () throws -> T) rethrows -> T {
            guard stage == .segment else { return try body() }
            lock.withLock { inside += 1; most = max(most, inside) }
            defer { lock.withLock { inside -= 1 } }
            Thread.sleep(forTimeInterval: 0.05)
            return try body()
        }
    }

    static func size(_ path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    }

    @Test func aBudgetForOneDocumentAnalysesOneAtATimeWhateverTheJobs() throws {
        let dir = try BatchFixture.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let items = try BatchInput.walk(dir.path)
        let largest = items.map { BatchMemoryTests.size($0.path) }.max()!
        var options = BatchFixture.options(dir, jobs: 3)
        // Room for the largest document's estimate, not for two of the smallest.
        let smallest = items.map { BatchMemoryTests.size($0.path) }.min()!
        options.memoryBudget = MemoryBudget.estimate(forFileOfSize: largest)
        #expect(options.memoryBudget < 2 * MemoryBudget.estimate(forFileOfSize: smallest))
        let overlap = Overlap()
        options.observer = overlap
        let summary = try BatchRunner(analyzer: Support.analyzer, store: nil).run(items, options: options)
        #expect(summary.analysed == 3 && summary.errors == 0)
        #expect(overlap.mostAtOnce == 1, "documents analysed at once: \(overlap.mostAtOnce)")
        #expect(summary.mostAtOnce == 1)
        #expect(summary.peakReserved <= options.memoryBudget)
        #expect(summary.memoryBudget == options.memoryBudget)
    }

    @Test func aDocumentLargerThanTheBudgetRunsAloneAndIsNotRefused() throws {
        let dir = try BatchFixture.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let items = try BatchInput.walk(dir.path)
        var options = BatchFixture.options(dir, jobs: 2)
        options.memoryBudget = 1000  // below every document's estimate
        let summary = try BatchRunner(analyzer: Support.analyzer, store: nil).run(items, options: options)
        #expect(summary.analysed == 3 && summary.errors == 0)
        #expect(summary.mostAtOnce == 1)
        #expect(summary.peakReserved == 1000)
    }

    @Test func theEstimateIsTheMeasuredFactorTimesTheSizePlusAFloor() {
        #expect(MemoryBudget.estimate(forFileOfSize: 10_000_000) == 10_000_000 * MemoryBudget.bytesPerInputByte + MemoryBudget.perDocument)
        #expect(MemoryBudget.estimate(forFileOfSize: 0) == MemoryBudget.perDocument)
    }

    @Test func aReservationThatDoesNotFitWaitsForOneToBeGivenBack() throws {
        let budget = MemoryBudget(limit: 100)
        #expect(budget.reserve(60) == 60)
        let second = DispatchSemaphore(value: 0)
        let done = Flag()
        Thread {
            let got = budget.reserve(60)
            done.set()
            budget.release(got)
            second.signal()
        }.start()
        // The second reservation cannot fit beside the first: it has not returned after the
        // other thread had every chance to run (a missed wait would have set the flag).
        Thread.sleep(forTimeInterval: 0.2)
        #expect(!done.value)
        budget.release(60)
        second.wait()
        #expect(done.value)
        #expect(budget.peak == 60 && budget.mostAtOnce == 1 && budget.waits == 1)
        // More than the whole budget: all of it, at once when nothing else holds any.
        #expect(budget.reserve(1_000) == 100)
        budget.release(100)
    }

    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var on = false
        func set() { lock.withLock { on = true } }
        var value: Bool { lock.withLock { on } }
    }
}
