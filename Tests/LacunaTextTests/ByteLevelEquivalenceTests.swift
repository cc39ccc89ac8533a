import Foundation
import Testing
import LacunaCore
@testable import LacunaText

/// The segmenter's and resolver's line tests read bytes where they used to build strings
/// (a long statute has hundreds of thousands of lines). Each is checked here against the
/// string-based form it replaced, kept below as the reference, on lines made to reach every
/// branch: ASCII and not, capitals, combining marks after spaces and letters, tabs, long
/// lines, numbers and words the tests look for.
@Suite struct ByteLevelEquivalenceTests {
    /// The string-based forms the byte-level ones replaced, as they were.
    enum Reference {
        static func asciiLowered<S: Sequence>(_ text: S) -> [UInt8] where S.Element == UInt8 {
            text.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        }

        static func startsLikeSentence(_ text: String) -> Bool {
            let l = asciiLowered(text.utf8)
            if TextClassifier.sentenceStarts.map({ Array($0.utf8) }).contains(where: { l.starts(with: $0) }) { return true }
            let padded = [0x20] + l + [0x20]
            return TextClassifier.verbs.map { Array($0.utf8) }.contains { contains($0, padded) }
        }

        static func contains(_ needle: [UInt8], _ hay: [UInt8]) -> Bool {
            guard needle.count <= hay.count else { return false }
            return (0...(hay.count - needle.count)).contains { hay[$0..<($0 + needle.count)].elementsEqual(needle) }
        }

        static func isPageFurniture(_ text: String) -> Bool {
            let l = asciiLowered(text.utf8)
            return (contains(Array("gazette".utf8), l) && TextClassifier.isUpperCaseBanner(text))
                || ["printed by", "published by", "registered no", "price "].contains { l.starts(with: Array($0.utf8)) }
        }

        static func isHeadingLike(_ text: String) -> Bool {
            let t = text.trimmingSpaces()
            guard !t.isEmpty, t.utf8.count <= 160 else { return false }
            if let last = t.last, ";,—–-".contains(last) { return false }
            if t.hasSuffix(":") { return false }
            if startsLikeSentence(t) { return false }
            if t.hasPrefix("(") || t.hasPrefix("\"") || t.hasPrefix("“") { return false }
            if isPenaltyLine(t) { return false }
            let words = t.split(separator: " ").count
            if words > 20 { return false }
            guard let first = t.unicodeScalars.first, first.properties.isUppercase || ("0"..."9").contains(first) else { return false }
            // the full stop may come before a quotation's closing marks ("... défense. »")
            let core = String(t.reversed().drop { "»”\"’ \u{A0}\u{202F}".contains($0) }.reversed())
            if core.hasSuffix(".") && words > 8 { return false }
            return true
        }

        static func isPenaltyLine(_ text: String) -> Bool {
            let l = text.lowercased()
            guard l.hasPrefix("penalty") || l.hasPrefix("maximum penalty") || l.hasPrefix("penalties") else { return false }
            return l.contains(where: { $0.isNumber }) || l.contains("imprisonment") || l.contains("fine")
        }

