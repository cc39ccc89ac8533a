import Foundation

/// A flag a front end raises to stop work it no longer wants — a server request past its time
/// limit — and the pipeline checks between its steps (every stage, every rule, every pattern
/// of a long document's parallel search).
///
/// Laws: once cancelled, always cancelled; `check()` throws ``Cancelled`` exactly when the flag
/// is raised; checking is cheap (a lock-protected read) and safe from any thread.
public final class Cancellation: @unchecked Sendable {
    private var cancelled = false
    private let lock = NSLock()

    public init() {}

    public func cancel() { lock.withLock { cancelled = true } }

    public var isCancelled: Bool { lock.withLock { cancelled } }

    /// Throws ``Cancelled`` when the work was cancelled.
    public func check() throws {
        if isCancelled { throw Cancelled() }
    }
}

/// Work stopped because its front end cancelled it (a time limit passed).
public struct Cancelled: LacunaError, Equatable {
    public init() {}
    public var location: String? { nil }
    public var problem: String { "the analysis was stopped before it ended (it was cancelled)" }
}
