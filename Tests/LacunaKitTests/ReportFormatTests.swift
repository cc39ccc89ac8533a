import Foundation
import Testing
import LacunaTestSupport
import LacunaCore
import LacunaKit
import LacunaReports
import LacunaReaders

/// Reports of the Corpora samples in every format, compared with committed golden files
/// (Tests/LacunaKitTests/Golden). After an intended change, regenerate them with
/// `LACUNA_UPDATE_GOLDEN=1 swift test --filter GoldenTests` and review the diff.
@Suite struct GoldenTests {
    static let formats = ["json", "markdown", "html", "sarif", "csv", "text"]
    static let cases: [String] = CorporaTests.samples.flatMap { s in formats.map { "\(s).\($0)" } }
    static let golden = Support.root.appendingPathComponent("Tests/LacunaKitTests/Golden")

    static func analysis(_ sample: String) throws -> Analysis {
        let relative = "Corpora/\(sample)/bill.txt"
        let bytes = try Data(contentsOf: Support.root.appendingPathComponent(relative))
        let source = try Ingester().decode(Array(bytes), path: relative)
        var analysis = try Support.analyzer.analyze(source, tradition: nil)
        // Versions change with every rule edit; the golden files pin the findings and formats.
        analysis.report.toolVersion = "golden"
        analysis.report.rulesVersion = "golden"
        analysis.report.catalogVersion = "golden"
        return analysis
    }

    @Test(arguments: cases)
    func matchesTheGoldenFile(_ name: String) throws {
        let sample = String(name.split(separator: ".")[0]), format = String(name.split(separator: ".")[1])
        let rendered = try #require(ReportFormat(rawValue: format)).reporter().render(try Self.analysis(sample))
        let file = Self.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["LACUNA_UPDATE_GOLDEN"] != nil {
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
            try Data(rendered.utf8).write(to: file)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(rendered == expected, "\(name) differs from its golden file; if the change is intended, regenerate with LACUNA_UPDATE_GOLDEN=1")
    }
}

@Suite struct JSONSchemaTests {
    static var schema: [String: Any] {
        try! JSONSerialization.jsonObject(with: Data(contentsOf: Support.root.appendingPathComponent("docs/report.schema.json"))) as! [String: Any]
    }

