import Foundation
import Testing
import LacunaCore
import LacunaReports
import LacunaTestSupport
@_spi(Testing) import LacunaKit

/// Human review: a reviewer's decisions in a review file override findings, show in every
/// report, carry into later runs, diffs and batch stores, and go stale when the evidence
/// changes.
@Suite(.serialized) struct ReviewTests {
    static let draft = Support.root.appendingPathComponent("Corpora/weak-draft/bill.txt").path

    static func analysis() throws -> Analysis { try Support.analyzer.analyze(path: draft) }

    @Test func aTemplateReadsBackAsNoDecision() throws {
        let a = try Self.analysis()
        let template = ReviewFileLoader.template(a.report)
        let file = try ReviewFileLoader.parse(template, file: "review.yml")
        #expect(file.entries.isEmpty)
        // Every finding is listed with its fingerprint.
        for f in a.report.findings { #expect(template.contains("requirement: \(f.requirement)\n    tool: \(f.status.rawValue)")) }
        #expect(template.contains("evidence: \(a.report.findings[0].evidenceFingerprint)"))
    }

    @Test func anOverrideChangesTheStatusAndKeepsTheToolsFinding() throws {
        var a = try Self.analysis()
        let met = try #require(a.report.findings.first { $0.status == .met })
        let gap = try #require(a.report.findings.first { $0.status == .missing && $0.obligation == .mandatory })
        let yaml = """
        reviews:
          - requirement: \(met.requirement)
            tool: met
            evidence: \(met.evidenceFingerprint)
            status: partial
            note: only adults are covered
            who: A. Adviser
            when: 2026-12-07
          - requirement: \(gap.requirement)
            status: accept
        """
        let before = a.report.summary
        try a.report.apply(ReviewFileLoader.parse(yaml, file: "r.yml"), catalog: Support.analyzer.catalog)
        let f = try #require(a.report.finding(met.requirement))
        #expect(f.status == .partial && f.review?.toolStatus == .met && f.review?.stale == false)
        #expect(f.recommendation != nil, "a gap now, so it carries the catalog's recommendation")
        #expect(a.report.finding(gap.requirement)?.status == .missing && a.report.finding(gap.requirement)?.review?.status == .missing)
        #expect(a.report.summary.totals.met == before.totals.met - 1 && a.report.summary.totals.partial == before.totals.partial + 1)
        #expect(a.report.reviewFile == "r.yml")
        let text = try TextReporter().render(a.report)
        #expect(text.contains("reviewed: partial (tool: met) — A. Adviser, 2026-12-07 — only adults are covered"))
        // The why explains the tool's finding, and says so.
        #expect(text.contains("tool's why: \(f.why!.prefix(20))"))
        for format in ReportFormat.allCases {
            #expect(try format.render([a]).contains("only adults are covered"), "\(format)")
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReporter().render(a.report).utf8)) as? [String: Any])
        let entry = try #require((json["findings"] as? [[String: Any]])?.first { $0["requirement"] as? String == met.requirement })
        let review = try #require(entry["review"] as? [String: Any])
        #expect(entry["status"] as? String == "partial" && review["toolStatus"] as? String == "met" && review["stale"] as? Bool == false)
        // CompactJSON (the batch store's encoding) stays byte-identical to JSONEncoder's.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(CompactJSON.encode(a.report) == String(decoding: try encoder.encode(a.report), as: UTF8.self))
    }

    @Test func aReviewOfChangedEvidenceIsStaleAndNotApplied() throws {
        var a = try Self.analysis()
        let met = try #require(a.report.findings.first { $0.status == .met })
        let yaml = """
        reviews:
          - requirement: \(met.requirement)
            evidence: 0000000000000000
            status: missing
            note: wrong
        """
        try a.report.apply(ReviewFileLoader.parse(yaml, file: "r.yml"), catalog: Support.analyzer.catalog)
        let f = try #require(a.report.finding(met.requirement))
        #expect(f.status == .met && f.review?.stale == true && f.review?.status == .missing)
        #expect(try TextReporter().render(a.report).contains("STALE"))
    }

    @Test func aReviewCarriesToALaterDraftUntilItsEvidenceChanges() throws {
        let text = try String(contentsOfFile: Self.draft, encoding: .utf8)
        let first = try Support.analyzer.analyze(SourceText(path: "draft1.txt", text: text, contentHash: "1")).report
        let conflict = try #require(first.finding("definition.consent-irrelevant"))
        #expect(conflict.status == .conflict)
        let yaml = """
        reviews:
          - requirement: definition.consent-irrelevant
            tool: conflict
            evidence: \(conflict.evidenceFingerprint)
            status: partial
            note: read with the general part
        """
        let review = try ReviewFileLoader.parse(yaml, file: "r.yml")
        // A later draft that adds a line elsewhere: the same words decide, the review applies.
        var later = try Support.analyzer.analyze(SourceText(path: "draft2.txt", text: "Note: second reading.\n" + text, contentHash: "2")).report
        try later.apply(review, catalog: Support.analyzer.catalog)
        #expect(later.finding("definition.consent-irrelevant")?.status == .partial)
        #expect(later.finding("definition.consent-irrelevant")?.review?.stale == false)
        // A draft that rewords the consent clause: the review is stale, the tool's status stands.
        let reworded = text.replacingOccurrences(of: "It shall be a defence to a charge under subsection (1) that the person trafficked consented",
                                                 with: "It shall be a defence to any charge under subsection (1) that the trafficked person consented")
        #expect(reworded != text)
        var third = try Support.analyzer.analyze(SourceText(path: "draft3.txt", text: reworded, contentHash: "3")).report
        try third.apply(review, catalog: Support.analyzer.catalog)
        let f = try #require(third.finding("definition.consent-irrelevant"))
        #expect(f.review?.stale == true && f.status == f.review?.toolStatus)
    }

    @Test func badReviewFilesNameTheFileAndLine() {
        let catalog = Support.analyzer.catalog
        func problem(_ yaml: String) -> ReviewError? {
            do {
                var r = try Self.analysis().report
                try r.apply(ReviewFileLoader.parse(yaml, file: "bad.yml"), catalog: catalog)
                return nil
            } catch let e as ReviewError {
                return e
            } catch {
                return ReviewError(file: "?", line: nil, problem: "\(error)")
            }
        }
        let status = problem("reviews:\n  - requirement: definition.act.recruitment\n    status: maybe\n")
        #expect(status?.file == "bad.yml" && status?.line == 3 && status?.problem.contains("maybe") == true)
        let unknown = problem("reviews:\n  - requirement: definition.act.recruitment\n    status: met\n  - requirement: no.such\n    status: met\n")
        #expect(unknown?.line == 4 && unknown?.problem.contains("no.such") == true)
        let twice = problem("reviews:\n  - requirement: definition.act.recruitment\n    status: met\n  - requirement: definition.act.recruitment\n    status: missing\n")
        #expect(twice?.line == 4 && twice?.problem.contains("twice") == true)
        let key = problem("reviews:\n  - requirement: definition.act.recruitment\n    verdict: met\n")
        #expect(key?.line == 3 && key?.problem.contains("verdict") == true)
        let yaml = problem("reviews:\n  - requirement: [unclosed\n")
        #expect(yaml?.file == "bad.yml" && yaml?.line != nil && yaml?.problem.contains("invalid YAML") == true)
        #expect(status?.description.hasPrefix("bad.yml:3: ") == true)
    }

    @Test func theCommandLineWritesAppliesAndCarriesReviews() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let review = dir.appendingPathComponent("review.yml").path
        let written = try LacunaCommand.run(["analyze", Self.draft, "--write-review", review, "--format", "json"])
        #expect(written.status == 0, "\(written.stderr)")
        // Fill in one decision in the template: the consent conflict is accepted, with a note.
        var yaml = try String(contentsOfFile: review, encoding: .utf8)
        let marker = "  - requirement: definition.consent-irrelevant\n"
        let range = try #require(yaml.range(of: marker))
        let statusLine = try #require(yaml.range(of: "    status:\n", range: range.upperBound..<yaml.endIndex))
        yaml.replaceSubrange(statusLine, with: "    status: accept\n    # checked\n")
        yaml = yaml.replacingOccurrences(of: "    status: accept\n    # checked\n    note:\n", with: "    status: accept\n    note: consent defence confirmed by counsel\n")
        try yaml.write(toFile: review, atomically: true, encoding: .utf8)
        let reviewed = try LacunaCommand.run(["analyze", Self.draft, "--review", review])
        #expect(reviewed.status == 0, "\(reviewed.stderr)")
        #expect(reviewed.stdout.contains("consent defence confirmed by counsel") && reviewed.stdout.contains("1 finding(s) reviewed"))
        // The template is never overwritten.
        let again = try LacunaCommand.run(["analyze", Self.draft, "--write-review", review])
        #expect(again.status == 2 && again.stderr.contains("exists"))
        // A bad file: one line naming the file and the line, exit 2.
        let bad = try Support.write("reviews:\n  - requirement: definition.act.recruitment\n    status: maybe\n", "bad.yml", in: dir)
        let failed = try LacunaCommand.run(["analyze", Self.draft, "--review", bad.path])
        #expect(failed.status == 2 && failed.stderr.contains("bad.yml:3:"))
        // The diff carries the review into both drafts.
        let diff = try LacunaCommand.run(["diff", Self.draft, Self.draft, "--review", review, "--format", "json"])
        #expect(diff.status == 0, "\(diff.stderr)")
    }

    @Test func aManifestReviewColumnCarriesIntoTheStore() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Self.draft), to: dir.appendingPathComponent("draft.txt"))
        let a = try Self.analysis()
        let met = try #require(a.report.findings.first { $0.status == .met })
        _ = try Support.write("reviews:\n  - requirement: \(met.requirement)\n    evidence: \(met.evidenceFingerprint)\n    status: missing\n    note: quoted words are a heading\n",
                              "draft.review.yml", in: dir)
        let manifest = try Support.write("path,jurisdiction,review\ndraft.txt,Eastmarch,draft.review.yml\n", "manifest.csv", in: dir)
        let items = try Manifest.load(path: manifest.path, knownTraditions: Support.analyzer.registry.traditions)
        let store = try Store()
        _ = try BatchRunner(analyzer: Support.analyzer, store: store).run(items, options: BatchFixture.options(manifest))
        #expect(try store.matrix().rows.first?.cells[met.requirement]?.status == .missing)
        // An edited review file is applied again on the next run (not reused).
        _ = try Support.write("reviews:\n  - requirement: \(met.requirement)\n    status: accept\n", "draft.review.yml", in: dir)
        let second = try BatchRunner(analyzer: Support.analyzer, store: store).run(items, options: BatchFixture.options(manifest))
        #expect(second.analysed == 1)
        #expect(try store.matrix().rows.first?.cells[met.requirement]?.status == .met)
    }
}

