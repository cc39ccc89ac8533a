/// Why a span of text does not count as enacted law (JUDGING rule 2).
public enum ExclusionReason: String, Codable, Sendable {
    case frontMatter = "front-matter"          // title, long title, preamble, enacting words
    case heading                               // headings and marginal notes alone
    case tableOfContents = "table-of-contents"
    case editorial                             // editors' notes, history lines, page furniture
    case repealed
    case amendmentQuote = "amendment-quote"    // words an amendment deletes or only quotes
    case numbering                             // provision numbers such as "(1)", "Article 2."
    case illustration                          // worked examples that explain a section, not law of their own
    case definedTerm = "defined-term"          // the quoted term a definition defines ("“child” means")
}

/// A span excluded from analysis, with the reason.
public struct ExcludedSpan: Codable, Sendable, Equatable {
    public var range: Range<Int>
    public var reason: ExclusionReason
    public init(range: Range<Int>, reason: ExclusionReason) {
        self.range = range
        self.reason = reason
    }
}

/// A term defined by the text ("exploitation" includes ...), and where.
public struct DefinedTerm: Codable, Sendable, Equatable {
    public var term: String
    public var range: Range<Int>
    public var provision: Int?
    public init(term: String, range: Range<Int>, provision: Int?) {
        self.term = term
        self.range = range
        self.provision = provision
    }
}

/// A document after segmentation and resolution: the text, its provision tree, what is not
/// law, what it defines, and which provisions define or criminalise trafficking.
///
/// Laws:
/// - Every range is a UTF-8 byte range into `source.utf8`, within bounds.
/// - `provisions` is in document order; a parent precedes its children and contains them.
/// - `excluded` is sorted by start and non-overlapping.
public struct Document: Sendable {
    public let source: SourceText
    public var title: String?
    public var provisions: [Provision]
    public var excluded: [ExcludedSpan]
    public var definitions: [DefinedTerm]
    /// Provisions (indices) that define or criminalise trafficking in persons, together with
    /// the definitions and provisions they use (JUDGING rules 4 and 5).
    public var traffickingScope: Set<Int>
    /// Section-level provisions that create the trafficking offence itself.
    public var traffickingOffences: Set<Int>
    /// Sections outside the scope that refer to a trafficking offence by number.
    public var traffickingReferrers: Set<Int> = []
    /// The language of each part of the text (set by the pipeline once the text is resolved;
    /// rules read only text in their languages).
    public var languages: LanguageMap = .undetermined

    public init(source: SourceText, title: String? = nil, provisions: [Provision] = [],
                excluded: [ExcludedSpan] = [], definitions: [DefinedTerm] = [],
                traffickingScope: Set<Int> = [], traffickingOffences: Set<Int> = []) {
        self.source = source
        self.title = title
        self.provisions = provisions
        self.excluded = excluded
        self.definitions = definitions
        self.traffickingScope = traffickingScope
        self.traffickingOffences = traffickingOffences
    }

    /// The innermost provision containing byte `offset`, if any.
    public func provision(at offset: Int) -> Int? {
        // Provisions are in document order with parents first, so the last one that starts
        // at or before the offset and contains it is the innermost.
        var low = 0, high = provisions.count
        while low < high {
            let mid = (low + high) / 2
            if provisions[mid].range.lowerBound <= offset { low = mid + 1 } else { high = mid }
        }
        var i = low - 1
        while i >= 0 {
            if provisions[i].range.contains(offset) { return i }
            i = provisions[i].parent ?? -1
            if i >= 0, provisions[i].range.contains(offset) { return i }
        }
        return nil
    }

    /// The chain from a provision up to its root, innermost first.
    public func ancestry(of index: Int) -> [Int] {
        var chain: [Int] = []
        var current: Int? = index
        while let i = current {
            chain.append(i)
            current = provisions[i].parent
        }
        return chain
    }

    /// The nearest section-level (or higher, when there is none) provision containing `index`.
    /// (Walks the parents as ``ancestry(of:)`` lists them, without building the list: it runs
    /// for every piece of evidence and every sentence asked for.)
    public func section(of index: Int) -> Int {
        var best = index
        var current: Int? = index
        while let i = current {
            if provisions[i].kind >= .section {
                best = i
                if provisions[i].kind == .section { break }
            }
            current = provisions[i].parent
        }
        return best
    }

    /// Whether `index` or one of its ancestors satisfies `test` (``ancestry(of:)`` without the list).
    func hasAncestor(of index: Int, where test: (Int) -> Bool) -> Bool {
        var current: Int? = index
        while let i = current {
            if test(i) { return true }
            current = provisions[i].parent
        }
        return false
    }

    /// Whether any part of `range` lies in excluded (non-law) text.
    public func isExcluded(_ range: Range<Int>) -> Bool {
        exclusion(overlapping: range) != nil
    }

    /// The exclusion overlapping `range`, if any. Provision numbers inside a longer span
    /// ("... by means of (a) force") do not exclude it; only a span wholly inside a number does.
    public func exclusion(overlapping range: Range<Int>) -> ExcludedSpan? {
        for span in exclusions(near: range) {
            if span.reason != .numbering {
                if span.range.overlaps(range) || (range.isEmpty && span.range.contains(range.lowerBound)) { return span }
            } else if span.range.lowerBound <= range.lowerBound && range.upperBound <= span.range.upperBound {
                return span
            }
        }
        return nil
    }

    /// The exclusions that may touch `range` (or the offset of an empty range), in order: from
    /// the first that ends after its start to the last that starts before its end, found by
    /// binary search in the sorted, non-overlapping `excluded`.
    public func exclusions(near range: Range<Int>) -> ArraySlice<ExcludedSpan> {
        var low = 0, high = excluded.count
        while low < high {
            let mid = (low + high) / 2
            if excluded[mid].range.upperBound <= range.lowerBound { low = mid + 1 } else { high = mid }
        }
        var end = low
        let limit = max(range.upperBound, range.lowerBound + 1)
        while end < excluded.count, excluded[end].range.lowerBound < limit { end += 1 }
        return excluded[low..<end]
    }

    /// Whether byte `offset` lies in a provision of the trafficking scope.
    public func isInTraffickingScope(_ offset: Int) -> Bool {
        guard let p = provision(at: offset) else { return false }
        return hasAncestor(of: p) { traffickingScope.contains($0) }
    }

    /// Whether byte `offset` lies in the trafficking scope or in a provision referring to a
    /// trafficking offence.
    public func isTraffickingRelated(_ offset: Int) -> Bool {
        guard let p = provision(at: offset) else { return false }
        return hasAncestor(of: p) { traffickingScope.contains($0) || traffickingReferrers.contains($0) }
    }

    /// The citation for the provision at `offset`, or nil outside any provision.
    public func citation(at offset: Int) -> String? {
        provision(at: offset).map { provisions[$0].citation }
    }
}