    /// Every report of the Corpora samples and of the development statutes fits the schema.
    static let documents: [String] = {
        let corpora = CorporaTests.samples.map { "Corpora/\($0)/bill.txt" }
        let statutes = ((try? FileManager.default.contentsOfDirectory(atPath: Support.shared.appendingPathComponent("statutes").path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted().map { "../shared/statutes/\($0)" }
        return corpora + statutes
    }()

    /// Without ../shared the schema would be checked on the Corpora samples only: say so.
    @Test(.enabled(if: Support.runsSharedTests, Support.needsShared))
    func theDevelopmentStatutesAreChecked() {
        #expect(Self.documents.filter { $0.hasPrefix("../shared/") }.count >= 16,
                "no development statutes in ../shared/statutes: the schema is checked on Corpora only")
    }

    @Test(arguments: documents)
    func reportsFitTheCommittedSchema(_ path: String) throws {
        let url = Support.root.appendingPathComponent(path).standardizedFileURL
        let report = try Support.analyzer.analyze(path: url.path, tradition: nil).report
        let json = try JSONSerialization.jsonObject(with: Data(try JSONReporter().render(report).utf8))
        let errors = JSONSchemaValidator(schema: Self.schema).validate(json)
        #expect(errors.isEmpty, "\(errors.prefix(5).joined(separator: "\n"))")
        for f in report.findings where f.status != .met { #expect(f.recommendation != nil) }
    }

    @Test func theValidatorRejectsWhatTheSchemaForbids() throws {
        let good = try JSONSerialization.jsonObject(with: Data(try JSONReporter().render(try GoldenTests.analysis("weak-draft")).utf8)) as! [String: Any]
        var bad = good
        bad["schemaVersion"] = 2
        bad["extra"] = true
        var findings = bad["findings"] as! [[String: Any]]
        findings[0]["status"] = "unknown"
        bad["findings"] = findings
        let errors = JSONSchemaValidator(schema: Self.schema).validate(bad)
        #expect(errors.contains { $0.contains("$.schemaVersion") })
        #expect(errors.contains { $0.contains("unexpected key extra") })
        #expect(errors.contains { $0.contains("$.findings[0].status") })
    }
}

@Suite struct DraftDiffTests {
    /// Two drafts that differ by one clause: the diff lists exactly the findings that clause decides.
    @Test func oneClauseChangesExactlyItsFindings() throws {
        let dir = try Support.temporaryDirectory()
        let old = try String(contentsOf: Support.root.appendingPathComponent("Corpora/weak-draft/bill.txt"), encoding: .utf8)
        let clause = "(2) It shall be a defence to a charge under subsection (1) that the person trafficked consented to the conduct complained of."
        #expect(old.contains(clause))
        let new = old.replacingOccurrences(of: clause, with: "(2) The consent of the person trafficked to the intended exploitation is irrelevant and is no defence to a charge under subsection (1).")
        let a = try Support.write(old, "old.txt", in: dir), b = try Support.write(new, "new.txt", in: dir)
        let diff = ReportDiff(old: try Support.analyzer.analyze(path: a.path).report, new: try Support.analyzer.analyze(path: b.path).report)
        #expect(diff.changes.map(\.requirement) == ["definition.consent-irrelevant"])
        #expect(diff.changes.first?.kind == .gapClosed)
        #expect(!diff.hasRegression)
        let reverse = ReportDiff(old: try Support.analyzer.analyze(path: b.path).report, new: try Support.analyzer.analyze(path: a.path).report)
        #expect(reverse.changes.map(\.kind) == [.gapOpened])
        #expect(reverse.hasRegression)
        // From the analyses, the redline of the one provision that changed: the old clause
        // struck out, the new one put in, the number kept.
        let full = ReportDiff(old: try Support.analyzer.analyze(path: a.path), new: try Support.analyzer.analyze(path: b.path))
        #expect(full.redlines.map(\.citation) == ["s. 3(2)"])
        #expect(full.redlines.first?.requirements == ["definition.consent-irrelevant"])
        let pieces = full.redlines.first?.pieces ?? []
        #expect(pieces.first == Redline.Piece(.same, "(2)"))
        #expect(pieces.filter { $0.kind != .inserted }.map(\.text).joined(separator: " ") == clause, "the old words, in order")
        #expect(pieces.contains { $0.kind == .deleted && $0.text.contains("It shall be a") })
        #expect(pieces.contains { $0.kind == .inserted && $0.text.contains("intended exploitation is irrelevant") })
        #expect(full.remaining.count == diff.remaining.count && full.remaining.count == 62, "every other gap remains")
    }

    @Test func theCommandFailsOnRegressionOnlyWhenAsked() throws {
        let dir = try Support.temporaryDirectory()
        let old = try String(contentsOf: Support.root.appendingPathComponent("Corpora/civil-law-code/bill.txt"), encoding: .utf8)
        let weaker = old.replacingOccurrences(of: "(3) The consent of the victim to the intended exploitation is irrelevant where any of the means set out in paragraph (1) has been used.\n", with: "")
        #expect(weaker != old)
        let a = try Support.write(old, "a.txt", in: dir), b = try Support.write(weaker, "b.txt", in: dir)
        let plain = try CLI.run(["diff", a.path, b.path])
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("Gaps opened (1)"))
        #expect(plain.stdout.contains("definition.consent-irrelevant"))
        #expect(try CLI.run(["diff", a.path, b.path, "--fail-on-regression"]).status == 1)
        #expect(try CLI.run(["diff", b.path, a.path, "--fail-on-regression"]).status == 0)
        #expect(try CLI.run(["diff", a.path, b.path, "--format", "json"]).stdout.contains("\"gap-opened\""))
    }
}

/// Several files in one `lacuna analyze` output: how ReportFormat combines their reports.
@Suite struct SeveralReportsTests {
    static let analyses = [try! GoldenTests.analysis("common-law-act"), try! GoldenTests.analysis("gulf-law")]

    @Test func jsonIsAnArrayOfTheReports() throws {
        let one = try ReportFormat.json.render([Self.analyses[0]])
        #expect(one == (try JSONReporter().render(Self.analyses[0])), "one file: the report itself")
        let many = try ReportFormat.json.render(Self.analyses)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(many.utf8)) as? [[String: Any]])
        #expect(array.count == 2 && many.hasSuffix("]\n"))
    }

