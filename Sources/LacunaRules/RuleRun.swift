import LacunaCore
import LacunaPatterns

/// The work of running a rule set on one document: the document's subject, sentence
/// boundaries and the matches of each pattern, each computed at most once.
final class RuleRun {
    let document: Document
    let set: RuleSet
    let subject: Subject
    /// What the literals in the document tell about each pattern: whether it may match, and
    /// where its matches can begin.
    private let screening: Prefilter.Screening
    private var cache: [Int: [Match]] = [:]
    private var contextCache: [Int: [Match]] = [:]
    private lazy var sentenceEnds: [Int] = computeSentenceEnds()

    init(document: Document, set: RuleSet) {
        self.document = document
        self.set = set
        self.subject = Subject(document.source.text)
        self.screening = set.prefilter.screen(subject.bytes)
    }

    /// Matches of a pattern outside excluded text, in text order.
    /// Matches of a pattern that may be evidence: none in excluded text.
    func matches(_ index: Int) throws -> [Match] {
        if let cached = cache[index] { return cached }
        let found = try run(index) { m in
            !m.range.isEmpty && !document.isExcluded(m.range)
        }
        cache[index] = found
        return found
    }

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
        guard screening.mayMatch[index] else { return [] }
        let pattern = set.patterns[index]
        if let starts = screening.starts(ofPattern: index) {
            return try pattern.matches(in: subject, startingAt: starts, limits: set.limits, accept: accept)
        }
        return try pattern.matches(in: subject, limits: set.limits, accept: accept)
    }

    func evidence(for rule: CompiledRule) throws -> [Evidence] {
        let spec = rule.spec
        var candidates: [Match] = []
        for p in rule.patterns { candidates.append(contentsOf: try matches(p)) }
        candidates.sort { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.upperBound > $1.range.upperBound }
        var evidence: [Evidence] = []
        var lastEnd = -1
        var kept = 0
        for match in candidates where kept < spec.maxEvidence {
            if match.range.lowerBound < lastEnd { continue }  // overlapping hits of several patterns
            if spec.scope == .trafficking && !document.isInTraffickingScope(match.range.lowerBound) { continue }
            if spec.scope == .related && !document.isTraffickingRelated(match.range.lowerBound) { continue }
            let context = self.context(spec.context, around: match.range)
            if try !rule.with.allSatisfy({ try hasMatch($0, in: context, besides: match.range) }) { continue }
            let withoutContext = spec.withoutContext.map { self.context($0, around: match.range) } ?? context
            if try rule.without.contains(where: { try hasMatch($0, in: withoutContext, besides: nil) }) { continue }
            if !numbersHold(spec.numbers, match: match, rule: spec) { continue }
            lastEnd = match.range.upperBound
            kept += 1
            let quoteRange = quote(around: match.range)
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
        for (k, q) in set.qualifiers.enumerated() {
            let context = self.context(q.spec.context, around: range)
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
            return sectionRange(at: range.lowerBound)
        case .provision:
            guard let p = document.provision(at: range.lowerBound) else { return 0..<subject.bytes.count }
            return document.provisions[p].range
        case .sentence:
            return sentence(around: range)
        case .clause:
            return clause(around: range)
        case .lead:
            return sentence(around: range).lowerBound..<clause(around: range).upperBound
        }
    }

    func sectionRange(at offset: Int) -> Range<Int> {
        guard let p = document.provision(at: offset) else { return 0..<subject.bytes.count }
        return document.provisions[document.section(of: p)].range
    }

    func computeSentenceEnds() -> [Int] {
        let b = subject.bytes
        var ends: [Int] = []
        var i = 0
        while i < b.count {
            if b[i] == 0x2E || b[i] == 0x3F || b[i] == 0x21 {
                var j = i + 1
                if j < b.count, b[j] == 0x0A || b[j] == 0x0D { ends.append(i + 1); i = j; continue }
                var spaces = 0
                while j < b.count, b[j] == 0x20 || b[j] == 0x09 { j += 1; spaces += 1 }
                if j >= b.count { ends.append(i + 1) } else if spaces > 0, RuleRun.startsSentence(b[j]), !isAbbreviation(before: i),
                    !endsItemNumber(i) {
                    ends.append(i + 1)
                }
            }
            i += 1
        }
        return ends
    }

    /// The full stop of a list item's number ("1. ", "(a)1. ", "iv. " at the start of a line,
    /// numbering a paragraph or a lower provision): it ends no sentence, so the item stays in
    /// the sentence of its lead-in. A section's number ("7. A person who ...") still starts a
    /// sentence of its own.
    func endsItemNumber(_ dot: Int) -> Bool {
        guard RuleRun.endsLineMarker(subject.bytes, dot), let p = document.provision(at: dot) else { return false }
        return document.provisions[p].kind >= .paragraph
    }

    /// A full stop that closes a short number at the start of a line ("1.", "(a)1.", "iv.").
    static func endsLineMarker(_ b: [UInt8], _ dot: Int) -> Bool {
        var s = dot
        var letters = 0
        while s > 0, dot - s < 12, b[s - 1] != 0x0A {
            let c = b[s - 1]
            let letter = (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A)
            guard letter || (c >= 0x30 && c <= 0x39) || c == 0x28 || c == 0x29 else { return false }
            if letter { letters += 1 }
            s -= 1
        }
        // "Definitions. In this Act ...": a word, not an item number
        guard letters <= 4 else { return false }
        guard s == 0 || b[s - 1] == 0x0A, s < dot else { return false }
        let c = b[dot - 1]
        return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A)
    }

    static func startsSentence(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || c == 0x28 || c == 0x22 || c == 0x5B || c == 0xE2
    }

    /// "No. 1", "Art. 2", "s. 3", "U.S.C. 1101": a full stop that does not end a sentence.
    func isAbbreviation(before dot: Int) -> Bool {
        let b = subject.bytes
        var s = dot
        while s > 0, (b[s - 1] >= 0x41 && b[s - 1] <= 0x5A) || (b[s - 1] >= 0x61 && b[s - 1] <= 0x7A) || b[s - 1] == 0x2E { s -= 1 }
        let word = String(decoding: b[s..<dot], as: UTF8.self).lowercased()
        return ["no", "art", "arts", "s", "ss", "sec", "para", "c", "ch", "u.s.c", "cf", "e.g", "i.e", "nos", "mr", "dr", "st", "vol", "p"].contains(word)
    }

    func sentence(around range: Range<Int>) -> Range<Int> {
        let section = sectionRange(at: range.lowerBound)
        let ends = sentenceEnds
        // last end <= range.lowerBound
        var low = 0, high = ends.count
        while low < high {
            let mid = (low + high) / 2
            if ends[mid] <= range.lowerBound { low = mid + 1 } else { high = mid }
        }
        var start = low > 0 ? ends[low - 1] : 0
        // A list item ("c. Organising training ...") belongs with the words that introduce the
        // list ("The Committee shall undertake the following tasks:").
        if let chapeau = chapeauStart(beforeListItemAt: start, notBefore: section.lowerBound) {
            start = chapeau
        }
        var k = low
        while k < ends.count, ends[k] < range.upperBound { k += 1 }
        let end = k < ends.count ? ends[k] : subject.bytes.count
        return max(start, section.lowerBound)..<max(max(start, section.lowerBound), min(end, section.upperBound))
    }

    /// When the text at `offset` is a list item, the start of the sentence whose words end
    /// with the colon that opens the list; nil otherwise.
    func chapeauStart(beforeListItemAt offset: Int, notBefore floor: Int) -> Int? {
        let b = subject.bytes
        var lineStart = offset
        while lineStart < b.count, b[lineStart] == 0x20 || b[lineStart] == 0x0A || b[lineStart] == 0x0D { lineStart += 1 }
        guard isListItem(at: lineStart) else { return nil }
        // Walk back line by line over list items of the same numbering ("4.", "3." ...) to the
        // line that ends with a colon; an item numbered otherwise ("d.", "(ii)") belongs to
        // another list, and the colon before it does not introduce this one.
        let family = RuleRun.markerFamily(b, lineStart)
        var cursor = lineStart
        for _ in 0..<60 {
            guard cursor > floor else { return nil }
            var previousEnd = cursor - 1
            while previousEnd > floor, b[previousEnd] == 0x0A || b[previousEnd] == 0x0D || b[previousEnd] == 0x20 { previousEnd -= 1 }
            var previousStart = previousEnd
            while previousStart > floor, b[previousStart - 1] != 0x0A { previousStart -= 1 }
            if b[previousEnd] == 0x3A || (b[previousEnd] == 0x94 && previousEnd >= 2 && b[previousEnd - 2] == 0xE2) {
                // the sentence that holds the colon
                let ends = sentenceEnds
                var low = 0, high = ends.count
                while low < high {
                    let mid = (low + high) / 2
                    if ends[mid] <= previousEnd { low = mid + 1 } else { high = mid }
                }
                return max(floor, low > 0 ? ends[low - 1] : 0)
            }
            guard isListItem(at: previousStart), RuleRun.markerFamily(b, previousStart) == family else { return nil }
            cursor = previousStart
        }
        return nil
    }

    /// A list item: a paragraph or point ("a. ", "(c) ", "3. ", "iv) ") — not a subsection,
    /// which is a provision of its own and ends the list before it.
    func isListItem(at i: Int) -> Bool {
        guard RuleRun.startsListItem(subject.bytes, i) else { return false }
        guard let p = document.provision(at: i), document.provisions[p].range.lowerBound == i else { return true }
        return document.provisions[p].kind >= .paragraph
    }

    /// "a. ", "(c) ", "3. ", "iv) " at `i`, or a roman numeral and a dash, "II – " (the items
    /// of Brazilian and Portuguese articles).
    static func startsListItem(_ b: [UInt8], _ i: Int) -> Bool {
        if startsRomanDashItem(b, i) { return true }
        var j = i
        if j < b.count, b[j] == 0x28 { j += 1 }
        let s = j
        while j < b.count, j - s < 5, (b[j] >= 0x30 && b[j] <= 0x39) || (b[j] >= 0x61 && b[j] <= 0x7A) || (b[j] >= 0x41 && b[j] <= 0x5A) { j += 1 }
        guard j > s, j < b.count, b[j] == 0x2E || b[j] == 0x29 else { return false }
        return j + 1 < b.count && b[j + 1] == 0x20
    }

    /// How an item is numbered: bracketed or not, and digits, small letters or capitals
    /// ("(a)" and "(iv)" are one family, as are "3." and "12.").
    static func markerFamily(_ b: [UInt8], _ i: Int) -> Int {
        guard i < b.count else { return 0 }
        let bracketed = b[i] == 0x28
        let j = bracketed ? i + 1 : i
        guard j < b.count else { return 0 }
        let c = b[j]
        let kind = (c >= 0x30 && c <= 0x39) ? 1 : (c >= 0x61 && c <= 0x7A) ? 2 : (c >= 0x41 && c <= 0x5A) ? 3 : 4
        return kind + (bracketed ? 10 : 0)
    }

    /// "IV – ", "II — ", "I - ": capital roman numerals, a space, a dash, a space.
    static func startsRomanDashItem(_ b: [UInt8], _ i: Int) -> Bool {
        var j = i
        while j < b.count, j - i < 6, b[j] == UInt8(ascii: "I") || b[j] == UInt8(ascii: "V") || b[j] == UInt8(ascii: "X") { j += 1 }
        guard j > i, j + 2 < b.count, b[j] == 0x20 else { return false }
        j += 1
        if b[j] == UInt8(ascii: "-") { return j + 1 < b.count && b[j + 1] == 0x20 }
        // en dash E2 80 93, em dash E2 80 94
        return j + 3 < b.count && b[j] == 0xE2 && b[j + 1] == 0x80 && (b[j + 2] == 0x93 || b[j + 2] == 0x94) && b[j + 3] == 0x20
    }

    func clause(around range: Range<Int>) -> Range<Int> {
        let s = sentence(around: range)
        let b = subject.bytes
        var start = range.lowerBound
        while start > s.lowerBound, !RuleRun.isClauseBreak(b, start - 1) { start -= 1 }
        var end = range.upperBound
        while end < s.upperBound, !RuleRun.isClauseBreak(b, end) { end += 1 }
        return start..<end
    }

    /// A semicolon, or a line break followed by a list marker, ends a clause.
    static func isClauseBreak(_ b: [UInt8], _ i: Int) -> Bool {
        if b[i] == 0x3B { return true }
        if b[i] == 0x0A {
            var j = i + 1
            while j < b.count, b[j] == 0x0A || b[j] == 0x20 { j += 1 }
            return j < b.count && b[j] == 0x28
        }
        return false
    }

    /// The decisive words: the match and a few words either side, inside its clause, at most
    /// about twenty words.
    func quote(around range: Range<Int>) -> Range<Int> {
        let c = sentence(around: range)
        let b = subject.bytes
        func isBreak(_ i: Int) -> Bool { b[i] == 0x3B || b[i] == 0x0A }
        var start = range.lowerBound
        var words = 0
        while start > c.lowerBound, !isBreak(start - 1) {
            if b[start - 1] == 0x20, start < range.lowerBound { words += 1; if words >= 6 { break } }
            start -= 1
        }
        var end = range.upperBound
        words = 0
        let matchWords = b[range].filter { $0 == 0x20 }.count
        let budget = max(2, 14 - matchWords)
        while end < c.upperBound, !isBreak(end) {
            if b[end] == 0x20 { words += 1; if words > budget { break } }
            end += 1
        }
        while start < end, b[start] == 0x20 || b[start] == 0x0A { start += 1 }
        while end > start, b[end - 1] == 0x20 || b[end - 1] == 0x0A || b[end - 1] == 0x2C { end -= 1 }
        return start..<end
    }

    static func clean(_ s: String) -> String {
        s.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == " " }).joined(separator: " ")
    }
}
