/// Decides, in one pass over a text, which of many patterns could match it at all, and
/// where the matches of some can begin, so the others need not be run and those need not
/// be searched for between their possible starts.
///
/// Each pattern's ``RequiredLiterals`` go into one ``LiteralScanner``; a pattern whose
/// required strings are absent from the text cannot match it. A pattern with nothing known
/// is always a candidate. A pattern whose matches all begin with one of a few strings
/// (``RequiredLiterals/leading(of:)``) can only match where those occur. The answers never
/// rule out a match the pattern would make.
public struct Prefilter: Sendable {
    /// For each pattern, sets of literal indices in the scanner: a match needs one literal of
    /// each set. No sets: always run.
    let required: [[[Int]]]
    /// For each pattern, the literals every match begins with; nil: unknown.
    let leading: [[Int]?]
    let scanner: LiteralScanner

    /// Reads the literals of each pattern source.
    public init(sources: [String]) {
        self.init(analyses: sources.map(RequiredLiterals.analysis(of:)))
    }

    /// From each pattern's ``RequiredLiterals/analysis(of:)``, in pattern order.
    public init(analyses: [(required: [Set<String>]?, leading: Set<String>?)]) {
        var index: [String: Int] = [:]
        var literals: [String] = []
        var positional: [Bool] = []
        func id(_ literal: String, positions: Bool) -> Int {
            if let i = index[literal] {
                if positions { positional[i] = true }
                return i
            }
            index[literal] = literals.count
            literals.append(literal)
            positional.append(positions)
            return literals.count - 1
        }
        var required: [[[Int]]] = []
        var leading: [[Int]?] = []
        for analysis in analyses {
            required.append((analysis.required ?? []).map { set in set.sorted().map { id($0, positions: false) } })
            leading.append(analysis.leading.map { set in set.sorted().map { id($0, positions: true) } })
        }
        self.required = required
        self.leading = leading
        scanner = LiteralScanner(literals, positions: positional)
    }

    /// A prefilter that knows nothing: every pattern runs over the whole text.
    public init(unscreened count: Int) {
        required = [[[Int]]](repeating: [], count: count)
        leading = [[Int]?](repeating: nil, count: count)
        scanner = LiteralScanner([])
    }

    /// Whether pattern `i`'s matches can only begin where its leading literals occur.
    public func hasLeading(_ i: Int) -> Bool { leading[i] != nil }

    /// What one pass over a text tells about every pattern.
    public struct Screening: Sendable {
        /// By pattern: whether it could match.
        public let mayMatch: [Bool]
        /// By literal: where it begins in the text (ascending), for leading literals (the
        /// scanner's own arrays, 32-bit, kept as they are: a long text has millions).
        let starts: [[Int32]]
        let leading: [[Int]?]

        /// The offsets where matches of pattern `i` can begin (ascending, no repeats); nil
        /// when they could begin anywhere.
        public func starts(ofPattern i: Int) -> [Int32]? {
            guard let ids = leading[i] else { return nil }
            if ids.count == 1 { return starts[ids[0]] }
            var all: [Int32] = []
            for id in ids { all.append(contentsOf: starts[id]) }
            all.sort()
            var unique: [Int32] = []
            unique.reserveCapacity(all.count)
            for x in all where unique.last != x { unique.append(x) }
            return unique
        }
    }

    /// Screens `bytes` (UTF-8) for every pattern.
    public func screen(_ bytes: [UInt8]) -> Screening {
        let result = scanner.search(bytes)
        let mayMatch = required.map { sets in sets.allSatisfy { set in set.contains { result.found[$0] } } }
        return Screening(mayMatch: mayMatch, starts: result.starts, leading: leading)
    }
}
