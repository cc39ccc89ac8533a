import Testing
import LacunaCore

@Suite struct StringByteSearchTests {
    @Test func findsTheFirstOccurrenceOnScalarBoundaries() throws {
        let s = "Met — the offence (JUDGING rule 4) and (JUDGING rule 9)"
        let r = try #require(s.firstByteRange(of: " (JUDGING rule"))
        #expect(s[r] == " (JUDGING rule" && s[r.upperBound...].hasPrefix(" 4)"))
        #expect(s[..<r.lowerBound] == "Met — the offence")
        #expect("abc".firstByteRange(of: "abcd") == nil && "abc".firstByteRange(of: "") == nil && "".firstByteRange(of: "a") == nil)
        #expect("aab".firstByteRange(of: "ab").map { "aab"[$0] } == "ab")
        // byte for byte: no Unicode equivalence (e + combining acute is not é)
        #expect("cafe\u{301}".firstByteRange(of: "caf\u{E9}") == nil)
    }
}
