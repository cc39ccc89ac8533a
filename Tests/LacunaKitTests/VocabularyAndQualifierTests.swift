import Foundation
import Testing
import LacunaCore
import LacunaKit
import LacunaPatterns
import LacunaRules

/// The shared vocabulary ({{concept}} in patterns) and the qualifiers that narrow evidence.
@Suite struct VocabularyTests {
    static let loader = RulePackLoader(knownRequirements: ["definition.act.harbouring", "assistance.housing"])

    @Test func aConceptExpandsToOneGroupAndMayNameAnother() throws {
        var v = Vocabulary()
        v.add(VocabularyEntry(name: "keep", alternatives: ["harbou?rs?", "{{hide}}"]))
        v.add(VocabularyEntry(name: "hide", alternatives: ["conceals?"]))
        #expect(try v.expand(#"\b{{keep}}\s+a\s+person"#) == #"\b(?:harbou?rs?|(?:conceals?))\s+a\s+person"#)
        #expect(try v.expand(#"\bno concept"#) == #"\bno concept"#)
    }

    @Test func unknownAndSelfUsingConceptsAreErrors() {
        var v = Vocabulary()
        v.add(VocabularyEntry(name: "loop", alternatives: ["a{{loop}}"]))
        #expect(throws: VocabularyError.self) { try v.expand("{{missing}}") }
        #expect(throws: VocabularyError.self) { try v.expand("{{loop}}") }
    }

    @Test func aLaterPackAddsWordsThatEveryRuleNamingTheConceptUses() throws {
        let base = try Self.loader.load(yaml: """
        pack: words
        vocabulary:
          keep: ['harbou?rs?']
        rules:
          - id: t.keep
            requirements: [definition.act.harbouring]
            summary: keeping a person
            patterns: ['\\b{{keep}}\\s+another\\s+person']
        """, file: "words.yml")
        let extra = try Self.loader.load(yaml: """
        pack: more-words
        vocabulary:
          keep: ['shelters']
        """, file: "more.yml")
        let text = "Whoever shelters another person for exploitation commits an offence."
        let document = Document(source: SourceText(path: "t", text: text, contentHash: ""))
        #expect(try RuleSet(packs: [base]).evidence(in: document).isEmpty)
        #expect(try RuleSet(packs: [base, extra]).evidence(in: document).count == 1)
    }

    @Test func aRuleNamingAnUnknownConceptFailsWithItsFileAndLine() throws {
        let pack = try Self.loader.load(yaml: """
        pack: broken
        rules:
          - id: t.broken
            requirements: [definition.act.harbouring]
            summary: names a concept nobody declared
            patterns: ['\\b{{nothing}}\\b']
        """, file: "broken.yml")
        do {
            _ = try RuleSet(packs: [pack])
            Issue.record("an unknown concept must be an error")
        } catch let error as RulePackError {
            #expect(error.file == "broken.yml")
            #expect(error.line == 3)
            #expect(error.problem.contains("{{nothing}}"))
        }
    }
}

@Suite struct QualifierTests {
    static let choices = Support.analyzer.registry.traditions.map { TraditionChoice(traditions: [$0], detected: false) }

    /// Every example of every qualifier: found exactly at the marked words, or not at all.
    @Test func qualifierExamplesHold() throws {
        let set = try Support.analyzer.ruleSet(for: Self.choices[0])
        #expect(!set.qualifiers.isEmpty)
        for q in set.qualifiers {
            #expect(!q.spec.matchExamples.isEmpty && !q.spec.noMatchExamples.isEmpty, "qualifier \(q.spec.id) needs examples both ways")
            let patterns = try q.spec.patterns.map { try Pattern($0, caseless: q.spec.caseless) }
            for example in q.spec.matchExamples {
                let subject = Subject(example.text)
                let found = try patterns.flatMap { try $0.matches(in: subject) }.map(\.range)
                for span in example.markedSpans {
                    #expect(found.contains(span), "qualifier \(q.spec.id) (line \(example.line ?? 0)): not found at the marked words in “\(example.source)”; found \(found)")
                }
            }
            for example in q.spec.noMatchExamples {
                let subject = Subject(example.text)
                let found = try patterns.flatMap { try $0.matches(in: subject) }
                #expect(found.isEmpty, "qualifier \(q.spec.id) (line \(example.line ?? 0)): found in “\(example.source)”")
            }
        }
    }

