import LacunaCore
import LacunaPatterns
import LacunaText

/// The work of running a rule set on one document: the document's subject, its sentence map
/// and the matches of each pattern, each computed at most once.
final class RuleRun {
    let document: Document
    let set: RuleSet
    let subject: Subject
    /// What the literals in the document tell about each pattern: whether it may match, and
    /// where its matches can begin.
    let screening: Prefilter.Screening
    private var cache: [Int: [Match]] = [:]
    private var contextCache: [Int: [Match]] = [:]
    /// The document's sentences, clauses and list items (a stored `let`: a lazy struct would
    /// be copied, with all its arrays retained and released, on every question asked of it).
    private let sentences: SentenceMap
    /// `sentences.sentence(around:)` by range: the rule's context, the qualifiers' contexts
    /// and the quote of one match all start from the same sentence.
    private var sentenceCache: [Range<Int>: Range<Int>] = [:]

    init(document: Document, set: RuleSet) {
        self.document = document
        self.set = set
        self.subject = Subject(utf8OfString: document.source.utf8)  // shared, not a copy of a long text
        self.screening = set.prefilter.screen(subject.bytes)
        self.sentences = SentenceMap(document: document)
    }

    /// The sentence holding `range` (``SentenceMap/sentence(around:)``), computed once per range.
    func sentence(around range: Range<Int>) -> Range<Int> {
        if let known = sentenceCache[range] { return known }
        let s = sentences.sentence(around: range)
        sentenceCache[range] = s
        return s
    }

    /// Matches of a pattern outside excluded text, in text order.
    /// Matches of a pattern that may be evidence: none in excluded text.
    func matches(_ index: Int) throws -> [Match] {
        if let cached = cache[index] { return cached }
        let found = try searchForEvidence(index)
        cache[index] = found
        return found
    }

    /// The search behind ``matches(_:)``, without the cache.
    func searchForEvidence(_ index: Int) throws -> [Match] {
        try RuleRun.searchForEvidence(index, set: set, subject: subject, screening: screening, document: document)
    }

    /// The search behind ``matches(_:)``: reads only its arguments (all immutable values), so
    /// several threads may run it at once (``prefetch(_:workers:)``).
    static func searchForEvidence(_ index: Int, set: RuleSet, subject: Subject, screening: Prefilter.Screening,
                                  document: Document) throws -> [Match] {
        try search(index, set: set, subject: subject, screening: screening) { m in
            !m.range.isEmpty && !document.isExcluded(m.range)
        }
    }

    func isCached(_ index: Int) -> Bool { cache[index] != nil }

    func keep(_ found: [Match], for index: Int) { cache[index] = found }

    /// Matches of a `with` or `without` pattern: as for evidence, except that the term a
    /// definition defines is visible (a rule may ask which term is being defined).
    func contextMatches(_ index: Int) throws -> [Match] {
        if let cached = contextCache[index] { return cached }
        let found = try run(index) { m in
            guard !m.range.isEmpty else { return false }
            guard let x = document.exclusion(overlapping: m.range) else { return true }
            guard x.reason == .definedTerm else { return false }
            let rest = min(x.range.upperBound, m.range.upperBound)..<m.range.upperBound
            return rest.isEmpty || document.exclusion(overlapping: rest).map { $0.reason == .definedTerm } ?? true
        }
        contextCache[index] = found
        return found
    }

    /// The matches of pattern `index` that `accept` keeps: none when the document lacks what
    /// it needs, tried only where its matches can begin when that is known.
    private func run(_ index: Int, accept: (Match) -> Bool) throws -> [Match] {
        try RuleRun.search(index, set: set, subject: subject, screening: screening, accept: accept)
    }

    private static func search(_ index: Int, set: RuleSet, subject: Subject, screening: Prefilter.Screening,
                               accept: (Match) -> Bool) throws -> [Match] {
        guard screening.mayMatch[index] else { return [] }
        let pattern = set.patterns[index]
        if let starts = screening.starts(ofPattern: index) {
            return try pattern.matches(in: subject, startingAt: starts, limits: set.limits, accept: accept)
        }
        return try pattern.matches(in: subject, limits: set.limits, accept: accept)
    }

    /// Whether some part of the document is in a language `rule` reads (or in one no rule
    /// reads): a French rule is not searched for in an English text.
    func admits(_ rule: CompiledRule) -> Bool {
        document.languages.admitsAnywhere(rule.spec.languages, readable: set.reads)
    }

