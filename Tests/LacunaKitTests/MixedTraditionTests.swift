import Foundation
import Testing
import LacunaCore
import LacunaKit
import LacunaReports

/// A mixed system (`--tradition a+b`) used to depend on the order written: the first named
/// tradition's numbering conventions segmented the text, so `islamic-law+common-law` read the
/// East-African sample as articles and lost mandatory findings that `common-law+islamic-law`
/// found. Now the conventions that fit the text segment it, whatever the order, and every
/// format names every tradition used.
@Suite struct MixedTraditionTests {
    static let sample = Support.root.appendingPathComponent("Corpora/east-african-act/bill.txt").path

    func analyze(_ tradition: String, _ path: String = sample) throws -> Analysis {
        try Support.analyzer.analyze(path: path, tradition: TraditionChoice.parse(tradition, known: Support.analyzer.registry.traditions))
    }

    static func shape(_ r: Report) -> [String] {
        r.findings.map { f in "\(f.requirement) \(f.status) " + f.evidence.map { "\($0.start)-\($0.end) \($0.rule)" }.joined(separator: ",") }
    }

    @Test(arguments: ["Corpora/east-african-act/bill.txt", "Corpora/gulf-law/bill.txt", "Corpora/civil-law-code/bill.txt"])
    func theOrderWrittenChangesNothing(_ relative: String) throws {
        let path = Support.root.appendingPathComponent(relative).path
        let a = try analyze("common-law+islamic-law", path), b = try analyze("islamic-law+common-law", path)
        #expect(Self.shape(a.report) == Self.shape(b.report))
        #expect(a.report.document.traditions == b.report.document.traditions)
        #expect(a.report.document.tradition == b.report.document.tradition)
        #expect(a.report.rulesVersion == b.report.rulesVersion)
        let three = try analyze("civil+islamic+common", path), other = try analyze("islamic+common+civil", path)
        #expect(Self.shape(three.report) == Self.shape(other.report))
    }

    /// The East-African sample is an Act in sections: it is segmented as sections in both orders.
    @Test func theConventionsThatFitTheTextSegmentIt() throws {
        let a = try analyze("islamic-law+common-law")
        let common = try analyze("common-law")
        #expect(a.report.document.tradition == .commonLaw, "the primary tradition is the one whose conventions fit")
        #expect(a.document.provisions.map(\.citation) == common.document.provisions.map(\.citation))
        let gaps = { (r: Report) in r.findings.filter { $0.obligation == .mandatory && $0.status.isGap }.count }
        #expect(gaps(a.report) <= gaps(common.report), "the islamic-law rules only add evidence")
    }

    @Test func everyFormatNamesEveryTradition() throws {
        let a = try analyze("islamic-law+common-law")
        #expect(a.report.document.traditions == [.commonLaw, .islamicLaw])
        for format in ReportFormat.allCases {
            let out = try format.render([a])
            #expect(out.contains("common-law+islamic-law") || (format == .json && out.contains("\"islamic-law\"")),
                    "\(format) does not name both traditions")
        }
        // A single tradition is named as before.
        let single = try analyze("common-law")
        #expect(single.report.document.traditions == [.commonLaw])
    }
}
