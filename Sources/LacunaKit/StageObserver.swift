/// A stage of the pipeline (and of a batch around it), as reported to a ``StageObserver``.
public enum Stage: String, Sendable, CaseIterable {
    /// Reading and decoding the file, hashing it.
    case ingest
    /// Detecting the tradition (when not given) and looking for a reusable stored result.
    case lookup
    /// Segmenting into provisions (and choosing the rules).
    case segment
    /// Resolving (what is law, definitions, the offence's scope) and detecting the language.
    case resolve
    /// Running the rules (PCRE2).
    case analyze
    /// Judging and building the report.
    case judge
    /// Encoding the report as JSON (batch).
    case encode
    /// Committing to the store (batch).
    case store
}

/// Watches the stages of the pipeline, for instance to time them (`lacuna bench`).
///
/// Laws: `observe` runs `body` exactly once, on the calling thread, and returns its result
/// (or rethrows its error) unchanged: an observer never changes what the pipeline computes.
/// It may be called from many threads at once.
public protocol StageObserver: Sendable {
    func observe<T>(_ stage: Stage, _ body: () throws -> T) rethrows -> T
}

/// The observer that watches nothing: the default.
public struct NoStageObserver: StageObserver {
    public init() {}
    public func observe<T>(_ stage: Stage, _ body: () throws -> T) rethrows -> T { try body() }
}