/// The added fields fit the committed schema and the store's fast encoder.
@Suite struct AddedFieldsContractTests {
    @Test func aReviewedFilteredExtractFitsTheSchemaAndCompactJSON() throws {
        var a = try ReviewTests.analysis()
        let met = try #require(a.report.findings.first { $0.status == .met })
        try a.report.apply(ReviewFileLoader.parse("reviews:\n  - requirement: \(met.requirement)\n    status: missing\n    note: n\n    who: w\n    when: d\n",
                                                  file: "r.yml"), catalog: Support.analyzer.catalog)
        a.report.markExtract()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for report in [a.report, a.report.filtered(.gaps), a.report.filtered(.summary)] {
            let json = try JSONSerialization.jsonObject(with: Data(try JSONReporter().render(report).utf8))
            let errors = JSONSchemaValidator(schema: JSONSchemaTests.schema).validate(json)
            #expect(errors.isEmpty, "\(errors.prefix(5).joined(separator: "\n"))")
            #expect(CompactJSON.encode(report) == String(decoding: try encoder.encode(report), as: UTF8.self))
        }
        #expect(a.report.findings.contains { $0.notInText == true } && a.report.findings.contains { $0.review != nil })
    }

    @Test func theCommandLineFilters() throws {
        let only = try LacunaCommand.run(["analyze", ReviewTests.draft, "--only", "conflicts", "--format", "json"])
        #expect(only.status == 0, "\(only.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(only.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty && findings.allSatisfy { $0["status"] as? String == "conflict" } && json["filter"] as? String == "conflicts")
        let summary = try LacunaCommand.run(["analyze", ReviewTests.draft, "--summary"])
        #expect(summary.status == 0 && summary.stdout.contains("showing: the summary only") && !summary.stdout.contains("MISSING"))
        let both = try LacunaCommand.run(["analyze", ReviewTests.draft, "--summary", "--only", "gaps"])
        #expect(both.status != 0 && both.stderr.contains("--summary"))
        let drafting = try LacunaCommand.run(["analyze", ReviewTests.draft, "--drafting", "--only", "mandatory"])
        #expect(drafting.stdout.contains("drafting: "))
    }
}