    @Test func csvHasOneHeader() throws {
        let rendered = try ReportFormat.csv.render(Self.analyses)
        let header = CSVReporter.header.joined(separator: ",") + "\r\n"
        let bodies = try Self.analyses.map { try CSVReporter().render($0) }
        #expect(bodies.allSatisfy { $0.hasPrefix(header) })
        #expect(rendered == bodies[0] + bodies[1].dropFirst(header.count), "the first report whole, then the rows of the second")
    }

    @Test func textReportsAreSeparatedByABlankLine() throws {
        let parts = try Self.analyses.map { try TextReporter().render($0) }
        #expect(try ReportFormat.text.render(Self.analyses) == parts.joined(separator: "\n"))
        #expect(try ReportFormat.markdown.render(Self.analyses) == (try Self.analyses.map { try MarkdownReporter().render($0) }.joined()))
    }

    /// Two pages in one file (two doctypes, duplicate ids) before: now one page with a
    /// section per document and every id unique.
    @Test func htmlIsOnePageWithUniqueIds() throws {
        let html = try ReportFormat.html.render(Self.analyses)
        #expect(html.components(separatedBy: "<!DOCTYPE html>").count == 2, "one doctype")
        #expect(html.components(separatedBy: "<html").count == 2, "one html element")
        let (ok, collector, problem) = XMLCollector.parse(html)
        #expect(ok, "\(problem ?? "")")
        let ids = collector.attributes.compactMap { $0["id"] }
        #expect(Set(ids).count == ids.count, "duplicate ids: \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted().prefix(5))")
        // Every link inside the page points at an id of the page.
        let targets = Set(ids)
        for href in collector.attributes.compactMap({ $0["href"] }) where href.hasPrefix("#") {
            #expect(targets.contains(String(href.dropFirst())), "dangling link \(href)")
        }
        for a in Self.analyses { #expect(html.contains(HTMLText.escape(a.report.document.title ?? ""))) }
        #expect(try ReportFormat.html.render([Self.analyses[0]]) == (try HTMLReporter().render(Self.analyses[0])), "one file: the page itself")
    }

    /// Two SARIF logs back to back (invalid JSON) before: now one log with a run per document.
    @Test func sarifIsOneLogWithARunPerDocument() throws {
        let sarif = try ReportFormat.sarif.render(Self.analyses)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 2)
        let uris = runs.compactMap { (($0["artifacts"] as? [[String: Any]])?.first?["location"] as? [String: Any])?["uri"] as? String }
        #expect(uris == Self.analyses.map { SARIFReporter.uri(for: $0.report.document.path) })
        #expect(try ReportFormat.sarif.render([Self.analyses[0]]) == (try SARIFReporter().render(Self.analyses[0])))
    }

    /// The array `analyze a b --format json` prints fits the schema too.
    @Test func theArrayOfSeveralReportsFitsTheSchema() throws {
        let json = try JSONSerialization.jsonObject(with: Data(try ReportFormat.json.render(Self.analyses).utf8))
        #expect(JSONSchemaValidator(schema: JSONSchemaTests.schema).validate(json).isEmpty,
                "\(JSONSchemaValidator(schema: JSONSchemaTests.schema).validate(json).prefix(3))")
        #expect(!JSONSchemaValidator(schema: JSONSchemaTests.schema).validate([["schemaVersion": 1]]).isEmpty)
        #expect(!JSONSchemaValidator(schema: JSONSchemaTests.schema).validate("a report").isEmpty)
    }

    @Test func everyFormatNameHasItsReporter() {
        #expect(ReportFormat.allCases.map(\.rawValue) == ["text", "json", "markdown", "html", "sarif", "csv"])
        #expect(ReportFormat(rawValue: "pdf") == nil)
    }
}