    func evidence(for rule: CompiledRule) throws -> [Evidence] {
        let spec = rule.spec
        guard admits(rule) else { return [] }
        var candidates: [Match] = []
        for p in rule.patterns { candidates.append(contentsOf: try matches(p)) }
        candidates.sort { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.upperBound > $1.range.upperBound }
        var evidence: [Evidence] = []
        var lastEnd = -1
        var kept = 0
        for match in candidates where kept < spec.maxEvidence {
            if match.range.lowerBound < lastEnd { continue }  // overlapping hits of several patterns
            if !document.languages.admits(spec.languages, at: match.range.lowerBound, readable: set.reads) { continue }
            if spec.scope == .trafficking && !document.isInTraffickingScope(match.range.lowerBound) { continue }
            if spec.scope == .related && !document.isTraffickingRelated(match.range.lowerBound) { continue }
            let context = self.context(spec.context, around: match.range)
            if try !rule.with.allSatisfy({ try hasMatch($0, in: context, besides: match.range) }) { continue }
            let withoutContext = spec.withoutContext.map { self.context($0, around: match.range) } ?? context
            if try rule.without.contains(where: { try hasMatch($0, in: withoutContext, besides: nil) }) { continue }
            if !numbersHold(spec.numbers, match: match, rule: spec) { continue }
            lastEnd = match.range.upperBound
            kept += 1
            let quoteRange = sentences.quote(around: match.range, inSentence: sentence(around: match.range))
            let qualifiers = spec.effect == .satisfies ? try qualifications(around: match.range) : []
            for requirement in spec.requirements {
                evidence.append(Evidence(requirement: requirement, effect: spec.effect, rule: spec.id,
                                         range: match.range, provision: citation(at: match.range.lowerBound),
                                         quote: RuleRun.clean(document.source.slice(quoteRange)), note: spec.note,
                                         qualifiers: qualifiers))
            }
        }
        return evidence
    }

    /// The qualifiers whose words stand in their context around `range`, or in a sentence
    /// elsewhere that names the provision holding `range` ("Assistance under subsection (1)
    /// may be given only to a victim who assists the police").
    func qualifications(around range: Range<Int>) throws -> [Qualification] {
        var found: [Qualification] = []
        var contexts: [RuleContext: Range<Int>] = [:]
        for (k, q) in set.qualifiers.enumerated() {
            let context = contexts[q.spec.context] ?? self.context(q.spec.context, around: range)
            contexts[q.spec.context] = context
            var hit: Range<Int>?
            for p in q.patterns {
                if let h = try firstMatch(p, in: context) { hit = h; break }
            }
            if hit == nil { hit = try referringHits(of: k).first { $0.target.contains(range.lowerBound) }?.words }
            if let hit {
                found.append(Qualification(kind: q.spec.kind, qualifier: q.spec.id, summary: q.spec.summary,
                                           quote: RuleRun.clean(document.source.slice(hit))))
            }
        }
        return found
    }

    private var referringHitsCache: [Int: [(words: Range<Int>, target: Range<Int>)]] = [:]

    /// The words of qualifier `k` found in sentences that name another provision, with the
    /// span of the provision they name (computed once per document).
    func referringHits(of k: Int) throws -> [(words: Range<Int>, target: Range<Int>)] {
        if let cached = referringHitsCache[k] { return cached }
        var hits: [(words: Range<Int>, target: Range<Int>)] = []
        for p in set.qualifiers[k].patterns {
            for m in try contextMatches(p) where restricts(before: m.range) {
                let sentence = self.sentence(around: m.range)
                let here = document.provision(at: m.range.lowerBound)
                for target in try referencedProvisions(in: sentence, from: here) where !target.contains(m.range.lowerBound) {
                    hits.append((m.range, target))
                }
            }
        }
        referringHitsCache[k] = hits
        return hits
    }

    /// Whether the words just before a qualifier restrict ("granted only to victims who",
    /// "on condition that the victim"): a sentence elsewhere narrows a provision it names only
    /// when it says so; "when the victim is a child, the rights in Article 10 shall be
    /// guaranteed with attention to ..." adds to Article 10 and limits nothing.
    func restricts(before range: Range<Int>) -> Bool {
        let lead = document.source.slice(max(0, range.lowerBound - 80)..<range.lowerBound).lowercased()
        return ["only ", "solely ", "exclusively ", "on condition", "provided that", "subject to"].contains { lead.contains($0) }
    }

