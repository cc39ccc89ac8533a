import Foundation
import LacunaKit

/// CPU time spent in each stage of the pipeline, summed over documents and workers (so on
/// several cores the sum exceeds the wall time). CPU time, not wall time: the figures hold
/// on a machine shared with other work.
public struct StageTimes: Sendable, Hashable {
    /// Reading and decoding the file, hashing it.
    public var ingest: Duration = .zero
    /// Detecting the tradition (when not given) and looking for a reusable result.
    public var lookup: Duration = .zero
    /// Segmenting into provisions (and choosing the rules).
    public var segment: Duration = .zero
    /// Resolving (what is law, definitions, the offence's scope) and detecting the language.
    public var resolve: Duration = .zero
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
        s.resolve += b.resolve
        s.analyze += b.analyze
        s.judge += b.judge
        s.encode += b.encode
        s.store += b.store
        return s
    }

    /// The stages in pipeline order, with their names.
    public var stages: [(String, Duration)] {
        [("ingest", ingest), ("detect+lookup", lookup), ("segment", segment), ("resolve", resolve), ("analyze", analyze),
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
            case .resolve: resolve
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
            case .resolve: resolve = newValue
            case .analyze: analyze = newValue
            case .judge: judge = newValue
            case .encode: encode = newValue
            case .store: store = newValue
            }
        }
    }
}
