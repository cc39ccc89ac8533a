import Foundation
import Testing
import LacunaReports

@Suite struct JSONIndenterTests {
    struct Sample: Codable {
        var empty: [Int] = []
        var emptyObject: [String: Int] = [:]
        var numbers = [1, -2, 3]
        var nested = ["outer": ["inner": [[String]]([[], ["a,b", "c:d"]])]]
        var tricky = "quote \" backslash \\ brace { bracket ] comma , colon : slash / tab \t é"
        var fraction = 1.5
        var flag = true
        var nothing: String? = nil
    }

    /// Laid out from the compact encoding, the bytes are the pretty encoder's.
    @Test func layoutIsThePrettyEncoders() throws {
        let compact = JSONEncoder(), pretty = JSONEncoder()
        compact.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        pretty.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        for value in [Sample(), Sample(empty: [7], emptyObject: ["k": 1], numbers: [], nested: [:], tricky: "", fraction: 0, flag: false)] {
            let laidOut = JSONIndenter.indent(Array(try compact.encode(value)))
            #expect(String(decoding: laidOut, as: UTF8.self) == String(decoding: try pretty.encode(value), as: UTF8.self))
        }
    }

    @Test func onlyWhitespaceOutsideStringsIsAdded() throws {
        let compact = #"{"a":["x,y:{}",{}],"b":"\"]"}"#
        let laidOut = String(decoding: JSONIndenter.indent(Array(compact.utf8)), as: UTF8.self)
        #expect(laidOut.filter { !$0.isWhitespace } == compact.filter { !$0.isWhitespace })
        #expect(laidOut.contains(#""x,y:{}""#) && laidOut.contains(#""\"]""#))
    }
}
