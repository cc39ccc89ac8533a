import LacunaCore

/// The sentences, clauses and list items of one segmented document: where each sentence
/// ends, which words a list item hangs from (its chapeau), and the clause and quotable words
/// around a span. Built once per document (the rule engine builds it on first use) and read
/// by every rule that asks for a sentence, a clause or the lead of a list.
///
/// What is a list item has one answer here, built on the segmenter's: where the segmenter
/// opened a provision, a list item is a paragraph, point or anything deeper, never a
/// subsection (a provision of its own, which ends the list before it); elsewhere it is text
/// that starts like one (``startsListItem(_:_:)``). That shape test is deliberately looser
/// than the segmenter's marker grammar (`MarkerScanner.parenthesised()` and `point()`): it
/// runs at sentence starts inside provisions, over items the segmenter leaves inside their
/// provision's text (run-in lists it does not split, "II – " items of Brazilian and
/// Portuguese articles, "(a." written for "(a)"), and only decides whether the words
/// that open the list belong to the item's sentence. The grammar must read a label and its
/// style from a line, so it is strict where this test need not be. The byte that may start
/// a sentence (``startsSentence(_:)``) is shared: the marker scanner asks it of the words
/// after a bare section number.
///
/// Laws:
/// - Every range returned is a byte range of the document's text.
/// - `sentence(around: r)` lies within `section(at: r.lowerBound)` (the whole text outside
///   any provision).
/// - For a range inside its section, `clause(around:)` and `quote(around:)` lie within
///   `sentence(around:)`.
/// - Pure and deterministic: the same document, the same ranges.
public struct SentenceMap: Sendable {
    public let document: Document
    let bytes: [UInt8]
    /// The offsets just past each sentence's closing mark, in text order.
    let ends: [Int]

    public init(document: Document) {
        self.document = document
        self.bytes = document.source.utf8
        let bytes = document.source.utf8
        self.ends = SentenceMap.sentenceEnds(in: bytes).filter { !SentenceMap.endsItemNumber(bytes, document, $0 - 1) }
    }

    // MARK: sentences

    /// A full stop, question or exclamation mark ends a sentence at a line break, at the end
    /// of the text, or before a space and a capital, bracket or quote — unless it closes an
    /// abbreviation ("No. 1", "s. 3").
    static func sentenceEnds(in b: [UInt8]) -> [Int] {
        var ends: [Int] = []
        var i = 0
        while i < b.count {
            if b[i] == 0x2E || b[i] == 0x3F || b[i] == 0x21 {
                var j = i + 1
                if j < b.count, b[j] == 0x0A || b[j] == 0x0D { ends.append(i + 1); i = j; continue }
                var spaces = 0
                while j < b.count, b[j] == 0x20 || b[j] == 0x09 { j += 1; spaces += 1 }
                if j >= b.count { ends.append(i + 1) } else if spaces > 0, startsSentence(b[j]), !isAbbreviation(b, before: i) {
                    ends.append(i + 1)
                }
            }
            i += 1
        }
        return ends
    }

    /// The full stop of a list item's number ("1. ", "(a)1. ", "iv. " at the start of a line,
    /// numbering a paragraph or a lower provision): it ends no sentence, so the item stays in
    /// the sentence of its lead-in. A section's number ("7. A person who ...") still ends the
    /// sentence before it.
    static func endsItemNumber(_ b: [UInt8], _ document: Document, _ dot: Int) -> Bool {
        guard b[dot] == 0x2E, endsLineMarker(b, dot), let p = document.provision(at: dot) else { return false }
        return document.provisions[p].kind >= .paragraph
    }

