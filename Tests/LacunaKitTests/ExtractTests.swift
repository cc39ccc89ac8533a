import Foundation
import Testing
import LacunaCore
import LacunaReports
@_spi(Testing) import LacunaKit

/// Partial texts are not shown as empty law: the areas no provision concerns are named, an
/// extract's findings there are flagged "not in this text", and the matrix shows them apart.
@Suite(.serialized) struct ExtractTests {
    /// A penal-code article on its own: the offence, nothing on victims, jurisdiction ...
    static let article = """
    Penal Code (extract)

    Article 210. Trafficking in persons
    1. Whoever recruits, transports, transfers, harbours or receives a person by force, threat, deception or abuse of a position of vulnerability, for the purpose of exploitation, shall be punished by imprisonment of five to twelve years.

    """

    static func report(extract: Bool) throws -> Report {
        var r = try Support.analyzer.analyze(SourceText(path: "article.txt", text: article, contentHash: "x")).report
        if extract { r.markExtract() }
        return r
    }

    @Test func theAreasNoProvisionConcernsAreNamed() throws {
        let r = try Self.report(extract: false)
        let absent = try #require(r.summary.notAddressed)
        #expect(absent.contains("assistance") && absent.contains("jurisdiction") && !absent.contains("definition"))
        for area in absent { #expect(r.findings.filter { $0.area == area }.allSatisfy { $0.status == .missing }) }
        // Without --extract nothing is flagged, but every format says it.
        #expect(r.findings.allSatisfy { $0.notInText == nil } && r.document.extract == nil)
        // The human formats and SARIF say it in words (lines joined: the text format wraps).
        for format in [ReportFormat.text, .markdown, .html, .sarif] {
            let out = try format.render([Analysis.wrapping(r)]).lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(out.contains("no provision of this text concerns non-punishment of victims; assistance to and protection of victims;"), "\(format)")
            #expect(out.contains("if it is an extract, these findings say nothing of the rest of the law"), "\(format)")
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReporter().render(r).utf8)) as? [String: Any])
        #expect((json["summary"] as? [String: Any])?["notAddressed"] as? [String] == absent)
    }

    @Test func anExtractFlagsItsAbsentAreasAndKeepsMissing() throws {
        let r = try Self.report(extract: true)
        #expect(r.document.extract == true)
        let absent = Set(r.summary.notAddressed ?? [])
        for f in r.findings {
            #expect((f.notInText == true) == absent.contains(f.area), "\(f.requirement)")
            if f.notInText == true { #expect(f.status == .missing) }
        }
        let text = try TextReporter().render(r)
        #expect(text.contains("Not in this text") && text.contains("NOT IN TEXT  assistance.housing"))
        #expect(!text.contains("MISSING  assistance.housing"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReporter().render(r).utf8)) as? [String: Any])
        let housing = try #require((json["findings"] as? [[String: Any]])?.first { $0["requirement"] as? String == "assistance.housing" })
        #expect(housing["status"] as? String == "missing" && housing["notInText"] as? Bool == true)
        #expect((json["document"] as? [String: Any])?["extract"] as? Bool == true)
        let csv = try CSVReporter().render(r)
        #expect(csv.split(separator: "\r\n").first { $0.contains(",assistance.housing,") }?.contains(",yes") == true)
        let sarif = try SARIFReporter().render(r)
        #expect(sarif.contains("notApplicable"))
    }

    @Test func theManifestColumnMarksAnExtractAndTheMatrixShowsItApart() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Support.write(Self.article, "article.txt", in: dir)
        try FileManager.default.copyItem(at: Support.root.appendingPathComponent("Corpora/weak-draft/bill.txt"), to: dir.appendingPathComponent("draft.txt"))
        let manifest = try Support.write("""
        path,jurisdiction,extract
        article.txt,Westmark,yes
        draft.txt,Eastmarch,
        """, "manifest.csv", in: dir)
        let items = try Manifest.load(path: manifest.path, knownTraditions: Support.analyzer.registry.traditions)
        #expect(items.map(\.extract) == [true, nil])
        let store = try Store()
        _ = try BatchRunner(analyzer: Support.analyzer, store: store).run(items, options: BatchFixture.options(manifest))
        let m = try store.matrix()
        let west = try #require(m.rows.first { $0.jurisdiction == "Westmark" })
        let east = try #require(m.rows.first { $0.jurisdiction == "Eastmarch" })
        #expect(west.cells["assistance.housing"]?.isNotInText == true)
        #expect(west.cells["definition.act.recruitment"]?.isNotInText == false)
        // The draft is not marked: its missing areas stay gaps.
        #expect(east.cells["coordination.national-body"].map { $0.status == .missing && !$0.isNotInText } ?? true)
        let csv = MatrixRenderer.csv(m)
        let westRow = try #require(csv.split(separator: "\r\n").first { $0.hasPrefix("Westmark,") })
        #expect(westRow.contains("not-in-text"))
        let eastRow = try #require(csv.split(separator: "\r\n").first { $0.hasPrefix("Eastmarch,") })
        #expect(!eastRow.contains("not-in-text"))
        #expect(MatrixRenderer.html(m).contains("class=\"st-absent"))
    }

    @Test func aBadExtractValueNamesTheLine() {
        #expect(throws: ManifestError(file: "m.csv", line: 3, problem: "extract \"perhaps\" is not yes or no (yes, true, 1; no, false, 0)")) {
            try Manifest.parse("path,extract\na.txt,no\nb.txt,perhaps\n", format: nil, file: "m.csv", base: nil,
                               knownTraditions: Support.analyzer.registry.traditions)
        }
    }
}

extension Analysis {
    /// An analysis around an already-made report, for rendering it (tests only).
    static func wrapping(_ report: Report) throws -> Analysis {
        var a = try Support.analyzer.analyze(SourceText(path: report.document.path, text: ExtractTests.article, contentHash: "x"))
        a.report = report
        return a
    }
}
