import Foundation
import LacunaCore
import LacunaPatterns

/// Small, pure tests on single lines that the segmenter uses to tell headings, editorial
/// notes, front matter and tables of contents from operative text.
///
/// They run on every line of every document, so the common cases work on UTF-8 bytes; the
/// few regular expressions are compiled once, with PCRE2.
enum TextClassifier {
    /// Letters and digits only, lower-cased: "ARRANGEMENT OF SECTIONS" → "arrangementofsections".
    static func normalised(_ text: String) -> String {
        var ascii: [UInt8] = []
        ascii.reserveCapacity(text.utf8.count)
        for c in text.utf8 {
            if c >= 0x80 {
                return String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
            }
            if c >= 0x41 && c <= 0x5A { ascii.append(c | 0x20) } else if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) { ascii.append(c) }
        }
        return String(decoding: ascii, as: UTF8.self)
    }

    /// The UTF-8 of `text` with ASCII letters in lower case (other characters as they are).
    static func asciiLowered<S: Sequence>(_ text: S) -> [UInt8] where S.Element == UInt8 {
        text.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    static func isTableOfContentsHeading(_ text: String) -> Bool {
        // "Table of contents", "ARRANGEMENT OF SECTIONS": a short line with one of those words
        guard text.utf8.count < 200, mayNormaliseToContentsHeading(text) else { return false }
        let n = normalised(text)
        return n.hasPrefix("arrangementofsections") || n == "tableofcontents" || n == "contents"
            || n.hasPrefix("arrangementofclauses") || n.hasPrefix("tableofprovisions")
    }

    /// The cheap test before ``isTableOfContentsHeading(_:)`` (it runs on every line): false
    /// only when the line's ``normalised(_:)`` form cannot begin "arrangementof", "contents" or
    /// "tableof" — an ASCII line whose first letter or digit is not an a, c or t. A line with
    /// non-ASCII bytes always passes (its normalised form lower-cases Unicode letters).
    static func mayNormaliseToContentsHeading(_ text: String) -> Bool {
        for c in text.utf8 {
            if c >= 0x80 { return true }
            let lower = c | 0x20
            if lower >= 0x61 && lower <= 0x7A && c >= 0x41 { return lower == 0x61 || lower == 0x63 || lower == 0x74 }
            if c >= 0x30 && c <= 0x39 { return false }
        }
        return false
    }

    /// "EXPLANATORY MEMORANDUM", "Explanatory Notes", "Statement of Objects and Reasons",
    /// "Memorandum of objects and reasons": the heading of what a bill prints after (or before)
    /// its clauses to explain them — not law (JUDGING rule 2).
    static func isExplanatoryHeading(_ text: String) -> Bool {
        guard text.utf8.count < 100, let first = text.utf8.first(where: { $0 != 0x23 && $0 != 0x20 && $0 != 0x5B }),
              [UInt8(ascii: "E"), UInt8(ascii: "e"), UInt8(ascii: "S"), UInt8(ascii: "s"), UInt8(ascii: "M"), UInt8(ascii: "m"),
               UInt8(ascii: "O"), UInt8(ascii: "o")].contains(first) else { return false }
        let n = normalised(String(text.drop { $0 == "#" || $0 == " " || $0 == "[" }))
        return n.hasPrefix("explanatorymemorandum") || n.hasPrefix("explanatorynote") || n.hasPrefix("explanatorystatement")
            || n.hasPrefix("statementofobjectsandreasons") || n.hasPrefix("memorandumofobjectsandreasons")
            || n.hasPrefix("objectsandreasons") || n.hasPrefix("statementofobjects")
    }

    /// The inside of a line wholly in square brackets, if it is one.
    static func bracketed(_ text: String) -> String? {
        guard text.hasPrefix("["), text.hasSuffix("]"), text.count >= 2 else { return nil }
        return String(text.dropFirst().dropLast()).trimmingSpaces()
    }

    static func isRepealMarker(_ inner: String) -> Bool {
        let l = inner.lowercased()
        return l.hasPrefix("repealed") || l.hasPrefix("deleted") || l.hasPrefix("abrogated") || l == "omitted"
            || l.hasPrefix("omitted by") || l.hasPrefix("spent")
    }

    static let editorialWords = ["not collected", "truncated", "inserted by", "substituted by", "amended by",
                                 "newly inserted", "inserted on", "amended on", "wholly amended", "deleted on", "enforcement date",
                                 "missing from", "supplied by", "not in source", "not available", "editor",
                                 "words preceding", "remainder", "...", "…", "source", "note:", "translat", "unofficial"]

    static func isEditorialNote(_ inner: String) -> Bool {
        let l = inner.lowercased()
        if editorialWords.contains(where: { l.contains($0) }) { return true }
        // Gazette references and similar codes: mostly digits and punctuation.
        let letters = inner.unicodeScalars.filter { $0.properties.isAlphabetic }.count
        return letters * 2 < inner.unicodeScalars.count
    }

    /// Amendment-history lines of consolidations: `2005, c. 43, s. 3; 2014, c. 25, s. 18`.
    static func isHistoryLine(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count >= 6, b[0...3].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), b[4] == 0x2C else { return false }
        return text.contains(", c.") || text.contains(", ch.") || text.contains(", s.")
    }

    /// Running heads and gazette furniture of printed laws.
    static func isPageFurniture(_ text: String) -> Bool {
        withUTF8(text) { b in
            (containsLowered(gazette, in: b) && isUpperCaseBanner(text)) || furnitureStarts.contains { startsLowered(b, with: $0) }
        }
    }

    static let gazette = Array("gazette".utf8)
    static let furnitureStarts = ["printed by", "published by", "registered no", "price "].map { Array($0.utf8) }

    /// A line whose letters are (almost) all capitals, like a running head.
    static func isUpperCaseBanner(_ text: String) -> Bool {
        var upper = 0, lower = 0
        for s in text.unicodeScalars where s.properties.isAlphabetic {
            if s.properties.isUppercase { upper += 1 } else { lower += 1 }
        }
        return upper >= 4 && lower * 5 <= upper
    }

    static let sentenceStarts = ["in this", "for the purpose", "any ", "every ", "a person", "whoever", "whosoever",
                                 "where ", "if ", "the ", "no ", "it ", "this ", "persons who", "subject to",
                                 "notwithstanding", "nothing", "a victim", "when ", "an offence", "unless", "such ", "as used in",
                                 "anyone", "everyone", "no one"]
    static let verbs = [" shall ", " is ", " are ", " means ", " may ", " who ", " commits ", " has ", " have ",
                        " must ", " will ", " includes ", " was ", " were ", " be "]

    static let sentenceStartBytes = sentenceStarts.map { Array($0.utf8) }

    /// Whether the line opens like a sentence: one of ``sentenceStarts`` at its start, or one
    /// of ``verbs`` between spaces (or the ends of the line), ASCII letters in any case.
    static func startsLikeSentence(_ text: String) -> Bool {
        withUTF8(text) { b in
            if sentenceStartBytes.contains(where: { startsLowered(b, with: $0) }) { return true }
            // " shall " in the line with a space added at each end: a word between two spaces
            // (or an end) that is a verb. Every verb is one word, so reading the words the
            // spaces delimit finds exactly the verbs the padded search finds.
            var start = 0
            while start <= b.count {
                var end = start
                while end < b.count, b[end] != 0x20 { end += 1 }
                if end - start >= 2, end - start <= 8, verbWords.contains(where: { equalsLowered(b, start..<end, $0) }) { return true }
                start = end + 1
            }
            return false
        }
    }

    /// The ``verbs`` without their spaces.
    static let verbWords = verbs.map { Array($0.utf8.dropFirst().dropLast()) }

    /// Calls `body` with the UTF-8 of `text`, in place when the string is stored contiguously
    /// (native strings are), else copied.
    static func withUTF8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = text.utf8.withContiguousStorageIfAvailable(body) { return r }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// Whether `b` starts with `lower` (lower-case ASCII) once its ASCII letters are lowered.
    static func startsLowered(_ b: UnsafeBufferPointer<UInt8>, with lower: [UInt8]) -> Bool {
        lower.count <= b.count && equalsLowered(b, 0..<lower.count, lower)
    }

    /// Whether `b[range]` is `lower` (lower-case ASCII) once its ASCII letters are lowered.
    static func equalsLowered(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ lower: [UInt8]) -> Bool {
        guard range.count == lower.count else { return false }
        var k = 0
        for i in range {
            let c = b[i]
            if (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != lower[k] { return false }
            k += 1
        }
        return true
    }

    /// Whether `lower` (lower-case ASCII) occurs in `b` once its ASCII letters are lowered.
    static func containsLowered(_ lower: [UInt8], in b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !lower.isEmpty else { return true }
        guard lower.count <= b.count else { return false }
        for i in 0...(b.count - lower.count) where equalsLowered(b, i..<(i + lower.count), lower) { return true }
        return false
    }

    /// Whether the words after a section number are its heading rather than its text.
    ///
    /// Every test below must pass; they are independent, so they run cheapest first (the
    /// sentence test, which reads the whole line, last).
    static func isHeadingLike(_ text: String) -> Bool {
        let t = text.trimmingSpaces()
        guard !t.isEmpty, t.utf8.count <= 160 else { return false }
        guard let first = t.unicodeScalars.first, first.properties.isUppercase || ("0"..."9").contains(first) else { return false }
        if let last = t.last, ";,—–-".contains(last) { return false }
        if t.hasSuffix(":") { return false }   // the words that introduce a list
        if t.hasPrefix("(") || t.hasPrefix("\"") || t.hasPrefix("“") { return false }
        let words = wordCount(t)
        if words > 20 { return false }
        // A heading ends without a full stop, or is short ("Objectives.").
        if t.hasSuffix(".") && words > 8 { return false }
        // "Penalty: Imprisonment for 12 years." closes an offence (federal criminal codes).
        if isPenaltyLine(t) { return false }
        return !startsLikeSentence(t)
    }

    /// `t.split(separator: " ").count`: on ASCII text, the runs of bytes between spaces;
    /// otherwise by characters (a space with a combining mark is not a space there).
    static func wordCount(_ t: String) -> Int {
        let ascii: Int? = withUTF8(t) { b in
            var words = 0
            var inWord = false
            for c in b {
                if c >= 0x80 { return nil }
                if c == 0x20 { inWord = false } else if !inWord { inWord = true; words += 1 }
            }
            return words
        }
        return ascii ?? t.split(separator: " ").count
    }

    /// The number of a line that holds only a section number ("3.", "12A"), or nil.
    static func loneNumber(_ text: String) -> String? {
        // A lone number is at most seven ASCII bytes ("12A.") between spaces and tabs, the first
        // a digit: any other line is answered without trimming or counting characters.
        let mayBe: Bool = withUTF8(text) { b in
            var s = 0, e = b.count
            while s < e, b[s] == 0x20 || b[s] == 0x09 { s += 1 }
            while e > s, b[e - 1] == 0x20 || b[e - 1] == 0x09 { e -= 1 }
            return e - s <= 7 && s < e && b[s] >= 0x30 && b[s] <= 0x39
        }
        guard mayBe else { return nil }
        var t = Substring(text.trimmingSpaces())
        if t.last == "." { t = t.dropLast() }
        guard let first = t.first, first.isASCII, first.isNumber, t.count <= 6,
              t.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }) else { return nil }
        return String(t)
    }

    /// "The Legislature finds that ...", "It is the intent of the Legislature that ...",
    /// "Congress finds ...": findings and purposes written into a statute, not operative law.
    static func isFindingOrIntent(_ text: String) -> Bool {
        guard mayBeFindingOrIntent(text.utf8) else { return false }
        let head = Array(text.utf8.prefix(60))
        guard ["egislature", "ongress", "ssembly", "arliament"].contains(where: { ByteSearch.contains(Array($0.utf8), in: head) })
        else { return false }
        let l = text.lowercased().trimmingSpaces()
        let bodies = "(?:legislature|congress|general assembly|parliament|national assembly)"
        return l.range(of: "^(?:the\\s+)?\(bodies)\\s+(?:hereby\\s+)?(?:finds|declares\\s+that|recognizes)", options: .regularExpression) != nil
            || l.range(of: "^it\\s+is\\s+the\\s+(?:intent|purpose|policy)\\s+of\\s+(?:the\\s+|this\\s+)?\(bodies)", options: .regularExpression) != nil
    }

    /// The cheap test before ``isFindingOrIntent(_:)`` (every subdivision line meets it, few
    /// open this way): more than twelve bytes, the first that is not a space a T, I, C, P, G or N.
    static func mayBeFindingOrIntent<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        guard let first = bytes.first(where: { $0 != 0x20 }), first == UInt8(ascii: "T") || first == UInt8(ascii: "I")
            || first == UInt8(ascii: "C") || first == UInt8(ascii: "P") || first == UInt8(ascii: "G") || first == UInt8(ascii: "N")
        else { return false }
        return bytes.count > 12
    }

    /// "Penalty: Imprisonment for 12 years.", "Maximum penalty—5 years": the penalty line
    /// under an offence, which is law, never a heading.
    static func isPenaltyLine(_ text: String) -> Bool {
        // Cheap first: only a line whose first byte is a "p" or an "m" (or not ASCII) can.
        guard let b = text.utf8.first, b >= 0x80 || b | 0x20 == 0x70 || b | 0x20 == 0x6D else { return false }
        let l = text.lowercased()
        guard l.hasPrefix("penalty") || l.hasPrefix("maximum penalty") || l.hasPrefix("penalties") else { return false }
        return l.contains(where: { $0.isNumber }) || l.contains("imprisonment") || l.contains("fine")
    }

    static func cleanHeading(_ text: String) -> String {
        var t = text.trimmingSpaces()
        while let l = t.last, ":.-—–".contains(l) { t.removeLast() }
        return t.trimmingSpaces()
    }

    /// Whether section number `label` can follow `previous` (numbering only goes up).
    static func isAfter(_ label: String, _ previous: String?) -> Bool {
        guard let previous else { return true }
        return compare(label, previous) > 0
    }

    /// Compares section numbers as decimals with an optional letter: 279.01 < 279.011 < 279.02 < 279.1; 3 < 3A < 4.
    static func compare(_ a: String, _ b: String) -> Int {
        // Most section numbers are plain integers ("12" after "11"): compared as such, which is
        // what the parts below give them (no fraction, no suffix).
        if let x = smallInteger(a), let y = smallInteger(b) { return x == y ? 0 : (x < y ? -1 : 1) }
        func parts(_ s: String) -> (Int, String, String) {
            let integer = s.prefix { ("0"..."9").contains($0) }
            let rest = s.dropFirst(integer.count)
            var fraction = ""
            var suffix = Substring(rest)
            if rest.hasPrefix(".") {
                let digits = rest.dropFirst().prefix { ("0"..."9").contains($0) }
                fraction = String(digits)
                suffix = rest.dropFirst(1 + digits.count)
            }
            return (Int(integer) ?? 0, fraction, String(suffix).uppercased())
        }
        let (ai, af, asuf) = parts(a), (bi, bf, bsuf) = parts(b)
        if ai != bi { return ai < bi ? -1 : 1 }
        if af != bf { return af < bf ? -1 : 1 }
        if asuf != bsuf { return asuf < bsuf ? -1 : 1 }
        return 0
    }

    /// The value of a label of one to eighteen ASCII digits (no overflow), else nil.
    static func smallInteger(_ s: String) -> Int? {
        var value = 0, digits = 0
        for c in s.utf8 {
            guard c >= 0x30 && c <= 0x39, digits < 18 else { return nil }
            value = value * 10 + Int(c - 0x30)
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    static let preambleInitials = Set("abeintw".utf8)
    static let preambleStarts = ["an act to", "an act for", "a bill for", "a bill to", "whereas", "and whereas",
                                 "it is hereby enacted", "be it enacted", "enacted by", "now, therefore", "now therefore",
                                 "the following act", "in the name of", "to give effect", "to provide for"]

    static func isPreambleStart(_ text: String) -> Bool {
        // Cheap first: the first byte that is not a space or tab must be the first letter of
        // a preamble start (a, b, e, i, n, t, w in either case) or not ASCII.
        guard let b = text.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }),
              b >= 0x80 || preambleInitials.contains(b | 0x20) else { return false }
        let l = text.lowercased().trimmingSpaces()
        return preambleStarts.contains { l.hasPrefix($0) }
    }

    /// The document's title: the first line of the front matter that names an Act, Law, Code
    /// or Bill, else the first non-blank line — joined with the line before or after it when
    /// the title is broken over two ("Law No. (64) of 2010 regarding" / "Combating Human
    /// Trafficking"). Nil when the text starts with a bare structural heading ("PART 1") or the
    /// only candidate is a bare keyword ("ACT"): reports then show the file name.
    static func title(in lines: [TextLine]) -> String? {
        func clean(_ t: String) -> String { t.replacingOccurrences(of: "#", with: "").trimmingSpaces() }
        func isCandidate(_ i: Int) -> Bool {
            let l = lines[i]
            return !l.isBlank && !l.text.hasPrefix("[") && !clean(l.text).isEmpty && l.text.utf8.count < 120
        }
        guard let first = lines.indices.first(where: isCandidate) else { return nil }
        if isBareHeading(clean(lines[first].text)) { return nil }
        for i in lines.indices where isCandidate(i) {
            let c = clean(lines[i].text)
            // "ACT, 2018" under the words it ends: the title is both lines.
            if isBareKeyword(c), i > 0, isCandidate(i - 1), !isBareKeyword(clean(lines[i - 1].text)) {
                return joinedTitle(at: i, in: lines, clean: clean)
            }
            guard !isPreambleStart(c), !isBareKeyword(c), !isBareHeading(c) else { continue }
            let words = Set(c.lowercased().split { !$0.isLetter }.map(String.init))
            if !words.isDisjoint(with: titleKeywords) && !isPageFurniture(c) { return joinedTitle(at: i, in: lines, clean: clean) }
        }
        return isBareKeyword(clean(lines[first].text)) ? nil : joinedTitle(at: first, in: lines, clean: clean)
    }

    static let titleKeywords: Set<String> = ["act", "law", "code", "bill", "decree", "ordinance", "statute", "proclamation"]

    /// Words a title broken over two lines ends its first line with.
    static let continuingWords: Set<String> = ["regarding", "concerning", "on", "of", "and", "the", "for", "to", "in", "against",
                                               "relating", "with", "by", "amending", "a", "an"]

    /// The title line at `i`, with the line before it when it begins in the middle (a
    /// closing parenthesis it does not open, a keyword alone: "ACT, 2018") and the lines after
    /// it while it ends in the middle (an open parenthesis, a comma or dash, "regarding").
    static func joinedTitle(at i: Int, in lines: [TextLine], clean: (String) -> String) -> String {
        func usable(_ j: Int) -> Bool {
            lines.indices.contains(j) && !lines[j].isBlank && lines[j].text.utf8.count < 120
                && !isBareHeading(clean(lines[j].text)) && !isPreambleStart(lines[j].text) && !lines[j].text.hasPrefix("[")
        }
        func opens(_ t: String) -> Int { t.filter { $0 == "(" }.count - t.filter { $0 == ")" }.count }
        var text = clean(lines[i].text)
        var lower = i, upper = i
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }
        let startsWithKeyword = words.first.map { titleKeywords.contains(String($0)) } ?? false
        if usable(i - 1), opens(text) < 0 || (startsWithKeyword && words.count <= 4) || text.first?.isLowercase == true {
            text = clean(lines[i - 1].text) + " " + text
            lower = i - 1
        }
        while upper - lower < 3, usable(upper + 1) {
            let last = text.lowercased().split { !$0.isLetter && !$0.isNumber }.last.map(String.init) ?? ""
            let open = opens(text) > 0 || [",", "-", "–", "—", "("].contains(where: { text.hasSuffix($0) }) || continuingWords.contains(last)
            guard open else { break }
            upper += 1
            text += " " + clean(lines[upper].text)
        }
        return text
    }

    /// "PART 1", "CHAPTER II", "Title 3.", "Section 4" — a structural heading with nothing after its number.
    static func isBareHeading(_ text: String) -> Bool {
        let words = text.lowercased().split { $0 == " " || $0 == "\t" }
        guard words.count == 2 else { return false }
        let kinds: Set<String> = ["part", "chapter", "title", "book", "division", "subdivision", "section", "article", "schedule", "annex"]
        let number = words[1].trimmingCharacters(in: CharacterSet(charactersIn: ".:—–-"))
        return kinds.contains(String(words[0])) && !number.isEmpty
            && (number.allSatisfy(\.isNumber) || number.allSatisfy { "ivxlcdm".contains($0) } || (number.dropLast().allSatisfy(\.isNumber) && number.last!.isLetter && number.count > 1))
    }

    /// "ACT", "The Law", "ACT, 2018": a title keyword with no word to name the law.
    static func isBareKeyword(_ text: String) -> Bool {
        let words = text.lowercased().split { !$0.isLetter }.filter { $0 != "the" }
        return words.count == 1 && titleKeywords.contains(String(words[0]))
    }

    /// How many characters from the start of a text the short title is looked for in.
    static let shortTitleReach = 20_000

    /// `String(source.text.prefix(n))`, made from as few bytes as tell it: the characters
    /// of a prefix of the bytes are those of the text up to the last one or two (a character
    /// may need the next to end), so when the prefix holds two more than `n`, its first `n`
    /// are the text's.
    static func leadingCharacters(of source: SourceText, _ n: Int) -> String {
        var reach = 4 * n + 4096
        while reach < source.utf8.count {
            let head = source.prefix(bytes: reach)
            if head.count >= n + 2 { return String(head.prefix(n)) }
            reach *= 2
        }
        return String(source.text.prefix(n))
    }

    /// The short title an Act gives itself: "This Act may be cited as the X Act, 2015."
    static func shortTitle(in text: String) -> String? {
        let head = String(text.prefix(shortTitleReach))
        guard let found = firstMatch(citedAs, in: head) else { return nil }
        var t = found.match
        for prefix in ["may be cited as", "may be called", "may be known as", "shall be cited as", "shall be called", "shall be known as"] {
            if let p = t.range(of: prefix, options: .caseInsensitive) { t = String(t[p.upperBound...]) }
        }
        t = t.trimmingCharacters(in: .whitespaces)
        if t.lowercased().hasPrefix("the ") { t = String(t.dropFirst(4)) }
        if let and = t.range(of: #",\s+and$"#, options: .regularExpression) { t.removeSubrange(and) }
        return t.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: " .;“”\""))
    }

    /// A repeal marker in a heading line — "[Repealed by Act 4 of 2024]", "(Repealed)",
    /// "Repealed." — and the heading without it.
    static func inlineRepealMarker(in text: String) -> (remainder: String, marker: String)? {
        guard let found = firstMatch(repealMarker, in: text) else { return nil }
        return ((found.before + found.after).trimmingSpaces(), found.match)
    }

    /// Splits "Acts of Trafficking in Persons. – It shall be unlawful ..." into the heading
    /// and the text that follows it on the same line.
    static func splitInlineHeading(_ text: String) -> (heading: String, body: String)? {
        if let short = splitShortHeading(text) { return short }
        guard let found = firstMatch(dashedHeading, in: text) else { return nil }
        let body = found.after
        let headingPart = found.match
        let heading = cleanHeading(headingPart.trimmingCharacters(in: CharacterSet(charactersIn: " .—–-")))
        // The dash marks the end of the heading, so a heading may read like a phrase
        // ("Trafficked person not to be punished for soliciting").
        let words = heading.split(separator: " ").count
        guard !body.isEmpty, !heading.isEmpty, words <= 16, heading.unicodeScalars.first?.properties.isUppercase == true,
              !sentenceStarts.contains(where: { heading.lowercased().hasPrefix($0) }),
              startsLikeSentence(body) || body.hasPrefix("(") else { return nil }
        return (heading, body)
    }

    /// Splits "(Definitions) The terms used in this Act ..." into the heading in parentheses
    /// and the text after it: a capitalised phrase of at most twelve words, not a number, a
    /// letter or a roman numeral ("(1)", "(a)", "(IV)") and not a repeal marker.
    static func splitParenthesisedHeading(_ text: String) -> (heading: String, body: String)? {
        let b = Array(text.utf8)
        guard b.count >= 4, b[0] == UInt8(ascii: "("), b[1] >= 0x41, b[1] <= 0x5A else { return nil }
        guard let close = b.firstIndex(of: UInt8(ascii: ")")), close > 2, close < 120 else { return nil }
        let inner = String(decoding: b[1..<close], as: UTF8.self)
        guard !inner.contains("("), inner.split(separator: " ").count <= 12,
              !Marker.romanNumerals.contains(inner.lowercased()), !isRepealMarker(inner),
              inner.unicodeScalars.contains(where: { $0.properties.isLowercase }) || inner.contains(" ") else { return nil }
        let body = String(decoding: b[(close + 1)...], as: UTF8.self).trimmingSpaces()
        return (inner.trimmingSpaces(), body)
    }

    /// Whether a line ends a quotation: `... subsection (4)."`, `... the victim.”;`
    static func closesQuotation(_ text: String) -> Bool {
        var t = Substring(text)
        while let last = t.last, ".;,".contains(last) { t = t.dropLast() }
        return t.hasSuffix("\"") || t.hasSuffix("”") || t.hasSuffix("’")
    }

    /// "Illustrations." / "Illustration:" — worked examples follow.
    static func isIllustrationsHeading(_ text: String) -> Bool {
        guard text.utf8.count < 40, firstUntrimmedByteIsI(text) else { return false }
        let t = text.trimmingCharacters(in: CharacterSet(charactersIn: " .:—–-")).lowercased()
        return t == "illustration" || t == "illustrations"
    }

    /// The cheap test before ``isIllustrationsHeading(_:)``: whether the first byte that is not
    /// one of the trimmed characters (space, ".", ":", "-", or a byte of the en or em dash,
    /// E2 80 93 and E2 80 94) is "i" or "I". When the trimmed line starts with any other
    /// character, that character's first byte is not skipped (ASCII) or is not "i" (non-ASCII),
    /// so the answer is false exactly when the lower-cased trimmed text cannot start with "i".
    static func firstUntrimmedByteIsI(_ text: String) -> Bool {
        for c in text.utf8 {
            switch c {
            case 0x20, 0x2E, 0x3A, 0x2D, 0xE2, 0x80, 0x93, 0x94: continue
            default: return c == 0x69 || c == 0x49
            }
        }
        return false
    }

    /// "Explanation 1.—", "Exception.—": parts of a section that are law again after its illustrations.
    static func endsIllustrations(_ text: String) -> Bool {
        let l = text.lowercased()
        return l.hasPrefix("explanation") || l.hasPrefix("exception") || l.hasPrefix("provided that")
    }

    /// "Object. This Law has as its object ...": a heading of a few words ending with a full
    /// stop, then the text (the style of many codes in translation).
    static func splitShortHeading(_ text: String) -> (heading: String, body: String)? {
        guard let first = text.utf8.first, first >= 0x41, first <= 0x5A, let found = firstMatch(shortHeading, in: text) else { return nil }
        let heading = found.match.trimmingCharacters(in: CharacterSet(charactersIn: " ."))
        let body = found.after
        let lower = heading.lowercased()
        // "Confidentiality. – (a) ..." is the dashed form, read by the caller.
        guard let first = body.first, first.isUppercase || first == "(",
              startsLikeSentence(body) || first.isUppercase,
              !sentenceStarts.contains(where: { lower.hasPrefix($0) }),
              !verbs.contains(where: { (" " + lower + " ").contains($0) }),
              ["whoever", "anyone", "every", "any", "no", "the", "a", "an"].allSatisfy({ !lower.hasPrefix($0 + " ") && lower != $0 })
        else { return nil }
        return (heading, body)
    }

    // MARK: patterns

    /// "This Act may be cited as the X Act, 2015." — the words up to the end of the title.
    static let citedAs = compile(#"(?:may|shall) be (?:cited|called|known)(?: as)? (?:the )?[“"]?([^.\n“”"]{5,150}?)[”"]?(?:\.(?:\s|$)|,\s+and\b|;)"#, caseless: true)
    /// "[Repealed by Act 4 of 2024]", "(Deleted)", or a line that is only "Repealed."
    static let repealMarker = compile(#"[\[(]\s*(?:repealed|deleted|omitted|abrogated)\b[^\])]*[\])]|^\s*(?:repealed|deleted|omitted)\s*\.?\s*$"#, caseless: true)
    /// "Acts of trafficking. – ": a heading ended by a dash.
    static let dashedHeading = compile(#"^([^.—–]{3,120}?)(?:\.\s*[—–-]{1,2}|\s+[—–]|\.\s*-{2})\s*"#)
    /// "Object. ": a capitalised heading of up to six words ended by a full stop.
    static let shortHeading = compile(#"^([A-Z][\w’'-]*(?:\s+(?:[\w’'-]+|of|and|the|in|to|for)){0,5})\.\s+(?=\S)"#)

    /// Compiles one of the classifier's own patterns (fixed text, tested, so it cannot fail).
    static func compile(_ source: String, caseless: Bool = false) -> Pattern {
        do { return try Pattern(source, caseless: caseless) } catch { preconditionFailure("classifier pattern: \(error)") }
    }

    /// The first match of `pattern` in `text`, with the text before and after it; nil when
    /// there is none (or when the match gives up at its limits).
    static func firstMatch(_ pattern: Pattern, in text: String) -> (before: String, match: String, after: String)? {
        let subject = Subject(text)
        guard let m = try? pattern.firstMatch(in: subject) else { return nil }
        let b = subject.bytes
        return (String(decoding: b[..<m.range.lowerBound], as: UTF8.self), subject.text(m.range),
                String(decoding: b[m.range.upperBound...], as: UTF8.self))
    }
}
