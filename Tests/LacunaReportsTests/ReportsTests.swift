import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import LacunaTestSupport
import LacunaCore
@testable import LacunaReports

/// A small report built by hand: four requirements, evidence in multibyte text.
enum Sample {
    static let text = "Ελληνικά — preamble.\n3. (1) Any person who recruits a person, by force, commits an offence; \"consent\" is a defence.\n"

    static func scalarOffset(of s: String) -> Int {
        text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: text.range(of: s)!.lowerBound.samePosition(in: text.unicodeScalars)!)
    }

    static func item(_ words: String, _ effect: Effect) -> EvidenceItem {
        let start = scalarOffset(of: words)
        return EvidenceItem(section: "s. 3(1)", start: start, end: start + words.unicodeScalars.count, line: 2, column: start - 21 + 1,
                            text: words, effect: effect, rule: "test.rule", note: nil)
    }

    static func finding(_ id: String, _ status: Status, _ obligation: Obligation, _ evidence: [EvidenceItem]) -> Finding {
        Finding(requirement: id, area: String(id.split(separator: ".")[0]), title: "Title of \(id)", obligation: obligation,
                status: status, sources: ["Protocol art. 3(a)"], evidence: evidence,
                recommendation: status == .met ? nil : "Add a clause, as Article 3 requires; say \"A, B\" | C.",
                drafting: status == .met ? nil : "A person commits an offence if ...", explanation: "because")
    }

    static var report: Report {
        let findings = [
            finding("definition.act.recruitment", .met, .mandatory, [item("recruits", .satisfies)]),
            finding("definition.means.force", .met, .mandatory, [item("by force", .satisfies)]),
            finding("definition.consent-irrelevant", .conflict, .mandatory, [item("\"consent\" is a defence", .contradicts)]),
            finding("assistance.housing", .missing, .optional, []),
        ]
        let areas = [Area(id: "definition", title: "Definition", summary: ""), Area(id: "assistance", title: "Assistance", summary: "")]
        let info = DocumentInfo(path: "drafts/bill, v2.txt", title: "Sample <Act> & Co", format: "text", tradition: .commonLaw,
                                traditionSource: .detected, contentHash: String(repeating: "a", count: 64),
                                characters: text.unicodeScalars.count, provisions: 2)
        return Report(toolVersion: "0.0.0", catalogVersion: "c", rulesVersion: "r", document: info, areas: areas, findings: findings)
    }
}


@Suite struct HTMLReporterTests {
    @Test func isWellFormedSelfContainedAndHighlightsTheEvidence() throws {
        let html = try HTMLReporter(text: Sample.text).render(Sample.report)
        let (ok, xml, error) = XMLCollector.parse(html)
        #expect(ok, "not well-formed: \(error ?? "")")
        #expect(!xml.elements.contains("script") && !xml.elements.contains("link") && !xml.elements.contains("img"))
        #expect(!xml.attributes.contains { $0["src"] != nil })
        #expect(html.contains("@media print"))
        // every piece of evidence is highlighted, the right words, linked to its finding
        #expect(html.contains("<mark class=\"ev-met\" title=\"definition.act.recruitment\"><a href=\"#f-definition-act-recruitment\">recruits</a></mark>"))
        #expect(html.contains("<mark class=\"ev-conflict\""))
        #expect(html.contains("&quot;consent&quot; is a defence</a></mark>"))
        #expect(html.contains("id=\"ev-definition-consent-irrelevant\""))
        #expect(html.contains("id=\"f-assistance-housing\""))
        #expect(html.contains("id=\"rec-assistance-housing\""))
        #expect(html.contains("Sample &lt;Act&gt; &amp; Co"))
        #expect(html.contains("Ελληνικά"))
    }

    @Test func withoutTheTextThereIsNoStatuteSection() throws {
        let html = try HTMLReporter().render(Sample.report)
        #expect(!html.contains("<pre class=\"statute\">"))
        #expect(XMLCollector.parse(html).ok)
    }
}

/// The HTML report on paper: gaps first, the statute an optional annex, the paper size, and
/// the labels that tie every highlight to its finding.
@Suite struct HTMLPrintTests {
    static func position(_ needle: String, in html: String) throws -> String.Index {
        try #require(html.range(of: needle), "no \(needle)").lowerBound
    }

    @Test func gapsComeBeforeAllFindingsAndTheAnnexLast() throws {
        let html = try HTMLReporter(text: Sample.text).render(Sample.report)
        let gaps = try Self.position("id=\"recommendations\"", in: html)
        let findings = try Self.position("id=\"findings\"", in: html)
        let annex = try Self.position("<section class=\"annex\">", in: html)
        #expect(try Self.position("id=\"summary\"", in: html) < gaps && gaps < findings && findings < annex)
        // Met findings are marked for the compact print style; the gaps are not.
        #expect(html.contains("<tr class=\"met\" id=\"f-definition-act-recruitment\">"))
        #expect(html.contains("<tr class=\"gap\" id=\"f-assistance-housing\">"))
        #expect(html.contains("tr.met td"), "the print style makes met rows compact")
        #expect(html.contains("section.annex { break-before: page;"), "the annex starts a page on paper")
    }