    /// The catalog names only kinds some qualifier finds, and never narrows an optional
    /// requirement by discretion (JUDGING rule 10: "may" meets an optional requirement).
    @Test func catalogKindsAreDeclaredAndDiscretionSparesOptionalRequirements() throws {
        let set = try Support.analyzer.ruleSet(for: Self.choices[0])
        let kinds = Set(set.qualifiers.map(\.spec.kind))
        for r in Support.analyzer.catalog.requirements {
            for kind in r.narrowedBy { #expect(kinds.contains(kind), "\(r.id) is narrowed by \(kind), which no qualifier finds") }
            if r.obligation == .optional { #expect(!r.narrowedBy.contains("discretion"), "\(r.id) is optional: may meets it") }
        }
    }

    /// A condition stated in another provision that names the one it limits narrows it; a
    /// sentence that names it without restricting does not.
    @Test func aConditionStatedByReferenceNarrowsTheProvisionItNames() throws {
        let base = "1. Offence\nA person who recruits another person for exploitation commits an offence.\n10. Assistance\n(1) The Minister shall provide to every victim—\n(a) accommodation; and\n(b) medical care.\n"
        func housing(_ text: String) throws -> Finding {
            let report = try Support.analyzer.analyze(SourceText(path: "t.txt", text: text, contentHash: "h"),
                                                      tradition: TraditionChoice(traditions: [.commonLaw], detected: false)).report
            return try #require(report.findings.first { $0.requirement == "assistance.housing" })
        }
        #expect(try housing(base).status == .met)
        let limited = try housing(base + "(2) Assistance under subsection (1) shall be given only to a victim who assists the police in the investigation.\n")
        #expect(limited.status == .partial)
        #expect(limited.explanation.contains("who assists the"), "\(limited.explanation)")
        #expect(try housing(base + "11. Children\nWhen the victim is a child, the assistance in section 10 shall be given with attention to the child's needs.\n").status == .met)
        // Naming items narrows those items only.
        let itemOnly = base + "11. Conditions\nThe assistance in paragraph (b) of section 10 shall be given only to a victim who assists the police.\n"
        #expect(try housing(itemOnly).status == .met)
        let report = try Support.analyzer.analyze(SourceText(path: "t.txt", text: itemOnly, contentHash: "h"),
                                                  tradition: TraditionChoice(traditions: [.commonLaw], detected: false)).report
        #expect(report.finding("assistance.medical")?.status == .partial)
    }

    /// Through the whole pipeline: the same duty, once for every victim and once only for
    /// child victims; the second is partial and says which words narrowed it.
    @Test func aProvisionForChildVictimsOnlyIsPartialAndSaysWhy() throws {
        let general = "1. Offence\nA person who recruits another person for exploitation commits an offence.\n2. Privacy\nThe court shall hold the hearing in camera when it hears evidence from a victim of trafficking.\n"
        let narrowed = general.replacingOccurrences(of: "from a victim of trafficking", with: "from a child who is a victim of trafficking")
        func finding(_ text: String) throws -> Finding {
            let report = try Support.analyzer.analyze(SourceText(path: "t.txt", text: text, contentHash: "h"),
                                                      tradition: TraditionChoice(traditions: [.commonLaw], detected: false)).report
            return try #require(report.findings.first { $0.requirement == "assistance.privacy" })
        }
        #expect(try finding(general).status == .met)
        let partial = try finding(narrowed)
        #expect(partial.status == .partial)
        #expect(partial.explanation.contains("narrowed by “from a child who is a victim”"), "\(partial.explanation)")
    }
}
