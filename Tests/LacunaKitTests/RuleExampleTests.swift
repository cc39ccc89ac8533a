import Testing
import LacunaCore
import LacunaKit
import LacunaRules

/// One case per rule of every plugin: each runs all of the rule's examples under every
/// transformation (see ExampleChecker).
struct RuleCase: CustomTestStringConvertible, Sendable {
    let tradition: Tradition
    let rule: String
    var testDescription: String { "\(tradition) \(rule)" }

    static let all: [RuleCase] = {
        let analyzer = Support.analyzer
        return analyzer.registry.traditions.flatMap { t in
            (try! analyzer.ruleSet(for: TraditionChoice(traditions: [t], detected: false))).rules.map { RuleCase(tradition: t, rule: $0.spec.id) }
        }
    }()
}

@Suite struct RuleExampleTests {
    @Test(arguments: RuleCase.all)
    func examplesHoldUnderEveryTransformation(_ c: RuleCase) throws {
        let analyzer = Support.analyzer
        let choice = TraditionChoice(traditions: [c.tradition], detected: false)
        let set = try analyzer.ruleSet(for: choice)
        let rule = try #require(set.rules.first { $0.spec.id == c.rule }).spec
        #expect(!rule.matchExamples.isEmpty, "rule \(rule.id) has no example that must match")
        #expect(!rule.noMatchExamples.isEmpty, "rule \(rule.id) has no example that must not match")
        for failure in try ExampleChecker(analyzer: analyzer).check(rule, in: set, tradition: choice) {
            Issue.record("\(failure)")
        }
    }

    /// The checker's failures for the first rule of a pack written in the test (common law).
    static func failures(ofPack yaml: String) throws -> [ExampleChecker.Failure] {
        let analyzer = Support.analyzer
        let pack = try RulePackLoader(knownRequirements: Set(analyzer.catalog.requirements.map(\.id))).load(yaml: yaml, file: "test.yml")
        return try ExampleChecker(analyzer: analyzer).check(pack.rules[0], in: try RuleSet(packs: [pack]),
                                                            tradition: TraditionChoice(traditions: [.commonLaw], detected: false))
    }

    @Test func theCheckerComparesEveryMarkAndRefusesUnmarkedEvidence() throws {
        let yaml = """
        pack: strict
        rules:
          - id: test.strict
            requirements: [definition.act.recruitment]
            scope: anywhere
            summary: recruits and harbours
            patterns: ['\\brecruits\\b', '\\bharbours\\b']
            examples:
              match:
                - "Any person who [[recruits]] or [[harbours]] another person commits an offence."
                - "Any person who [[recruits]] or harbours another person commits an offence."
                - "Any person who [[recruits]] or [[transports]] another person commits an offence."
              noMatch: ["Any person who transports another person commits an offence."]
        """
        let failures = try Self.failures(ofPack: yaml).filter { $0.transformation == "as written" }
        #expect(!failures.contains { $0.example.contains("[[harbours]]") }, "both marks found: no failure")
        #expect(failures.contains { $0.example.contains("or harbours") && $0.problem == "evidence at an unmarked place: “harbours”" })
        #expect(failures.contains { $0.example.contains("[[transports]]") && $0.problem.hasPrefix("expected evidence at “transports”") })
    }

    @Test func theCheckerCatchesARuleThatMissesItsExample() throws {
        let yaml = """
        pack: broken
        rules:
          - id: test.broken
            requirements: [definition.act.recruitment]
            scope: anywhere
            summary: looks for the wrong word
            patterns: ['\\bharbours\\b']
            examples:
              match: ["Any person who [[recruits]] another person commits an offence."]
              noMatch: ["Any person who harbours another person commits an offence."]
        """
        let failures = try Self.failures(ofPack: yaml)
        #expect(failures.contains { $0.transformation == "as written" && $0.problem.contains("expected a match") })
        #expect(failures.contains { $0.problem.contains("expected no match") })
    }
}