    @Test func theAnnexIsOptional() throws {
        let without = try HTMLReporter(text: Sample.text, layout: PageOptions(annex: false)).render(Sample.report)
        #expect(!without.contains("<section class=\"annex\">") && !without.contains("<mark"))
        #expect(XMLCollector.parse(without).ok)
        let with = try HTMLReporter(text: Sample.text).render(Sample.report)
        #expect(with.contains("<section class=\"annex\">"))
    }

    @Test func thePageRuleNamesThePaper() throws {
        let a4 = try HTMLReporter(text: Sample.text).render(Sample.report)
        #expect(a4.contains("@page { size: A4;"))
        let letter = try HTMLReporter(text: Sample.text, layout: PageOptions(paper: .letter)).render(Sample.report)
        #expect(letter.contains("@page { size: letter;") && !letter.contains("size: A4"))
    }

    /// Every highlight is followed by the labels of its findings, and those labels are the
    /// ones the findings table and the recommendations show.
    @Test func everyHighlightCarriesTheLabelOfItsFinding() throws {
        let html = try HTMLReporter(text: Sample.text).render(Sample.report)
        let labels = HTMLReporter.labels(Sample.report)
        #expect(labels["definition.act.recruitment"] == "F1" && labels["assistance.housing"] == "F4")
        #expect(html.contains(">recruits</a></mark><sup class=\"tag\">F1</sup>"))
        #expect(html.contains(">by force</a></mark><sup class=\"tag\">F2</sup>"))
        #expect(html.contains("is a defence</a></mark><sup class=\"tag\">F3</sup>"))
        #expect(html.components(separatedBy: "</mark><sup class=\"tag\">").count - 1 == 3, "one label per evidence span")
        for (requirement, label) in labels {
            let row = try #require(html.range(of: "id=\"f-\(HTML.id(requirement))\">"))
            #expect(html[row.upperBound...].prefix(200).contains("<span class=\"fno\">\(label)</span>"), "row of \(requirement)")
        }
        #expect(html.contains("Title of assistance.housing <span class=\"fno\">F4</span></h3>"))
    }

    @Test func evidenceEndingTogetherSharesOneLabel() throws {
        var report = Sample.report
        report.findings[1].evidence = [Sample.item("recruits", .partial)]  // force's evidence now ends where recruitment's does
        let html = try HTMLReporter(text: Sample.text).render(report)
        #expect(html.contains("<sup class=\"tag\">F1 F2</sup>"))
    }
}

@Suite struct SARIFReporterTests {
    @Test func hasTheSARIF210Structure() throws {
        let sarif = try SARIFReporter().render(Sample.report)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        #expect(json["version"] as? String == "2.1.0")
        #expect((json["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let runs = try #require(json["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "lacuna")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == Sample.report.findings.map(\.requirement))
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.map { $0["ruleId"] as? String } == ["definition.consent-irrelevant", "assistance.housing"])
        for r in results {
            let index = try #require(r["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == r["ruleId"] as? String)
            #expect(["error", "warning", "note"].contains(r["level"] as? String ?? ""))
            #expect((r["message"] as? [String: Any])?["text"] as? String != nil)
            let locations = try #require(r["locations"] as? [[String: Any]])
            let physical = try #require(locations[0]["physicalLocation"] as? [String: Any])
            let region = try #require(physical["region"] as? [String: Any])
            #expect((region["startLine"] as? Int ?? 0) >= 1 && (region["startColumn"] as? Int ?? 0) >= 1)
            #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "drafts/bill,%20v2.txt")
        }
        #expect(results[0]["level"] as? String == "error")
        #expect(results[1]["level"] as? String == "note")
    }
}

