import Foundation
import Testing
import LacunaCore
import LacunaKit
@testable import LacunaReports

/// Every finding says how its status was reached, naming the judging rule in words, in
/// every format (issue 13: "a met reached through JUDGING rule 12 says so in the report").
@Suite struct FindingWhyTests {
    static func analysis(_ sample: String) throws -> Analysis {
        try Support.analyzer.analyze(path: Support.root.appendingPathComponent("Corpora/\(sample)/bill.txt").path)
    }

    @Test func theRulePhrasesAreTheFourteenRulesOfTheJudgingPage() throws {
        let page = try String(contentsOf: Support.root.appendingPathComponent("docs/judging.md"), encoding: .utf8)
        // The numbered rules of the page, each paragraph by number.
        var rules: [Int: String] = [:]
        var current: Int?
        for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let dot = trimmed.firstIndex(of: "."), let n = Int(trimmed[..<dot]), trimmed[trimmed.index(after: dot)...].hasPrefix(" **") {
                current = n
            } else if trimmed.hasPrefix("#") {
                current = nil
            }
            if let n = current { rules[n, default: ""] += " " + trimmed.lowercased() }
        }
        #expect(rules.keys.sorted() == Array(1...14))
        #expect(JudgingRule.phrases.count == 14)
        for n in 1...14 {
            let phrase = try #require(JudgingRule.phrase(n))
            // Every longer word of the phrase (inflection aside) is a word of that rule's paragraph.
            let words = phrase.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 6 }
            let paragraph = rules[n] ?? ""
            let missing = words.filter { !paragraph.contains($0.prefix(5)) }
            #expect(missing.isEmpty, "rule \(n): \(missing) not in the page's rule")
        }
        #expect(JudgingRule.phrase(0) == nil && JudgingRule.phrase(15) == nil)
    }

    @Test func aRuleCitedInANoteIsFound() {
        #expect(JudgingRule.cited(in: "JUDGING rule 12 — an offence that needs no means") == 12)
        #expect(JudgingRule.cited(in: "Discretion where a duty is asked (JUDGING rules 10 and 14).") == 10)
        #expect(JudgingRule.cited(in: "JUDGING rule 99") == nil)
        #expect(JudgingRule.cited(in: "no rule here") == nil)
        #expect(FindingReason.withoutCitation("needs no means (JUDGING rule 12) at all") == "needs no means at all")
    }

    @Test func aMeansMetThroughAnOffenceWithoutMeansSaysSoInWords() throws {
        // The code's offence names acts and the purpose but no means: abduction is met
        // through rule 12, and the quote alone (about moving people) would not say why.
        let a = try Self.analysis("latin-american-code")
        let f = try #require(a.report.finding("definition.means.abduction"))
        #expect(f.status == .met)
        #expect(f.route == .noMeans && f.judgingRule == 12 && f.isIndirect)
        let why = try #require(f.why)
        #expect(why.contains("needs no means") && why.contains("an offence without means reaches every means"))
        let text = try TextReporter().render(a.report)
        let line = try #require(text.split(separator: "\n").firstIndex { $0.contains("MET      definition.means.abduction") })
        #expect(text.split(separator: "\n")[line + 1].contains("why: Met because the trafficking offence"))
    }

    @Test func aDefinitionThatTravelsSaysSo() throws {
        let a = try Self.analysis("caribbean-bill")
        let travelled = a.report.findings.filter { $0.route == .definition }
        #expect(!travelled.isEmpty)
        for f in travelled {
            #expect(f.judgingRule == 4 && f.why?.contains("definitions travel") == true)
            #expect(f.why?.contains(f.evidence.first?.section ?? "?") == true)
        }
    }

    @Test func everyFindingOfEverySampleHasAWhyNamingItsRule() throws {
        for sample in CorporaTests.samples {
            let a = try Self.analysis(sample)
            for f in a.report.findings {
                let why = try #require(f.why, "\(sample) \(f.requirement)")
                #expect(!why.isEmpty)
                #expect((f.route == .notFound) == (f.status == .missing), "\(sample) \(f.requirement)")
                if let n = f.judgingRule { #expect(why.contains(JudgingRule.phrase(n)!), "\(sample) \(f.requirement): \(why)") }
            }
        }
    }

    @Test func everyFormatCarriesTheWhy() throws {
        let a = try Self.analysis("latin-american-code")
        let f = try #require(a.report.finding("definition.means.abduction"))
        let why = try #require(f.why)
        for format in ReportFormat.allCases {
            let out = try format.render([a])
            switch format {
            case .json, .sarif:
                // Escaped in JSON: look for a stretch without quotes.
                #expect(out.contains("needs no means at all"), "\(format)")
            case .csv:
                #expect(out.contains(why), "\(format)")
            case .html:
                #expect(out.contains(HTML.escape(why)), "\(format)")
            case .markdown:
                #expect(out.contains(ReportText.markdown(why)), "\(format)")
            case .text:
                #expect(out.contains("why: Met because"), "\(format)")
            }
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ReportFormat.json.render([a]).utf8)) as? [String: Any])
        let finding = try #require((json["findings"] as? [[String: Any]])?.first { $0["requirement"] as? String == "definition.means.abduction" })
        #expect(finding["why"] as? String == why && finding["route"] as? String == "no-means" && finding["judgingRule"] as? Int == 12)
    }
}

