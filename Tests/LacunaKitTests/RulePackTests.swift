import Foundation
import Testing
import LacunaCore
import LacunaKit
import LacunaRules

@Suite struct RulePackTests {
    let loader = RulePackLoader(knownRequirements: ["definition.act.recruitment", "definition.act.harbouring"])

    func error(_ yaml: String) -> RulePackError? {
        do {
            _ = try loader.load(yaml: yaml, file: "pack.yml")
            return nil
        } catch let e as RulePackError {
            return e
        } catch {
            return RulePackError(file: "?", line: nil, column: nil, problem: "unexpected \(error)")
        }
    }

    static let valid = """
    pack: p
    rules:
      - id: p.rule
        requirements: [definition.act.recruitment]
        summary: s
        patterns: ['\\brecruits\\b']
    """

    @Test func aValidPackLoads() throws {
        let pack = try loader.load(yaml: Self.valid, file: "pack.yml")
        #expect(pack.rules.map(\.id) == ["p.rule"])
        #expect(pack.rules[0].effect == .satisfies)
        #expect(pack.rules[0].scope == .anywhere)
        #expect(pack.rules[0].line == 3)
    }

    @Test func malformedYAMLGivesLineAndColumn() throws {
        let e = try #require(error("pack: p\nrules:\n  - id: [unclosed\n"))
        #expect(e.file == "pack.yml")
        #expect(e.line != nil && e.column != nil)
        #expect(e.description.hasPrefix("pack.yml:"))
    }

    @Test func aBadPatternPointsAtThePattern() throws {
        let e = try #require(error(Self.valid.replacingOccurrences(of: "'\\brecruits\\b'", with: "'(recruits'")))
        #expect(e.line == 6)
        #expect(e.column == 16)
        #expect(e.problem.contains("does not compile"))
    }

    @Test func unknownKeysRequirementsAndValuesAreErrors() throws {
        #expect(try #require(error(Self.valid + "\n    colour: red")).problem.contains("unknown key colour"))
        #expect(try #require(error(Self.valid.replacingOccurrences(of: "definition.act.recruitment", with: "definition.nope"))).problem.contains("unknown requirement definition.nope"))
        #expect(try #require(error(Self.valid + "\n    effect: maybe")).problem.contains("effect must be"))
        #expect(try #require(error(Self.valid + "\n    scope: everywhere")).problem.contains("scope must be"))
        #expect(try #require(error(Self.valid + "\n  - id: p.rule\n    requirements: [definition.act.recruitment]\n    summary: s\n    patterns: ['x']")).problem.contains("duplicate rule id"))
        #expect(try #require(error("- just\n- a list\n")).problem.contains("mapping"))
        #expect(try #require(error(Self.valid + "\n    numbers: [{group: years, atLeast: 4}]")).problem.contains("no pattern has a group named years"))
    }

    @Test func laterPacksOverrideAndDisableRules() throws {
        let base = try loader.load(yaml: Self.valid, file: "a.yml")
        let override = try loader.load(yaml: """
        pack: q
        rules:
          - id: p.rule
            requirements: [definition.act.harbouring]
            summary: replaced
            patterns: ['\\bharbours\\b']
        """, file: "b.yml")
        let set = try RuleSet(packs: [base, override])
        #expect(set.rules.map(\.spec.summary) == ["replaced"])
        let disabled = try loader.load(yaml: "pack: r\ndisable: [p.rule]\n", file: "c.yml")
        #expect(try RuleSet(packs: [base, disabled]).rules.isEmpty)
    }

    /// A release archive unpacked anywhere must report the rules version of the build: where
    /// the pack file lies does not count, what it says does (and so does its file name).
    @Test func theRulesVersionDoesNotDependOnWhereThePackLies() throws {
        let qualified = Self.valid + """

        qualifiers:
          - id: p.q
            kind: some-victims
            summary: q
            patterns: ['\\bunless\\b']
        """
        func version(_ yaml: String, _ file: String) throws -> String {
            try RuleSet(packs: [loader.load(yaml: yaml, file: file)]).version
        }
        let here = try version(qualified, "/build/debug/Lacuna_P.resources/rules/p.yml")
        #expect(try version(qualified, "/opt/lacuna-1/bin/Lacuna_P.resources/rules/p.yml") == here)
        #expect(try version(qualified, "p.yml") == here)
        #expect(try version(qualified.replacingOccurrences(of: "summary: s", with: "summary: t"), "p.yml") != here)
        #expect(try version(qualified, "/build/debug/Lacuna_P.resources/rules/other.yml") != here)
    }

    @Test func aUserPackChangesTheAnalysis() throws {
        let dir = try Support.temporaryDirectory()
        let pack = try Support.write("""
        pack: my-jurisdiction
        rules:
          - id: my.coordination.council
            requirements: [coordination.national-body]
            summary: the Anti-Slavery Council coordinates national action
            patterns: ['\\bAnti-Slavery\\s+Council\\b']
            examples:
              match: ["The [[Anti-Slavery Council]] shall coordinate national action."]
              noMatch: ["The Council of Ministers shall meet monthly."]
        """, "pack.yml", in: dir)
        let bill = try Support.write("1. Council\nThe Anti-Slavery Council shall coordinate national action against trafficking.\n", "bill.txt", in: dir)
        let plain = try Support.analyzer.analyze(path: bill.path, tradition: nil).report
        let custom = try Analyzer(extraPacks: [pack]).analyze(path: bill.path, tradition: nil).report
        #expect(custom.finding("coordination.national-body")?.status == .met)
        #expect(custom.finding("coordination.national-body")?.evidence.first?.rule == "my.coordination.council")
        #expect(plain.finding("coordination.national-body")?.evidence.contains { $0.rule == "my.coordination.council" } == false)
        #expect(custom.rulesVersion != plain.rulesVersion)
    }
}

@Suite struct ListContextTests {
    /// A list item is read with the words that introduce it, but the next subsection is not.
    @Test func theWordsBeforeAListReachItsItemsOnly() throws {
        let dir = try Support.temporaryDirectory()
        let bill = try Support.write("""
        13. Assistance
        (1) The Minister may provide a victim with—
        (a) medical care; and
        (b) counselling.
        (2) A guardian shall be appointed for every child victim by the Children's Court.
        (3) The Agency shall take the following measures:
        (a) train police officers and immigration officials to identify victims of trafficking.
        """, "bill.txt", in: dir)
        let report = try Support.analyzer.analyze(path: bill.path).report
        // (2) is a duty even though the list of (1) began with "may"
        #expect(report.finding("assistance.children")?.status == .met)
        // the "shall" of (3) reaches its item
        #expect(report.finding("prevention.training")?.status == .met)
    }
}
