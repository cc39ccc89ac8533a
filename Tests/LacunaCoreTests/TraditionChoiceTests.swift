import Testing
import LacunaCore

/// The tradition words of `--tradition` and of a manifest's tradition column: one parser.
@Suite struct TraditionChoiceTests {
    static let known: [Tradition] = [.commonLaw, .civilLaw, .islamicLaw]

    func parse(_ text: String) throws -> [Tradition]? {
        try TraditionChoice.parse(text, known: Self.known)?.traditions
    }

    func problem(_ text: String) -> String? {
        do {
            _ = try TraditionChoice.parse(text, known: Self.known)
            return nil
        } catch let e as UsageError {
            return e.problem
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func fullAndShortWordsAndDetection() throws {
        #expect(try parse("auto") == nil)
        #expect(try parse("mixed") == nil)
        #expect(try parse("Mixed") == nil)
        #expect(try parse("common-law") == [.commonLaw])
        #expect(try parse("common") == [.commonLaw])
        #expect(try parse("civil") == [.civilLaw])
        #expect(try parse("islamic") == [.islamicLaw])
        #expect(try parse("Civil Law") == [.civilLaw])
        #expect(try parse("civil_law+islamic") == [.civilLaw, .islamicLaw])
        #expect(try parse(" common + islamic-law ") == [.commonLaw, .islamicLaw])
        #expect(try parse("common+common-law") == [.commonLaw])
    }

    /// `""` and `+` trapped (no traditions, then `primary` of an empty list): now an error
    /// quoting the value as written.
    @Test(arguments: ["", "+", "++", " ", "common+", "+islamic"])
    func emptyChoicesAreErrorsQuotingTheValue(_ text: String) throws {
        let p = try #require(problem(text))
        #expect(p.contains("\"\(text)\""), "\(p)")
        #expect(p.contains("common-law") && p.contains("auto"), "the message lists what is accepted: \(p)")
        #expect(!p.contains("\n"))
    }

    @Test func unknownWordIsQuotedAsWritten() throws {
        let p = try #require(problem("Roman+common"))
        #expect(p.contains("\"Roman\""), "\(p)")
    }
}
