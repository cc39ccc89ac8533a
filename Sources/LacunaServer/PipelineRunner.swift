import Dispatch
import Foundation
import LacunaCore

/// Runs pipeline work (synchronous, CPU-bound) on a thread of its own, through the
/// ``AdmissionGate``, within a time limit.
///
/// Laws: the work never runs on Swift's cooperative pool or an event loop; a request whose
/// work outlives the limit is answered with a refusal at the limit and its work is cancelled
/// (the pipeline stops at its next check: a stage, a rule, a pattern), while the work keeps
/// its slot until it really ends — so the number of threads doing analysis stays bounded.
struct PipelineRunner: Sendable {
    let gate: AdmissionGate
    let limit: Duration

    func run<T: Sendable>(_ what: String, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await run(what) { (_: Cancellation) in try work() }
    }

    /// Runs `work` with the cancellation the time limit raises.
    func run<T: Sendable>(_ what: String, _ work: @escaping @Sendable (Cancellation) throws -> T) async throws -> T {
        let cancellation = Cancellation()
        try await gate.enter()
        let gate = self.gate
        let seconds = Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let once = ResumeOnce(continuation)
            DispatchQueue.global().async {
                let result = Result { try work(cancellation) }
                Task { await gate.leave() }
                once.resume(with: result)
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
                cancellation.cancel()
                once.resume(with: .failure(Refusal(.unprocessableContent, "\(what): the analysis took longer than the server's \(Int(seconds)) s limit")))
            }
        }
    }
}

/// Resumes a continuation once: the first of the work and the timer wins.
private final class ResumeOnce<T: Sendable>: @unchecked Sendable {
    private var continuation: CheckedContinuation<T, any Error>?
    private let lock = NSLock()

    init(_ continuation: CheckedContinuation<T, any Error>) { self.continuation = continuation }

    func resume(with result: Result<T, any Error>) {
        let c: CheckedContinuation<T, any Error>? = lock.withLock {
            defer { continuation = nil }
            return continuation
        }
        c?.resume(with: result)
    }
}
