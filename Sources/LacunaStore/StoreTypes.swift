import LacunaCore

/// What the input says about a document: its path (the store's identity for it) and the
/// metadata a manifest gives.
public struct DocumentMetadata: Sendable, Hashable, Codable {
    /// The document's name in its source — its path relative to the batch's folder (or to the
    /// manifest's folder) — unique in the store.
    public var path: String
    public var jurisdiction: String?
    /// The tradition asked for (`auto`, `civil-law`, `common-law+islamic-law`), or nil for the batch default.
    public var tradition: String?
    public var title: String?
    public var year: Int?

    public init(path: String, jurisdiction: String? = nil, tradition: String? = nil, title: String? = nil, year: Int? = nil) {
        self.path = path
        self.jurisdiction = jurisdiction
        self.tradition = tradition
        self.title = title
        self.year = year
    }
}

/// Findings by status for one report — its summary's ``StatusCounts``, not counted again —
/// and its mandatory gaps.
///
/// Laws: encoded flat, `met`, `partial`, `missing`, `conflict` and `mandatoryGaps`, as a JSONL
/// line's `counts` and the store's columns carry them.
public struct ResultCounts: Sendable, Hashable, Codable {
    public var statuses: StatusCounts
    public var mandatoryGaps: Int

    public init(statuses: StatusCounts, mandatoryGaps: Int) {
        self.statuses = statuses
        self.mandatoryGaps = mandatoryGaps
    }

    /// The counts as the store's columns hold them.
    public init(met: Int, partial: Int, missing: Int, conflict: Int, mandatoryGaps: Int) {
        self.init(statuses: StatusCounts(met: met, partial: partial, missing: missing, conflict: conflict),
                  mandatoryGaps: mandatoryGaps)
    }

    public init(_ summary: ReportSummary) {
        self.init(statuses: summary.totals, mandatoryGaps: summary.mandatoryGaps)
    }

    private enum CodingKeys: String, CodingKey { case mandatoryGaps }

    public init(from decoder: any Decoder) throws {
        statuses = try StatusCounts(from: decoder)
        mandatoryGaps = try decoder.container(keyedBy: CodingKeys.self).decode(Int.self, forKey: .mandatoryGaps)
    }

    public func encode(to encoder: any Encoder) throws {
        try statuses.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(mandatoryGaps, forKey: .mandatoryGaps)
    }
}

/// What became of one document in a run, as stored and printed (`--format jsonl`).
public enum ResultStatus: String, Sendable, Hashable, Codable {
    /// Analysed in this run.
    case ok
    /// Unchanged since an earlier `ok` result, which it reuses.
    case skipped
    /// Could not be read or analysed; the reason is stored beside it.
    case error
}

/// The state of a run.
public enum RunStatus: String, Sendable, Codable {
    /// Started and not finished: still going, or killed (continue it with `--resume`).
    case running
    case complete
    /// Replaced by a later run over the same input before it finished.
    case abandoned
}

/// What a new run records about itself.
public struct NewRun: Sendable {
    /// The input (folder or manifest), as an absolute path, or `-` for standard input.
    public var source: String
    /// `K/N` when the run covers one shard of its input.
    public var shard: String?
    /// The batch's default tradition choice (`auto` unless given).
    public var tradition: String
    public var catalogVersion: String
    /// A fingerprint of every rule set the run may use.
    public var rulesVersion: String
    public var toolVersion: String
    /// When the run started (injected by the caller: the store reads no clock).
    public var startedAt: String

    public init(source: String, shard: String?, tradition: String, catalogVersion: String, rulesVersion: String,
                toolVersion: String, startedAt: String) {
        self.source = source
        self.shard = shard
        self.tradition = tradition
        self.catalogVersion = catalogVersion
        self.rulesVersion = rulesVersion
        self.toolVersion = toolVersion
        self.startedAt = startedAt
    }
}

/// A run as stored, with the counts of its results.
public struct RunRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var startedAt: String
    public var finishedAt: String?
    public var status: RunStatus
    public var source: String
    public var shard: String?
    public var tradition: String
    public var catalogVersion: String
    public var rulesVersion: String
    public var toolVersion: String
    /// Documents in the run's input (after sharding).
    public var planned: Int
    /// Documents with a result in this run.
    public var documents: Int
    public var analysed: Int
    public var skipped: Int
    public var errors: Int
    /// Files of the run's folder its walk left out (documentation, other types, links).
    public var filesSkipped: Int
    /// Documents this run retired: active before it, no longer in its complete source.
    public var retired: Int
}

