import Foundation
import Testing
import LacunaCore
@testable import LacunaReports

/// The batch store writes reports with ``CompactJSON``; it must give exactly the bytes that
/// `JSONEncoder` (sorted keys, slashes unescaped) gives for the same report.
@Suite struct CompactJSONTests {
    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    static func report(text: String, title: String?, generatedAt: String? = nil) -> Report {
        let evidence = [
            EvidenceItem(section: "s. 2(1)", start: 10, end: 42, line: 3, column: 1, text: text, effect: .satisfies,
                         rule: "shared.x", note: nil),
            EvidenceItem(section: nil, start: 50, end: 60, line: 4, column: 7, text: "plain", effect: .partial,
                         rule: "shared.y", note: "a note / with a slash"),
        ]
        let findings = [
            Finding(requirement: "definition.act.recruitment", area: "definition", title: "Recruitment", obligation: .mandatory,
                    status: .met, sources: ["Protocol art. 3(a)"], evidence: evidence, recommendation: nil, drafting: nil,
                    explanation: "Met: \"recruits\" in s. 2(1)."),
            Finding(requirement: "assistance.housing", area: "assistance", title: "Housing", obligation: .recommended,
                    status: .missing, sources: [], evidence: [], recommendation: "Provide shelter.\nSee art. 6(3).",
                    drafting: "Tab\there, back\\slash, bell \u{07}, é, 中文", explanation: "Nothing matched."),
        ]
        let areas = [Area(id: "definition", title: "Definition", summary: "What trafficking is."),
                     Area(id: "assistance", title: "Assistance", summary: "Help for victims.")]
        let document = DocumentInfo(path: "/tmp/a \"b\".txt", title: title, format: "text/plain; utf-8",
                                    tradition: .commonLaw, traditionSource: .detected, contentHash: "abc123",
                                    characters: 1234, provisions: 12)
        return Report(toolVersion: "0.1.0", catalogVersion: "c1", rulesVersion: "r1", document: document, areas: areas,
                      findings: findings, generatedAt: generatedAt)
    }

    @Test(arguments: [
        "recruits, \"transports\" or harbours",
        "line\nbreak\r\nand\u{0C}feed\u{08}\u{01}\u{1F}",
        "http://example.org/a/b — “curly” ‘quotes’ … emoji 🙂",
        "",
    ])
    func sameBytesAsJSONEncoder(_ text: String) throws {
        for report in [Self.report(text: text, title: "The Act"), Self.report(text: text, title: nil, generatedAt: "2026-11-23T10:00:00Z")] {
            let expected = String(decoding: try Self.encoder().encode(report), as: UTF8.self)
            #expect(CompactJSON.encode(report) == expected)
        }
    }

    /// A report in another language carries `reportLanguage`, encoded as JSONEncoder does.
    @Test func reportLanguageIsEncodedLikeJSONEncoder() throws {
        var report = Self.report(text: "recrute", title: "Loi")
        report.reportLanguage = Language("fr")
        let expected = String(decoding: try Self.encoder().encode(report), as: UTF8.self)
        #expect(expected.contains("\"reportLanguage\":\"fr\""))
        #expect(CompactJSON.encode(report) == expected)
    }

    @Test func roundTrips() throws {
        let report = Self.report(text: "x", title: "T")
        let decoded = try JSONDecoder().decode(Report.self, from: Data(CompactJSON.encode(report).utf8))
        #expect(decoded.findings == report.findings)
        #expect(decoded.summary == report.summary)
    }
}