/// `--only`, `--summary`, `--drafting` and the CSV's added columns.
@Suite struct FindingFilterTests {
    @Test func filtersKeepTheirFindingsAndTheWholeSummary() throws {
        let a = try FindingWhyTests.analysis("weak-draft")
        let all = a.report
        #expect(all.findings.contains { $0.status == .met } && all.findings.contains { $0.status.isGap && $0.obligation != .mandatory })
        let gaps = all.filtered(.gaps)
        #expect(gaps.findings.map(\.requirement) == all.findings.filter { $0.status.isGap }.map(\.requirement))
        let mandatory = all.filtered(.mandatory)
        #expect(mandatory.findings.map(\.requirement) == all.findings.filter { $0.status.isGap && $0.obligation == .mandatory }.map(\.requirement))
        #expect(mandatory.findings.count == all.summary.mandatoryGaps)
        #expect(all.filtered(.conflicts).findings.allSatisfy { $0.status == .conflict })
        #expect(all.filtered(.summary).findings.isEmpty)
        for f in FindingFilter.allCases {
            #expect(all.filtered(f).summary == all.summary && all.filtered(f).filter == f)
        }
        let text = try TextReporter().render(gaps)
        #expect(text.contains("requirements: 69") && text.contains("showing: gaps only") && !text.contains("\nMet\n"))
        let summary = try TextReporter().render(all.filtered(.summary))
        #expect(summary.contains("\nAreas\n") && !summary.contains("\nGaps\n"))
        #expect(summary.contains("Definition of trafficking in persons: "))
    }

    @Test func textShowsDraftingOnlyWhenAsked() throws {
        let a = try FindingWhyTests.analysis("weak-draft")
        let gap = try #require(a.report.findings.first { $0.drafting != nil })
        let first = try #require(gap.drafting?.split(separator: " ").prefix(4).joined(separator: " "))
        #expect(!(try TextReporter().render(a.report)).contains("drafting: " + first))
        #expect(try TextReporter(drafting: true).render(a.report).contains("drafting: " + first))
    }

    @Test func csvHasWhyExplanationRecommendationAndDrafting() throws {
        let a = try FindingWhyTests.analysis("weak-draft")
        let csv = try CSVReporter().render(a.report)
        let header = CSVReporter.header
        for column in ["why", "judging rule", "explanation", "recommendation", "drafting"] { #expect(header.contains(column)) }
        // The older columns keep their places.
        #expect(Array(header.prefix(15)) == ["document", "language", "tradition", "requirement", "area", "obligation", "status", "section", "line",
                                             "start", "end", "evidence", "rule", "sources", "recommendation"])
        let gap = try #require(a.report.findings.first { $0.drafting != nil })
        #expect(csv.contains(CSVReporter.field(gap.drafting!)))
        #expect(csv.contains(CSVReporter.field(gap.explanation)))
    }
}