@Suite struct CSVAndMarkdownTests {
    @Test func csvQuotesAndGuardsFields() throws {
        let csv = try CSVReporter().render(Sample.report)
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 1 + Sample.report.findings.count)
        #expect(lines[0] == CSVReporter.header.joined(separator: ","))
        #expect(lines[1].hasPrefix("\"drafts/bill, v2.txt\",,common-law,definition.act.recruitment,definition,mandatory,met,s. 3(1),2,"))
        #expect(lines[3].contains("\"\"\"consent\"\" is a defence\""))
        #expect(CSVReporter.field("=SUM(A1)") == "'=SUM(A1)")
        #expect(CSVReporter.field("a\nb") == "\"a\nb\"")
    }

    @Test func markdownHasSummaryFindingsAndRecommendationsForGapsOnly() throws {
        let md = try MarkdownReporter().render(Sample.report)
        #expect(md.contains("## Executive summary"))
        #expect(md.contains("| Definition | 2/3 met, 1 conflict | — | — | 67% |"))
        #expect(md.contains("| Assistance | — | — | 0/1 met | 0% |"))
        #expect(md.contains("### Title of definition.consent-irrelevant — conflict"))
        #expect(md.contains("### Title of assistance.housing — missing"))
        #expect(!md.contains("### Title of definition.act.recruitment —"))
        #expect(md.contains("say \"A, B\" \\| C."))
        // the most serious first: the conflict before the missing optional requirement
        let conflict = try #require(md.range(of: "1. **Conflict**"))
        let missing = try #require(md.range(of: "1. **Missing**"))
        #expect(conflict.lowerBound < missing.lowerBound)
    }
}

@Suite struct DiffTests {
    @Test func identicalReportsHaveNoChanges() {
        let diff = ReportDiff(old: Sample.report, new: Sample.report)
        #expect(diff.changes.isEmpty)
        #expect(!diff.hasRegression)
    }

    @Test func classifiesEveryKindOfChange() throws {
        var new = Sample.report
        new.findings[0].status = .missing            // recruitment: gap opened
        new.findings[0].evidence = []
        new.findings[2].status = .met                // consent: gap closed
        new.findings[3].status = .partial            // housing: missing -> partial
        new.findings[1].evidence[0].text = "by threat of force"  // force: evidence moved (other words)
        let diff = ReportDiff(old: Sample.report, new: new)
        #expect(diff.changes.map(\.kind) == [.gapOpened, .evidenceMoved, .gapClosed, .statusChanged])
        // The gaps of the new draft that the old had too: housing (missing, now partial); the
        // opened one is listed as opened, the closed one is gone.
        #expect(diff.remaining.map(\.requirement) == ["assistance.housing"])
        #expect(diff.remaining.first?.before == .missing && diff.remaining.first?.after == .partial)
        #expect(diff.hasRegression)
        #expect(diff.changes[0].isRegression && !diff.changes[2].isRegression && !diff.changes[3].isRegression)
        for format in DiffRenderer.Format.allCases {
            let out = try DiffRenderer(format: format).render(diff)
            #expect(out.contains("definition.act.recruitment"))
            if format == .html { #expect(XMLCollector.parse(out).ok) }
            if format != .json { #expect(out.contains("Sample <Act> & Co") || out.contains("Sample &lt;Act&gt; &amp; Co"), "names the drafts") }
            if format != .json { #expect(out.contains("Gaps that remain"), "\(format)") }
        }
    }

    @Test func aRenumberedProvisionWithTheSameWordsIsNoChange() {
        var new = Sample.report
        for i in new.findings.indices { for j in new.findings[i].evidence.indices { new.findings[i].evidence[j].section = "s. 4(1)" } }
        #expect(ReportDiff(old: Sample.report, new: new).changes.isEmpty)
    }

    @Test func theRedlineKeepsBothTextsAndShowsOnlyWhatChanged() {
        let old = "(3) liable to imprisonment for a term not exceeding two years or to a fine"
        let new = "(3) liable to imprisonment for a term not exceeding fifteen years, and to a fine"
        let pieces = Redline.pieces(old: old, new: new)
        let words = { (kinds: Set<Redline.Piece.Kind>) in pieces.filter { kinds.contains($0.kind) }.map(\.text).joined(separator: " ") }
        #expect(words([.same, .deleted]) == old && words([.same, .inserted]) == new)
        #expect(pieces.filter { $0.kind != .same }.map(\.text) == ["two years or", "fifteen years, and"])
        #expect(Redline.pieces(old: "same words", new: "same  words\n") == [Redline.Piece(.same, "same words")])
        #expect(Redline.pieces(old: "", new: "all new") == [Redline.Piece(.inserted, "all new")])
    }

    @Test func renderersShowTheRedline() throws {
        var diff = ReportDiff(old: Sample.report, new: Sample.report)
        diff.redlines = [Redline(citation: "s. 3(2)", requirements: ["definition.consent-irrelevant"],
                                 pieces: [.init(.same, "(2)"), .init(.deleted, "a <defence>"), .init(.inserted, "irrelevant")])]
        #expect(try DiffRenderer(format: .text).render(diff).contains("Redline of s. 3(2) (definition.consent-irrelevant)\n  (2) [-a <defence>-] {+irrelevant+}"))
        #expect(try DiffRenderer(format: .markdown).render(diff).contains("(2) ~~a &lt;defence&gt;~~ **irrelevant**"))
        let html = try DiffRenderer(format: .html).render(diff)
        #expect(html.contains("(2) <del>a &lt;defence&gt;</del> <ins>irrelevant</ins>") && XMLCollector.parse(html).ok)
    }
}