    /// A full stop that closes a short number at the start of a line ("1.", "(a)1.", "iv.").
    static func endsLineMarker(_ b: [UInt8], _ dot: Int) -> Bool {
        var s = dot
        var letters = 0
        while s > 0, dot - s < 12, b[s - 1] != 0x0A {
            let c = b[s - 1]
            let letter = MarkerScanner.isAlpha(c)
            guard letter || MarkerScanner.isDigit(c) || c == 0x28 || c == 0x29 else { return false }
            if letter { letters += 1 }
            s -= 1
        }
        // "Definitions. In this Act ...": a word, not an item number
        guard letters <= 4, s == 0 || b[s - 1] == 0x0A, s < dot else { return false }
        return MarkerScanner.isDigit(b[dot - 1]) || MarkerScanner.isAlpha(b[dot - 1])
    }

    /// Whether byte `c` may open a sentence (or a marker): a capital, an opening parenthesis,
    /// bracket or straight quote, or the first byte of a curly quote or dash.
    public static func startsSentence(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || c == 0x28 || c == 0x22 || c == 0x5B || c == 0xE2
    }

    static let abbreviations: Set<String> = ["no", "art", "arts", "s", "ss", "sec", "para", "c", "ch", "u.s.c", "cf", "e.g",
                                             "i.e", "nos", "mr", "dr", "st", "vol", "p"]

    /// "No. 1", "Art. 2", "s. 3", "U.S.C. 1101": a full stop that does not end a sentence.
    static func isAbbreviation(_ b: [UInt8], before dot: Int) -> Bool {
        var s = dot
        while s > 0, (b[s - 1] >= 0x41 && b[s - 1] <= 0x5A) || (b[s - 1] >= 0x61 && b[s - 1] <= 0x7A) || b[s - 1] == 0x2E { s -= 1 }
        let word = String(decoding: b[s..<dot], as: UTF8.self).lowercased()
        return abbreviations.contains(word)
    }

