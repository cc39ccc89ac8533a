import Testing
@testable import LacunaPatterns

@Suite struct RequiredLiteralsTests {
    @Test func wordsJoinedByWhitespaceBecomeOnePhrase() throws {
        let sets = try #require(RequiredLiterals.of(#"\bvictims?\s+of\s+traffick\w*"#))
        #expect(sets == [RequiredLiterals.reduced(["victim of traffick", "victims of traffick"])])
    }

    @Test func alternativesAndSmallClassesBecomeSets() throws {
        let sets = try #require(RequiredLiterals.of(#"\b(?:harbou?rs?|conceals?)\b"#))
        #expect(sets == [["harbor", "harbour", "conceal"]])
        #expect(RequiredLiterals.of(#"offen[cs]e"#) == [["offence", "offense"]])
    }

    @Test func gapsSplitTheRequirementIntoSeveralSets() throws {
        let sets = try #require(RequiredLiterals.of(#"\bsecurity\s+measures\b[^.;]{0,80}?\blegal\s+persons?\b"#))
        #expect(Set(sets) == [RequiredLiterals.reduced(["security measures"]), RequiredLiterals.reduced(["legal person"])])
    }

    @Test func optionalPartsRequireNothing() {
        #expect(RequiredLiterals.of(#"(?:the\s+)?\w+"#) == nil)
        #expect(RequiredLiterals.of(#"a?b?"#) == nil)
    }

    @Test func unfamiliarSyntaxGivesUp() {
        for source in [#"(a)\1"#, #"(?x) a b"#, #"\Qa.b\E"#, #"(*UTF)abc"#, #"(?(1)a|b)"#, #"(?R)"#, #"a{,3}"#] {
            #expect(RequiredLiterals.of(source) == nil, "\(source)")
        }
    }

    @Test func positiveLookaroundsRequireTheirText() throws {
        let sets = try #require(RequiredLiterals.of(#"(?<=\bchild )(?:means|is)\b"#))
        #expect(Set(sets) == [["child "], ["means", "is"]])
        #expect(RequiredLiterals.of(#"(?<!\bnot )\bliable\b"#) == [["liable"]])
    }

    @Test func leadingStringsSkipEmptyWidthStarts() {
        #expect(RequiredLiterals.leading(of: #"(?<!\bin\s)\b(?:force|violen\w*)"#) == ["force", "violen"])
        #expect(RequiredLiterals.leading(of: #"(?<=\bchild )(?:means|is)\b"#) == ["means", "is"])
        #expect(RequiredLiterals.leading(of: #"\b(?:a\s+)?child"#) == ["child", "a child"])
        // a part that may be empty, a class, or \K: the start is not known
        #expect(RequiredLiterals.leading(of: #"\w*ing"#) == nil)
        #expect(RequiredLiterals.leading(of: #"\s+shall"#) == nil)
        #expect(RequiredLiterals.leading(of: #"foo\Kbar"#) == nil)
        // the longer alternative that begins with a shorter one is dropped
        #expect(RequiredLiterals.leading(of: #"victims?|victimi[sz]ation"#) == ["victim"])
    }
}

@Suite struct LiteralScannerTests {
    @Test func findsOverlappingLiteralsAndWhereTheyBegin() {
        let scanner = LiteralScanner(["he", "she", "hers", "his"], positions: [true, true, false, false])
        let result = scanner.search(Array("USHERS".utf8))
        #expect(result.found == [true, true, true, false])
        #expect(result.starts == [[2], [1], [], []])
    }

    /// A scan keeps only the offsets of the last few folded bytes (a ring as long as the
    /// longest literal with positions): over a long text with folded runs of spaces and
    /// capitals, every start is the one a plain search of the lower-cased text finds.
    @Test func startsOverALongTextAreThoseOfAPlainSearch() {
        let literals = ["trafficking in persons", "victim", "a", "shall not be"]
        let scanner = LiteralScanner(literals, positions: [true, true, true, false])
        var g = PrefilterSoundnessTests.Generator(state: 7)
        let words = ["Trafficking", "in", "persons", "VICTIM", "victims", "a", "shall", "not", "be", "the", "Act"]
        var text = ""
        while text.utf8.count < 200_000 {
            text += g.pick(words) + g.pick([" ", "  ", "\n", " \t "])
        }
        let bytes = Array(text.utf8)
        let result = scanner.search(bytes)
        let lower = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        // "victim" and "a" contain no space: a plain search of the lower-cased bytes finds them.
        for (k, literal) in literals.enumerated() where !literal.contains(" ") {
            let needle = Array(literal.utf8)
            var expected: [Int32] = []
            var i = 0
            while i + needle.count <= lower.count {
                if lower[i..<(i + needle.count)].elementsEqual(needle) { expected.append(Int32(i)) }
                i += 1
            }
            #expect(result.starts[k] == expected, "\(literal)")
        }
        // the phrase with spaces: each start reads the phrase once runs of spaces are folded
        #expect(!result.starts[0].isEmpty)
        for s in result.starts[0] {
            let rest = String(decoding: lower[Int(s)...].prefix(60), as: UTF8.self)
            let folded = rest.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
            #expect(folded.hasPrefix("trafficking in persons"), "\(s): \(rest)")
        }
        #expect(result.starts[3].isEmpty)
    }