        static func loneNumber(_ text: String) -> String? {
            var t = Substring(text.trimmingSpaces())
            if t.last == "." { t = t.dropLast() }
            guard let first = t.first, first.isASCII, first.isNumber, t.count <= 6,
                  t.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }) else { return nil }
            return String(t)
        }

        static func isPreambleStart(_ text: String) -> Bool {
            let l = text.lowercased().trimmingSpaces()
            return TextClassifier.preambleStarts.contains { l.hasPrefix($0) }
        }

        static func compare(_ a: String, _ b: String) -> Int {
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

        static func endsWithReferenceWord(_ text: String) -> Bool {
            let previous = text.lowercased()
            return ProvisionTreeBuilder.referenceWords.contains { previous.hasSuffix(" " + $0) }
        }
    }

    /// Lines from pieces that reach every branch of the tests above.
    static func lines(count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let pieces = ["The", "the", "SHALL", "shall", "is", "IS", "means", "a person", "Whoever", "whereas", "An Act to",
                      "Penalty", "PENALTY:", "Maximum penalty", "imprisonment", "fine", "12", "3A", "279.01", "007", "12a",
                      "Section", "section", "sections", "s.", "Art.", "art.", "item", "Gazette", "GAZETTE", "Printed by",
                      "PRICE ", "(1)", "(a)", "“Child”", "\"", "»", "défense. »", "—", "–", "-", ";", ",", ":", ".", "é", "e\u{301}",
                      " \u{301}", "\u{212A}", "İ", "Σ", "\t", "  ", " ", "Ünited", "1", "2025", "x", "Objectives", "it", "be"]
        return (0..<count).map { _ in
            var line = ""
            for _ in 0..<(1 + next(next(4) == 0 ? 30 : 6)) {
                line += pieces[next(pieces.count)]
                if next(3) > 0 { line += " " }
            }
            return line
        }
    }

    @Test func lineTestsAnswerAsTheStringFormsDid() {
        for line in Self.lines(count: 20_000, seed: 2026_12_07) {
            #expect(TextClassifier.startsLikeSentence(line) == Reference.startsLikeSentence(line), "\(line)")
            #expect(TextClassifier.isHeadingLike(line) == Reference.isHeadingLike(line), "\(line)")
            #expect(TextClassifier.isPenaltyLine(line) == Reference.isPenaltyLine(line), "\(line)")
            #expect(TextClassifier.loneNumber(line) == Reference.loneNumber(line), "\(line)")
            #expect(TextClassifier.isPreambleStart(line) == Reference.isPreambleStart(line), "\(line)")
            #expect(TextClassifier.isPageFurniture(line) == Reference.isPageFurniture(line), "\(line)")
            #expect(TextClassifier.wordCount(line) == line.split(separator: " ").count, "\(line)")
        }
    }

    @Test func sectionNumbersCompareAsBefore() {
        let labels = ["1", "2", "10", "12", "12A", "12a", "007", "7", "279.01", "279.011", "279.1", "3-A", "", "99999999999999999999",
                      "123456789012345678", "1234567890123456789", "4 bis", "x"]
        for a in labels {
            for b in labels {
                #expect(TextClassifier.compare(a, b) == Reference.compare(a, b), "\(a) vs \(b)")
            }
        }
    }

    @Test func aReferenceWordIsFoundAtTheEndAsBefore() {
        var lines = Self.lines(count: 5_000, seed: 99)
        lines += ["under section", "under SECTION", "see s.", "see art.", "the Article", "itemİ", "in clause ", "Section",
                  "the \u{212A}lause", "under sectioń", "per rule", "by regulation"]
        for line in lines {
            let bytes = Array(line.utf8)
            let byBytes = ProvisionTreeBuilder.referenceWordEnds.contains { word in
                word.count <= bytes.count && bytes.suffix(word.count).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } == word
            }
            // The byte test is the cheap filter: it must never say no where the string test says yes.
            if Reference.endsWithReferenceWord(line) { #expect(byBytes, "\(line)") }
        }
    }

    @Test func foundationContainsIsAskedOnlyWhenTheBytesAreThere() {
        let texts = ["sections 3 to 7", "sections 3 TO 7", "3–7", "3 through 9", "an offence under", "a crime of", "offencé",
                     "the offense", "sections 3 to\u{301} 7", ""]
        for t in texts {
            for w in [" to ", "–", " through ", "offence", "offense", "crime"] {
                #expect(Resolver.contains(t, w) == t.contains(w), "\(t) / \(w)")
            }
        }
    }

    @Test func aSourceIsHeldAsBytesAndItsTextAndPrefixesReadFromThem() {
        let text = "Title é e\u{301} 👩‍👩‍👧 \u{212A}\n" + String(repeating: "Section 1. The Minister may. ", count: 3_000) + "🇫🇷🇩🇪e\u{301}\u{302}"
        let source = SourceText(path: "t", text: text, contentHash: "")
        #expect(source.text == text)
        #expect(source.scalarCount == text.unicodeScalars.count)
        for n in [0, 1, 6, 7, 8, 9, 10, 11, 20, 25, 30, 33, 40, source.utf8.count - 5, source.utf8.count, source.utf8.count + 9] {
            let p = source.prefix(bytes: n)
            #expect(text.hasPrefix(p) || text.unicodeScalars.starts(with: p.unicodeScalars), "\(n)")
            #expect(p.utf8.count <= max(0, n) && p.utf8.count > min(n, source.utf8.count) - 4, "\(n)")
        }
        for n in [0, 1, 5, 8, 9, 10, 100, 20_000, 90_000, 100_000] {
            #expect(TextClassifier.leadingCharacters(of: source, n) == String(text.prefix(n)), "\(n)")
        }
    }

    @Test func aSectionsOperativeBytesAreItsOperativeTextAsStringsJoined() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Corpora/common-law-act/bill.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        let document = try resolve(text)
        let resolver = try Resolver()
        var checked = 0
        for (i, p) in document.provisions.enumerated() where p.kind == .section {
            var pieces: [String] = []
            var cursor = p.range.lowerBound
            for span in document.exclusions(near: p.range) where span.range.overlaps(p.range) {
                if span.range.lowerBound > cursor { pieces.append(document.source.slice(cursor..<span.range.lowerBound)) }
                cursor = max(cursor, span.range.upperBound)
            }
            if cursor < p.range.upperBound { pieces.append(document.source.slice(cursor..<p.range.upperBound)) }
            let (bytes, aligned) = resolver.operativeBytes(of: i, in: document)
            #expect(aligned)
            #expect(String(decoding: bytes, as: UTF8.self) == pieces.joined(separator: " "))
            checked += 1
        }
        #expect(checked > 10)
    }
}