    /// The index of the first sentence end after `offset` (the count of ends at or before it).
    func firstEnd(after offset: Int) -> Int {
        var low = 0, high = ends.count
        while low < high {
            let mid = (low + high) / 2
            if ends[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The span of the section (or higher provision) holding `offset`; the whole text outside
    /// any provision.
    public func section(at offset: Int) -> Range<Int> {
        guard let p = document.provision(at: offset) else { return 0..<bytes.count }
        return document.provisions[document.section(of: p)].range
    }

    /// The sentence holding `range`, within its section; a list item's sentence begins with
    /// the words that open the list.
    public func sentence(around range: Range<Int>) -> Range<Int> {
        let section = self.section(at: range.lowerBound)
        let low = firstEnd(after: range.lowerBound)
        var start = low > 0 ? ends[low - 1] : 0
        // A list item ("c. Organising training ...") belongs with the words that introduce the
        // list ("The Committee shall undertake the following tasks:").
        if let chapeau = chapeauStart(beforeListItemAt: start, notBefore: section.lowerBound) {
            start = chapeau
        }
        var k = low
        while k < ends.count, ends[k] < range.upperBound { k += 1 }
        let end = k < ends.count ? ends[k] : bytes.count
        return max(start, section.lowerBound)..<max(max(start, section.lowerBound), min(end, section.upperBound))
    }

    /// When the text at `offset` is a list item, the start of the sentence whose words end
    /// with the colon that opens the list; nil otherwise.
    func chapeauStart(beforeListItemAt offset: Int, notBefore floor: Int) -> Int? {
        let b = bytes
        var lineStart = offset
        while lineStart < b.count, b[lineStart] == 0x20 || b[lineStart] == 0x0A || b[lineStart] == 0x0D { lineStart += 1 }
        guard isListItem(at: lineStart) else { return nil }
        // Walk back line by line over list items of the same numbering ("4.", "3." ...) to the
        // line that ends with a colon; an item numbered otherwise ("d.", "(ii)") belongs to
        // another list, and the colon before it does not introduce this one.
        let family = SentenceMap.markerFamily(b, lineStart)
        var cursor = lineStart
        for _ in 0..<60 {
            guard cursor > floor else { return nil }
            var previousEnd = cursor - 1
            while previousEnd > floor, b[previousEnd] == 0x0A || b[previousEnd] == 0x0D || b[previousEnd] == 0x20 { previousEnd -= 1 }
            var previousStart = previousEnd
            while previousStart > floor, b[previousStart - 1] != 0x0A { previousStart -= 1 }
            if b[previousEnd] == 0x3A || (b[previousEnd] == 0x94 && previousEnd >= 2 && b[previousEnd - 2] == 0xE2) {
                // the sentence that holds the colon
                let low = firstEnd(after: previousEnd)
                return max(floor, low > 0 ? ends[low - 1] : 0)
            }
            guard isListItem(at: previousStart), SentenceMap.markerFamily(b, previousStart) == family else { return nil }
            cursor = previousStart
        }
        return nil
    }

    // MARK: list items

    /// A list item: a paragraph or point ("a. ", "(c) ", "3. ", "iv) ") — not a subsection,
    /// which is a provision of its own and ends the list before it.
    public func isListItem(at i: Int) -> Bool {
        guard SentenceMap.startsListItem(bytes, i) else { return false }
        guard let p = document.provision(at: i), document.provisions[p].range.lowerBound == i else { return true }
        return document.provisions[p].kind >= .paragraph
    }

    /// How an item is numbered: bracketed or not, and digits, small letters or capitals
    /// ("(a)" and "(iv)" are one family, as are "3." and "12.").
    struct MarkerFamily: Equatable {
        enum Characters { case digits, small, capitals, other }
        let bracketed: Bool
        let characters: Characters
    }

    static func markerFamily(_ b: [UInt8], _ i: Int) -> MarkerFamily? {
        guard i < b.count else { return nil }
        let bracketed = b[i] == 0x28
        let j = bracketed ? i + 1 : i
        guard j < b.count else { return nil }
        let c = b[j]
        let characters: MarkerFamily.Characters = MarkerScanner.isDigit(c) ? .digits : MarkerScanner.isLower(c) ? .small
            : MarkerScanner.isUpper(c) ? .capitals : .other
        return MarkerFamily(bracketed: bracketed, characters: characters)
    }

    /// "a. ", "(c) ", "3. ", "iv) " at `i`, or a roman numeral and a dash, "II – " (the items
    /// of Brazilian and Portuguese articles).
    public static func startsListItem(_ b: [UInt8], _ i: Int) -> Bool {
        if startsRomanDashItem(b, i) { return true }
        var j = i
        if j < b.count, b[j] == 0x28 { j += 1 }
        let s = j
        while j < b.count, j - s < 5, (b[j] >= 0x30 && b[j] <= 0x39) || (b[j] >= 0x61 && b[j] <= 0x7A) || (b[j] >= 0x41 && b[j] <= 0x5A) { j += 1 }
        guard j > s, j < b.count, b[j] == 0x2E || b[j] == 0x29 else { return false }
        return j + 1 < b.count && b[j + 1] == 0x20
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

    // MARK: clauses and quotes

    /// The clause holding `range`: its sentence cut at the nearest clause breaks either side.
    public func clause(around range: Range<Int>) -> Range<Int> {
        clause(around: range, inSentence: sentence(around: range))
    }

    /// ``clause(around:)`` when the caller already has `s`, the `sentence(around: range)`.
    public func clause(around range: Range<Int>, inSentence s: Range<Int>) -> Range<Int> {
        let b = bytes
        var start = range.lowerBound
        while start > s.lowerBound, !SentenceMap.isClauseBreak(b, start - 1) { start -= 1 }
        var end = range.upperBound
        while end < s.upperBound, !SentenceMap.isClauseBreak(b, end) { end += 1 }
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
    public func quote(around range: Range<Int>) -> Range<Int> {
        quote(around: range, inSentence: sentence(around: range))
    }

    /// ``quote(around:)`` when the caller already has `c`, the `sentence(around: range)`.
    public func quote(around range: Range<Int>, inSentence c: Range<Int>) -> Range<Int> {
        let b = bytes
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
}