    /// The spans of the provisions a sentence names: "subsection (1)" in its own section,
    /// "Article 10" or "section 4" anywhere.
    func referencedProvisions(in sentence: Range<Int>, from here: Int?) throws -> [Range<Int>] {
        var spans: [Range<Int>] = []
        let words = Subject(document.source.slice(sentence))
        // "The assistance in subparagraphs b) and c) of Article 10": those items only.
        var itemized = Set<String>()
        for m in try set.itemReference.matches(in: words, limits: set.limits) {
            guard let itemsRange = m.range(named: "items"), let labelRange = m.range(named: "label") else { continue }
            let label = words.text(labelRange)
            let items = Set(words.text(itemsRange).split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { $0 != "and" && $0 != "or" })
            guard let section = sectionsByLabel[label] else { continue }
            itemized.insert(label)
            // The items may sit under a subsection ("section 10(1)(b)"): any provision of the section.
            let end = document.provisions[section].range.upperBound
            for p in (section + 1)..<document.provisions.count {
                guard document.provisions[p].range.lowerBound < end else { break }
                if items.contains(RuleRun.bare(document.provisions[p].label)) {
                    spans.append(document.provisions[p].range)
                }
            }
        }
        for m in try set.reference.matches(in: words, limits: set.limits) {
            guard let labelRange = m.range(named: "label") else { continue }
            let label = words.text(labelRange).filter { $0 != "(" && $0 != ")" }
            if m.range(named: "sub") != nil, let here {
                let section = document.section(of: here)
                if let p = document.provisions.indices.first(where: { document.provisions[$0].parent == section
                        && document.provisions[$0].label.filter({ $0 != "(" && $0 != ")" }) == label }) {
                    spans.append(document.provisions[p].range)
                }
            } else if !itemized.contains(label), let p = sectionsByLabel[label] {
                spans.append(document.provisions[p].range)
            }
        }
        return spans
    }

    /// Sections by their label ("10", "279.01"), the first of each, built when first asked.
    private lazy var sectionsByLabel: [String: Int] = Dictionary(
        document.provisions.indices.filter { document.provisions[$0].kind == .section }.map { (document.provisions[$0].label, $0) },
        uniquingKeysWith: { first, _ in first })

    /// An item's label without its decoration, as a list of items names it: "(b)", "b)" and
    /// "b." are "b".
    static func bare(_ label: String) -> String {
        String(label.filter { $0.isLetter || $0.isNumber })
    }

    func citation(at offset: Int) -> String? {
        guard let p = document.provision(at: offset) else { return nil }
        let c = document.provisions[p].citation
        return c.isEmpty ? nil : c
    }

    func hasMatch(_ index: Int, in context: Range<Int>, besides: Range<Int>?) throws -> Bool {
        try firstMatch(index, in: context) != nil
    }

    /// The first match of pattern `index` that lies inside `context`.
    func firstMatch(_ index: Int, in context: Range<Int>) throws -> Range<Int>? {
        let all = try contextMatches(index)
        // first match ending after the context start
        var low = 0, high = all.count
        while low < high {
            let mid = (low + high) / 2
            if all[mid].range.upperBound <= context.lowerBound { low = mid + 1 } else { high = mid }
        }
        var i = low
        while i < all.count, all[i].range.lowerBound < context.upperBound {
            if all[i].range.lowerBound >= context.lowerBound && all[i].range.upperBound <= context.upperBound {
                return all[i].range
            }
            i += 1
        }
        return nil
    }

    func numbersHold(_ conditions: [NumberCondition], match: Match, rule: RuleSpec) -> Bool {
        for c in conditions {
            guard let r = match.range(named: c.group), let value = NumberWords.parse(subject.text(r)) else { return false }
            if let min = c.atLeast, value < min { return false }
            if let max = c.below, value >= max { return false }
        }
        return true
    }

    // MARK: contexts

    func context(_ kind: RuleContext, around range: Range<Int>) -> Range<Int> {
        switch kind {
        case .document:
            return 0..<subject.bytes.count
        case .section:
            return sentences.section(at: range.lowerBound)
        case .provision:
            guard let p = document.provision(at: range.lowerBound) else { return 0..<subject.bytes.count }
            return document.provisions[p].range
        case .sentence:
            return sentence(around: range)
        case .clause:
            return sentences.clause(around: range, inSentence: sentence(around: range))
        case .lead:
            let s = sentence(around: range)
            return s.lowerBound..<sentences.clause(around: range, inSentence: s).upperBound
        }
    }

    /// The words of `s` separated by single spaces: runs of line breaks, tabs and spaces
    /// become one space, none at either end.
    ///
    /// Separators are whole characters (a "\r\n" is one character and no separator, nor is
    /// a space that a combining mark joins); pure ASCII text without a carriage return has
    /// no such characters and is cleaned byte by byte, giving the same string.
    static func clean(_ s: String) -> String {
        let fast: String? = s.utf8.withContiguousStorageIfAvailable { b -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            var pendingSpace = false
            for c in b {
                if c >= 0x80 || c == 0x0D { return nil }
                if c == 0x0A || c == 0x09 || c == 0x20 {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(c)
            }
            return String(decoding: out, as: UTF8.self)
        } ?? nil
        return fast ?? s.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == " " }).joined(separator: " ")
    }
}