/// What a complete run retires: the active documents it answers for (all, or those of its
/// shard) whose paths its source no longer holds. Retired documents keep their results (the
/// store's history) but leave the matrix and `document_status`; one found again is active
/// again.
public struct Retirement: Sendable {
    /// The paths (``DocumentMetadata/path``) the whole source holds now.
    public var present: Set<String>
    /// Whether the run answers for a stored path: every path, or those of its shard.
    public var covers: @Sendable (String) -> Bool

    public init(present: Set<String>, covers: @escaping @Sendable (String) -> Bool = { _ in true }) {
        self.present = present
        self.covers = covers
    }
}

/// The identity of an analysis: the same text, asked for with the same tradition and read
/// as the same tradition, judged against the same catalog with the same rules by the same
/// version of Lacuna, gives the same report.
public struct AnalysisKey: Sendable, Hashable {
    public var contentHash: String
    /// The tradition as asked for (`auto` or a given choice).
    public var traditionRequested: String
    /// The tradition choice that analyses it (detected or given): `common-law`, `civil-law+islamic-law`.
    public var tradition: String
    public var catalogVersion: String
    /// The version of the rule set that analyses the document.
    public var rulesVersion: String
    public var toolVersion: String
    /// How the file is read into text (encoding, Word revisions ...): the same bytes read
    /// another way are another text.
    public var readingOptions: String

    public init(contentHash: String, traditionRequested: String, tradition: String, catalogVersion: String, rulesVersion: String,
                toolVersion: String, readingOptions: String = "") {
        self.contentHash = contentHash
        self.traditionRequested = traditionRequested
        self.tradition = tradition
        self.catalogVersion = catalogVersion
        self.rulesVersion = rulesVersion
        self.toolVersion = toolVersion
        self.readingOptions = readingOptions
    }
}

/// An `ok` result a later run can reuse.
public struct ReusableResult: Sendable, Hashable {
    public var id: Int64
    public var runId: Int64
    /// The tradition used (`common-law`, `civil-law+islamic-law`).
    public var tradition: String?
    public var counts: ResultCounts
    /// The document's title as stored.
    public var title: String?
}

/// One document's outcome in a run, ready to commit.
public struct DocumentResult: Sendable {
    public enum Outcome: Sendable {
        /// Analysed now: the report and its JSON text (encoded by the caller, off the writer).
        case analysed(Report, json: String)
        /// Could not be read or analysed; the reason, in one line.
        case failed(String)
        /// Unchanged since an earlier `ok` result with the same ``AnalysisKey``.
        case reused(ReusableResult)
    }

    public var document: DocumentMetadata
    /// The tradition as asked for (`auto` or a given choice).
    public var traditionRequested: String
    /// The tradition choice used (`common-law`, `civil-law+islamic-law`), when known.
    public var tradition: String?
    /// SHA-256 of the document, when it could be read.
    public var contentHash: String?
    public var catalogVersion: String?
    public var rulesVersion: String?
    public var toolVersion: String?
    /// See ``AnalysisKey/readingOptions``.
    public var readingOptions: String?
    public var outcome: Outcome

    public init(document: DocumentMetadata, traditionRequested: String, tradition: String?, contentHash: String?,
                catalogVersion: String?, rulesVersion: String?, toolVersion: String?, readingOptions: String? = "",
                outcome: Outcome) {
        self.document = document
        self.traditionRequested = traditionRequested
        self.tradition = tradition
        self.contentHash = contentHash
        self.catalogVersion = catalogVersion
        self.rulesVersion = rulesVersion
        self.toolVersion = toolVersion
        self.readingOptions = readingOptions
        self.outcome = outcome
    }

    /// The status stored for this outcome.
    public var status: ResultStatus {
        switch outcome {
        case .analysed: .ok
        case .failed: .error
        case .reused: .skipped
        }
    }

    /// The counts of the report (analysed now or reused).
    public var counts: ResultCounts? {
        switch outcome {
        case let .analysed(report, _): ResultCounts(report.summary)
        case .failed: nil
        case let .reused(r): r.counts
        }
    }

    public var error: String? {
        if case let .failed(reason) = outcome { return reason }
        return nil
    }
}

/// One stored result, as listed by ``Store/results(run:)``.
public struct ResultRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var runId: Int64
    public var path: String
    public var jurisdiction: String?
    public var status: ResultStatus
    public var error: String?
    public var contentHash: String?
    public var tradition: String?
    public var rulesVersion: String?
    public var reusedResultId: Int64?
    public var counts: ResultCounts?
}
