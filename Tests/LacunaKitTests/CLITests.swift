import Foundation
import Testing
import LacunaCore
import LacunaTestSupport

/// The built `lacuna` binary, run as a user runs it.
typealias CLI = LacunaCommand

@Suite(.serialized) struct CLITests {
    static let sample = Support.root.appendingPathComponent("Corpora/weak-draft/bill.txt").path

    @Test func analyzePrintsTheJSONContract() throws {
        let r = try CLI.run(["analyze", Self.sample, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == Report.currentSchemaVersion)
        let document = try #require(json["document"] as? [String: Any])
        #expect(document["path"] as? String == Self.sample)
        #expect((document["contentHash"] as? String)?.count == 64)
        #expect(document["tradition"] as? String != nil)
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.count == 69)
        for f in findings {
            let status = try #require(f["status"] as? String)
            #expect(["met", "partial", "missing", "conflict"].contains(status))
            #expect((f["requirement"] as? String)?.isEmpty == false)
            if status != "met" { #expect(f["recommendation"] as? String != nil) }
            for e in (f["evidence"] as? [[String: Any]]) ?? [] {
                #expect(e["start"] as? Int != nil && e["end"] as? Int != nil && e["text"] as? String != nil)
            }
        }
    }

    @Test func outputIsDeterministic() throws {
        let a = try CLI.run(["analyze", Self.sample, "--format", "json"])
        let b = try CLI.run(["analyze", Self.sample, "--format", "json"])
        #expect(a.stdout == b.stdout)
    }

    @Test func evidenceOffsetsPointAtTheQuotedWords() throws {
        let r = try CLI.run(["analyze", Self.sample, "--format", "json"])
        let text = try String(contentsOfFile: Self.sample, encoding: .utf8)
        let scalars = Array(text.unicodeScalars)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        for f in try #require(json["findings"] as? [[String: Any]]) {
            for e in (f["evidence"] as? [[String: Any]]) ?? [] {
                let start = e["start"] as! Int, end = e["end"] as! Int
                let words = String(String.UnicodeScalarView(scalars[start..<end]))
                let quote = (e["text"] as! String)
                let flat = words.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                #expect(quote.contains(flat), "evidence \(start)..<\(end) “\(flat)” is not in its quote “\(quote)”")
            }
        }
    }

    @Test func failOnGivesExitOne() throws {
        #expect(try CLI.run(["analyze", Self.sample, "--fail-on", "mandatory"]).status == 1)
        #expect(try CLI.run(["analyze", Self.sample]).status == 0)
    }

    @Test func badInputIsAOneLineErrorNamingTheFileWithExitTwo() throws {
        let dir = try Support.temporaryDirectory()
        let empty = try Support.write("", "empty.txt", in: dir)
        let binary = dir.appendingPathComponent("binary.txt")
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]).write(to: binary)
        // Not Latin-1 either (Latin-1 is now detected): truncated UTF-16.
        let latin = dir.appendingPathComponent("latin.txt")
        try Data([0xFF, 0xFE, 0x4C, 0x00, 0x6F, 0x00, 0x69]).write(to: latin)
        let huge = dir.appendingPathComponent("huge.txt")
        FileManager.default.createFile(atPath: huge.path, contents: nil)
        let handle = try FileHandle(forWritingTo: huge)
        let block = Data(repeating: 0x61, count: 1 << 20)
        for _ in 0..<100 { handle.write(block) }
        try handle.close()
        for path in ["/no/such/law.txt", empty.path, binary.path, latin.path, huge.path] {
            let r = try CLI.run(["analyze", path])
            #expect(r.status == 2, "\(path): \(r.stderr)")
            #expect(r.stderr.contains(path), "\(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
        try FileManager.default.removeItem(at: huge)
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try CLI.run(["analyze", Self.sample, "--format", "pdf"]).status == 2)
        #expect(try CLI.run(["analyze", Self.sample, "--tradition", "martian-law"]).status == 2)
        #expect(try CLI.run(["frobnicate"]).status == 2)
        #expect(try CLI.run(["--help"]).status == 0)
    }

    @Test func aMalformedRulePackIsAnErrorWithLineAndColumn() throws {
        let dir = try Support.temporaryDirectory()
        let pack = try Support.write("pack: bad\nrules:\n  - id: x\n    requirements: [definition.act.recruitment]\n    summary: s\n    patterns: ['(unclosed']\n", "bad.yml", in: dir)
        let r = try CLI.run(["analyze", Self.sample, "--rules", pack.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(pack.path):6:16"), "\(r.stderr)")
    }

    @Test func catalogRulesExplainAndOutline() throws {
        let catalog = try CLI.run(["catalog"])
        #expect(catalog.status == 0)
        #expect(catalog.stdout.contains("definition.act.recruitment"))
        #expect(catalog.stdout.contains("69 requirements"))
        let rules = try CLI.run(["rules", "--tradition", "common-law", "--requirement", "definition.consent-irrelevant"])
        #expect(rules.status == 0 && rules.stdout.contains("definition.consent-irrelevant"))
        let explain = try CLI.run(["explain", "definition.consent-irrelevant", Self.sample])
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("status: CONFLICT"), "\(explain.stdout)")
        // The finding's short why, with its judging rule in words, as the reports give it.
        #expect(explain.stdout.contains("how: In conflict") && explain.stdout.contains("JUDGING rule 13: conflicts come from what the text orders"))
        let outline = try CLI.run(["outline", Self.sample])
        #expect(outline.status == 0 && outline.stdout.contains("trafficking offence"))
    }
}
