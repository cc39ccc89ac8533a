import Testing
@testable import LacunaPatterns

@Suite struct PatternTests {
    @Test func findsEveryMatchWithByteSpans() throws {
        let p = try Pattern(#"\bharbou?rs?\b"#, caseless: true)
        let subject = Subject("Whoever harbours or HARBORS a person; harbour.")
        let matches = try p.matches(in: subject)
        #expect(matches.map { subject.text($0.range) } == ["harbours", "HARBORS", "harbour"])
        #expect(matches[0].range == 8..<16)
    }

    @Test func spansAreRightAfterMultibyteText() throws {
        let p = try Pattern("recruits")
        let prefix = "Ελληνικά — 中文 ✓ "
        let subject = Subject(prefix + "Whoever recruits")
        let m = try #require(try p.firstMatch(in: subject))
        #expect(m.range.lowerBound == prefix.utf8.count + "Whoever ".utf8.count)
        #expect(subject.text(m.range) == "recruits")
    }

    @Test func unicodeWordBoundariesAndCaselessMatching() throws {
        let p = try Pattern(#"\bétat\b"#, caseless: true)
        #expect(try p.matches(in: Subject("L'ÉTAT et l'état; étatisme")).count == 2)
    }

    @Test func namedGroups() throws {
        let p = try Pattern(#"not\s+exceeding\s+(?<years>\w+)\s+years"#)
        let subject = Subject("imprisonment not exceeding fourteen years")
        let m = try #require(try p.firstMatch(in: subject))
        #expect(subject.text(try #require(m.range(named: "years"))) == "fourteen")
        #expect(m.range(named: "missing") == nil)
        #expect(p.groupNames[1] == "years")
    }

    @Test func emptyMatchesAdvanceByWholeScalars() throws {
        let p = try Pattern("x*")
        let subject = Subject("é中x")
        let matches = try p.matches(in: subject)
        // every reported span sits on scalar boundaries
        for m in matches where m.range.lowerBound < subject.bytes.count {
            #expect(subject.bytes[m.range.lowerBound] & 0xC0 != 0x80)
        }
        #expect(matches.contains { subject.text($0.range) == "x" })
    }

    @Test func aRejectedMatchDoesNotHideAnOverlappingOne() throws {
        let p = try Pattern(#"national\s+commission[^.]{0,40}established"#, caseless: true)
        let subject = Subject("NATIONAL COMMISSION\nA national commission is hereby established.")
        // reject the match that starts in the heading: the one inside the text is still found
        let accepted = try p.matches(in: subject) { $0.range.lowerBound > 19 }
        #expect(accepted.count == 1)
        #expect(subject.text(accepted[0].range).hasPrefix("national commission is"))
        #expect(try p.matches(in: subject).count == 1)   // plain search: the heading match hides it
    }

    @Test func compileErrorsGiveTheOffset() {
        #expect(throws: PatternError.self) { try Pattern("(unclosed") }
        do {
            _ = try Pattern("ab(c")
            Issue.record("expected a compile error")
        } catch let PatternError.compile(_, offset, message) {
            #expect(offset == 4)
            #expect(!message.isEmpty)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func runawayPatternFailsInsteadOfHanging() throws {
        let p = try Pattern("(a+)+$")
        let subject = Subject(String(repeating: "a", count: 40) + "b")
        #expect(throws: PatternError.self) {
            _ = try p.matches(in: subject, limits: MatchLimits(matchLimit: 10_000, depthLimit: 1_000))
        }
    }

    @Test func invalidUTF8IsFoundAtItsOffset() {
        #expect(Subject.firstInvalidUTF8(in: Array("abc".utf8)) == nil)
        #expect(Subject.firstInvalidUTF8(in: [0x61, 0xC3]) == 1)           // truncated sequence
        #expect(Subject.firstInvalidUTF8(in: [0x61, 0x62, 0xFF]) == 2)     // never valid
        #expect(Subject.firstInvalidUTF8(in: [0xED, 0xA0, 0x80]) == 0)     // surrogate
        #expect(Subject.firstInvalidUTF8(in: [0xC0, 0xAF]) == 0)           // overlong
        #expect(throws: PatternError.invalidUTF8(offset: 1)) { try Subject(validating: [0x61, 0x80]) }
    }

    @Test func sharedAcrossConcurrentTasks() async throws {
        let p = try Pattern(#"\btraffick\w*"#, caseless: true)
        let subject = Subject(String(repeating: "Trafficking in persons is an offence. ", count: 200))
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 { group.addTask { try p.matches(in: subject).count } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 200, count: 8))
    }
}
