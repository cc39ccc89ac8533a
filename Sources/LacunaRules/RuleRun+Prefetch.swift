import Foundation
import LacunaCore
import LacunaPatterns

extension RuleRun {
    /// Documents at least this long have their rules' patterns searched on several threads.
    static let parallelFromBytes = 1 << 20

    /// Searches the patterns of every rule in `rules` (what ``evidence(for:)`` runs first, for
    /// every rule) on up to `workers` threads at once, and keeps the matches for the rules to
    /// read, so that the PCRE2 work of a long statute is spread over the cores.
    ///
    /// Laws: the matches kept are those ``matches(_:)`` would find itself (the same pattern,
    /// subject, screening and filter; the threads only read the document), so the evidence is
    /// the same with or without it; no pattern is searched twice; an error of any pattern is
    /// thrown (the first in pattern order).
    func prefetch(_ rules: [CompiledRule], workers: Int, cancellation: Cancellation? = nil) throws {
        var seen = Set<Int>()
        let todo = rules.filter(admits).flatMap(\.patterns).filter { seen.insert($0).inserted && !isCached($0) }
        guard workers > 1, todo.count > 1 else { return }
        var found = [Result<[Match], any Error>?](repeating: nil, count: todo.count)
        let next = NextIndex()
        let (set, subject, screening, document) = (set, subject, screening, document)
        found.withUnsafeMutableBufferPointer { slots in
            let slots = UnsafeSlots(base: slots.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: min(workers, todo.count)) { _ in
                while let i = next.take(below: todo.count) {
                    slots.base[i] = Result {
                        try cancellation?.check()
                        return try RuleRun.searchForEvidence(todo[i], set: set, subject: subject, screening: screening, document: document)
                    }
                }
            }
        }
        for (index, result) in zip(todo, found) {
            keep(try result!.get(), for: index)
        }
    }
}

/// Hands out indices 0, 1, 2 … once each, to whichever thread asks first.
private final class NextIndex: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}

/// The result slots of a prefetch: each index is written by exactly one thread (the one that
/// took it), and read only after every thread has finished.
private struct UnsafeSlots: @unchecked Sendable {
    let base: UnsafeMutablePointer<Result<[Match], any Error>?>
}