    @Test func foldsWhitespaceRunsAndCaselessLookalikes() {
        let scanner = LiteralScanner(["victim of trafficking", "kind", "sale"], positions: [true, true, true])
        let text = "the VICTIM\n   of\u{00A0}\u{2003}Trafficking, a \u{212A}ind of \u{017F}ale"
        let result = scanner.search(Array(text.utf8))
        #expect(result.found == [true, true, true])
        let bytes = Array(text.utf8)
        // every start points at the first byte of the original text
        for s in result.starts.joined() {
            let first = bytes[Int(s)]
            #expect(first == UInt8(ascii: "V") || first == 0xE2 || first == 0xC5)
        }
    }

    @Test func aLiteralThatIsNotThereIsNotFound() {
        let scanner = LiteralScanner(["forced labour", "servitude"])
        #expect(scanner.scan(Array("forced or compulsory labour".utf8)) == [false, false])
    }
}

/// Random patterns over random texts: the prefilter never rules out a match the pattern
/// makes, and trying only the leading starts gives exactly the matches of a full search.
@Suite struct PrefilterSoundnessTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        mutating func pick<T>(_ xs: [T]) -> T { xs[next(xs.count)] }
    }

    static let words = ["victim", "victims", "of", "traffic", "trafficking", "person", "persons", "shall", "not", "be",
                        "punished", "child", "force", "in", "a", "the"]

    static func pattern(_ g: inout Generator, depth: Int = 0) -> String {
        var parts: [String] = []
        for _ in 0..<(1 + g.next(3)) {
            switch g.next(depth > 1 ? 5 : 8) {
            case 0: parts.append(g.pick(words))
            case 1: parts.append(#"\s+"#)
            case 2: parts.append(#"\b"#)
            case 3: parts.append(g.pick(words) + g.pick(["s?", "\\w*", "[sd]?", ""]))
            case 4: parts.append(g.pick([#"\w+"#, #"[^.]{0,20}"#, " ", #"\s"#, #"(?<!\bnot\s)"#, #"(?<=\s)"#]))
            case 5: parts.append("(?:" + pattern(&g, depth: depth + 1) + "|" + pattern(&g, depth: depth + 1) + ")")
            case 6: parts.append("(?:" + pattern(&g, depth: depth + 1) + ")" + g.pick(["?", "+", "*", "{1,2}", ""]))
            default: parts.append("(?=" + g.pick(words) + ")")
            }
        }
        return parts.joined()
    }

    static func text(_ g: inout Generator) -> String {
        var out = ""
        for _ in 0..<(5 + g.next(30)) {
            var w = g.pick(words)
            if g.next(4) == 0 { w = w.uppercased() }
            out += w + g.pick([" ", "  ", "\n", " ", ". ", "\u{00A0}", ", "])
        }
        return out
    }

    @Test func neverRulesOutAMatch() throws {
        var g = Generator(state: 20261123)
        var checked = 0, anchored = 0, screenedOut = 0
        for _ in 0..<400 {
            let source = PrefilterSoundnessTests.pattern(&g)
            guard let plain = try? Pattern(source, caseless: true) else { continue }
            let anchoredPattern = try Pattern(source, caseless: true, anchoredVariant: true)
            let prefilter = Prefilter(sources: [source])
            for _ in 0..<6 {
                let subject = Subject(PrefilterSoundnessTests.text(&g))
                // random nesting can backtrack past the match limits: such pairs prove nothing
                guard let full = try? plain.matches(in: subject, accept: { !$0.range.isEmpty }) else { continue }
                let screening = prefilter.screen(subject.bytes)
                if !full.isEmpty {
                    #expect(screening.mayMatch[0], "\(source) matched \(subject.text(full[0].range))")
                } else if !screening.mayMatch[0] {
                    screenedOut += 1
                }
                if let starts = screening.starts(ofPattern: 0) {
                    anchored += 1
                    let tried = try anchoredPattern.matches(in: subject, startingAt: starts) { !$0.range.isEmpty }
                    #expect(tried.map(\.range) == full.map(\.range), "\(source)")
                }
                checked += 1
            }
        }
        // the three paths were all taken many times
        #expect(checked > 1000 && anchored > 200 && screenedOut > 50, "\(checked) \(anchored) \(screenedOut)")
    }
}

@Suite struct ByteSearchTests {
    @Test func findsCountsAndStartsWhereAsked() {
        let text = Array("whosoever recruits; whosoever harbours; whoso".utf8)
        let needle = Array("whosoever".utf8)
        #expect(ByteSearch.firstIndex(of: needle, in: text) == 0)
        #expect(ByteSearch.firstIndex(of: needle, in: text, from: 1) == 20)
        #expect(ByteSearch.count(of: needle, in: text, max: 10) == 2)
        #expect(ByteSearch.count(of: needle, in: text, max: 1) == 1)
        #expect(ByteSearch.count(of: Array("aa".utf8), in: Array("aaaa".utf8), max: 10) == 2)  // non-overlapping
        #expect(!ByteSearch.contains(Array("whosoevers".utf8), in: text))
        #expect(!ByteSearch.contains(Array("long needle".utf8), in: Array("short".utf8)))
    }
}
