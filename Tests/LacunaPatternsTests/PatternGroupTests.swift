import Testing
@testable import LacunaPatterns

@Suite struct PatternGroupTests {
    /// Patterns of the kind the resolver runs on every section.
    static let sources = [
        #"\b(?:commits?|guilty|liable|punish\w*|imprisonment)\b"#,
        #"\btraffick\w*\b"#,
        #"\b(?<verb>recruit|transport|harbo|receiv)"#,
        #"\b(?:under|of)\s+(?:this\s+)?sections?\s*[0-9]+"#,
        #"\w+"#,   // nothing known: always run
    ]

    static let texts = [
        "The Board shall meet four times a year and keep a register of its decisions.",
        "A person who recruits or harbours another for exploitation commits an offence.",
        "Trafficking in persons is punishable under section 12 by imprisonment.",
        "Fees payable under section 4 may be waived.",
        "",
    ]

    @Test func screeningNeverChangesAnAnswer() throws {
        let patterns = try Self.sources.map { try Pattern($0, caseless: true) }
        let group = PatternGroup(patterns)
        var skipped = 0
        for text in Self.texts {
            let subject = Subject(text)
            let screened = group.screen(subject)
            for p in patterns {
                #expect(try p.isMatch(in: screened) == p.isMatch(in: subject), "\(p.source) on \(text)")
                #expect(try p.matches(in: screened).map(\.range) == p.matches(in: subject).map(\.range))
                if !screened.mayMatch(p) { skipped += 1 }
            }
        }
        // The administrative sentence lacks every word of the first four patterns.
        #expect(skipped >= 4)
    }

    @Test func aPatternWithoutKnownLiteralsOrOutsideTheGroupIsAlwaysRun() throws {
        let member = try Pattern(#"\w+"#)
        let outsider = try Pattern(#"\btraffick"#)
        let screened = PatternGroup([member]).screen(Subject("no such word here"))
        #expect(screened.mayMatch(member))
        #expect(screened.mayMatch(outsider))
        #expect(ScreenedSubject(unscreened: Subject("x")).mayMatch(outsider))
    }

    @Test func theAdministrativeSectionIsScreenedOutOfTheOffencePatterns() throws {
        let offence = try Pattern(Self.sources[0], caseless: true)
        let trafficking = try Pattern(Self.sources[1], caseless: true)
        let screened = PatternGroup([offence, trafficking]).screen(Subject(Self.texts[0]))
        #expect(!screened.mayMatch(offence))
        #expect(!screened.mayMatch(trafficking))
    }
}

@Suite struct AlternationRequirementTests {
    /// Six phrasings, each a list of a dozen long lead words, a gap and "traffick": each
    /// side's most selective set alone is the dozen words, and six dozen outgrow the limit —
    /// but every phrasing needs "traffick".
    static var manyPhrasings: String {
        (0..<6).map { k in
            let words = (0..<12).map { j in "leadword\(k)x\(j)" }.joined(separator: "|")
            return #"\b(?:"# + words + #")\s+(?:\w+\s+)?traffick"#
        }.joined(separator: "|")
    }

    @Test func aLongAlternationKeepsTheWordEveryPhrasingShares() throws {
        let sets = try #require(RequiredLiterals.of(Self.manyPhrasings))
        #expect(sets == [["traffick"]])
    }

    @Test func theChosenUnionStaysSelective() throws {
        // "of" is in both sides but short; the longer words make the requirement.
        let sets = try #require(RequiredLiterals.of(#"\bliable\s+\w+\s+of|\bpunished\s+\w+\s+of"#))
        #expect(sets == [["liable ", "punished "]])
    }
}
