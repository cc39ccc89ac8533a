import Testing
@testable import LacunaCore

@Suite struct JudgeTests {
    static func requirement(_ id: String, _ obligation: Obligation = .mandatory) -> Requirement {
        Requirement(id: id, area: String(id.split(separator: ".")[0]), title: id, obligation: obligation,
                    sources: ["Protocol art. 3(a)"], asks: "asks", conflictWhen: nil,
                    recommendation: "recommendation for \(id)",
                    drafting: ["common-law": "common drafting", "civil-law": "civil drafting"])
    }

    static let catalog = Catalog(areas: [Area(id: "definition", title: "Definition", summary: "")],
                                 requirements: ["definition.a", "definition.b", "definition.c", "definition.d"].map { requirement($0) },
                                 version: "test")

    static let text = "Whoever recruits a person commits an offence. Consent is a defence. [Repealed text here]"

    static func document(excluding: [Range<Int>] = []) -> Document {
        let source = SourceText(path: "t.txt", text: text, contentHash: "h")
        return Document(source: source, excluded: excluding.map { ExcludedSpan(range: $0, reason: .repealed) })
    }

    static func evidence(_ req: String, _ effect: Effect, _ range: Range<Int>) -> Evidence {
        Evidence(requirement: req, effect: effect, rule: "rule.\(req).\(effect.rawValue)", range: range, provision: "s. 1", quote: "q")
    }

    @Test func statusOrderConflictThenMetThenPartialThenMissing() {
        #expect(Judge.status(of: []) == .missing)
        #expect(Judge.status(of: [Self.evidence("x", .partial, 0..<1)]) == .partial)
        #expect(Judge.status(of: [Self.evidence("x", .partial, 0..<1), Self.evidence("x", .satisfies, 2..<3)]) == .met)
        #expect(Judge.status(of: [Self.evidence("x", .satisfies, 0..<1), Self.evidence("x", .contradicts, 2..<3)]) == .conflict)
    }

    @Test func oneFindingPerRequirementInCatalogOrderWithRecommendationsForGaps() {
        let evidence = [
            Self.evidence("definition.a", .satisfies, 8..<16),
            Self.evidence("definition.b", .partial, 8..<16),
            Self.evidence("definition.c", .contradicts, 46..<65),
        ]
        let findings = Judge().judge(catalog: Self.catalog, document: Self.document(), tradition: .civilLaw,
                                     evidence: evidence, rules: [])
        #expect(findings.map(\.requirement) == ["definition.a", "definition.b", "definition.c", "definition.d"])
        #expect(findings.map(\.status) == [.met, .partial, .conflict, .missing])
        #expect(findings[0].recommendation == nil)
        #expect(findings[0].drafting == nil)
        for f in findings.dropFirst() {
            #expect(f.recommendation == "recommendation for \(f.requirement)")
            #expect(f.drafting == "civil drafting")
        }
        #expect(findings[0].evidence.first?.start == 8)
        #expect(findings[0].evidence.first?.end == 16)
    }

    @Test func evidenceInExcludedTextNeverCounts() {
        let repealed = Self.text.utf8.count - "[Repealed text here]".utf8.count..<Self.text.utf8.count
        let evidence = [Self.evidence("definition.a", .satisfies, repealed.lowerBound + 1..<repealed.lowerBound + 9)]
        let findings = Judge().judge(catalog: Self.catalog, document: Self.document(excluding: [repealed]),
                                     tradition: .commonLaw, evidence: evidence, rules: [])
        #expect(findings[0].status == .missing)
    }

    @Test func missingFindingsSayWhatWasLookedFor() {
        let rule = RuleInfo(id: "x.rule", requirements: ["definition.d"], effect: .satisfies, scope: .trafficking,
                            summary: "recruiting is an act", origin: "pack.yml")
        let findings = Judge().judge(catalog: Self.catalog, document: Self.document(), tradition: .commonLaw,
                                     evidence: [], rules: [rule])
        #expect(findings[3].explanation.contains("recruiting is an act"))
        #expect(findings[3].explanation.contains("x.rule"))
    }

    @Test func reportSummaryCounts() {
        let findings = Judge().judge(catalog: Self.catalog, document: Self.document(), tradition: .commonLaw,
                                     evidence: [Self.evidence("definition.c", .contradicts, 0..<3)], rules: [])
        let summary = ReportSummary(findings: findings)
        #expect(summary.statuses["missing"] == 3)
        #expect(summary.statuses["conflict"] == 1)
        #expect(summary.statuses["met"] == 0)
        #expect(summary.mandatoryGaps == 4)
        #expect(summary.conflicts == 1)
    }
}

@Suite struct TextLocatorTests {
    @Test func scalarOffsetsAndLines() {
        let text = "ab\nçé中\n✓x"
        let locator = TextLocator(Array(text.utf8))
        let bytes = Array(text.utf8)
        let x = bytes.lastIndex(of: UInt8(ascii: "x"))!
        #expect(locator.scalarOffset(x) == 8)
        #expect(locator.line(x) == 3)
        #expect(locator.line(0) == 1)
        #expect(locator.scalarOffset(bytes.count) == text.unicodeScalars.count)
    }

    @Test func longTextsUseCheckpointsCorrectly() {
        let text = String(repeating: "é", count: 1000) + "z"
        let locator = TextLocator(Array(text.utf8))
        #expect(locator.scalarOffset(2000) == 1000)
        #expect(locator.scalarOffset(1001) == 501)  // inside a scalar: counts the started one
    }
}

@Suite struct DocumentTests {
    @Test func innermostProvisionAndExclusions() {
        let text = "1. Offence\n(1) Text one.\n(a) Item.\n(2) Text two.\n"
        let source = SourceText(path: "t", text: text, contentHash: "")
        let provisions = [
            Provision(kind: .section, label: "1", citation: "s. 1", heading: "Offence", range: 0..<text.utf8.count, parent: nil, style: "section"),
            Provision(kind: .subsection, label: "(1)", citation: "s. 1(1)", heading: nil, range: 11..<34, parent: 0, style: "paren-number"),
            Provision(kind: .paragraph, label: "(a)", citation: "s. 1(1)(a)", heading: nil, range: 25..<34, parent: 1, style: "paren-lower"),
            Provision(kind: .subsection, label: "(2)", citation: "s. 1(2)", heading: nil, range: 35..<48, parent: 0, style: "paren-number"),
        ]
        let document = Document(source: source, provisions: provisions,
                                excluded: [ExcludedSpan(range: 0..<10, reason: .heading), ExcludedSpan(range: 11..<14, reason: .numbering)])
        #expect(document.provision(at: 30) == 2)
        #expect(document.provision(at: 36) == 3)
        #expect(document.provision(at: 12) == 1)
        #expect(document.section(of: 2) == 0)
        #expect(document.isExcluded(2..<5))
        #expect(!document.isExcluded(11..<20))   // a provision number inside a longer span
        #expect(document.isExcluded(11..<13))    // wholly inside a number
    }
}

@Suite struct JudgeQualifierTests {
    static let text = "The Minister may provide shelter to child victims."

    static func judge(narrowedBy: Set<String>, kind: String) -> Finding {
        let requirement = Requirement(id: "assistance.housing", area: "assistance", title: "Housing", obligation: .mandatory,
                                      sources: [], asks: "", conflictWhen: nil, recommendation: "r", drafting: [:],
                                      narrowedBy: narrowedBy)
        let catalog = Catalog(areas: [Area(id: "assistance", title: "Assistance", summary: "")], requirements: [requirement], version: "t")
        let document = Document(source: SourceText(path: "t", text: text, contentHash: ""))
        let evidence = Evidence(requirement: "assistance.housing", effect: .satisfies, rule: "r.housing", range: 13..<28,
                                provision: nil, quote: "provide shelter",
                                qualifiers: [Qualification(kind: kind, qualifier: "q.\(kind)", summary: "a limit", quote: "may")])
        return Judge().judge(catalog: catalog, document: document, tradition: .commonLaw, evidence: [evidence], rules: [])[0]
    }

    @Test func aQualifierOfAKindTheRequirementNamesMakesItPartialWithTheReason() {
        let finding = Self.judge(narrowedBy: ["discretion"], kind: "discretion")
        #expect(finding.status == .partial)
        #expect(finding.recommendation != nil)
        #expect(finding.explanation.contains("narrowed by “may”: a limit [q.discretion]"))
    }

    @Test func aQualifierOfAnotherKindChangesNothing() {
        #expect(Self.judge(narrowedBy: ["some-victims"], kind: "discretion").status == .met)
        #expect(Self.judge(narrowedBy: [], kind: "discretion").status == .met)
    }
}

@Suite struct JudgeEvidenceRankTests {
    /// s. 1 only uses the word; s. 2 is the offence: its words decide, though they come later.
    @Test func evidenceInsideTheOffenceComesFirst() {
        let text = "1. Services provided by a person.\n2. Whoever transfers a person for exploitation commits an offence.\n"
        let source = SourceText(path: "t", text: text, contentHash: "")
        let second = Array(text.utf8).firstIndex(of: UInt8(ascii: "2"))!
        let provisions = [
            Provision(kind: .section, label: "1", citation: "s. 1", heading: nil, range: 0..<second - 1, parent: nil, style: "section"),
            Provision(kind: .section, label: "2", citation: "s. 2", heading: nil, range: second..<text.utf8.count, parent: nil, style: "section"),
        ]
        let document = Document(source: source, provisions: provisions, traffickingScope: [0, 1], traffickingOffences: [1])
        let catalog = Catalog(areas: [Area(id: "definition", title: "Definition", summary: "")],
                              requirements: [JudgeTests.requirement("definition.act.transfer")], version: "t")
        let early = Evidence(requirement: "definition.act.transfer", effect: .satisfies, rule: "r", range: 12..<20, provision: "s. 1", quote: "provided")
        let late = Evidence(requirement: "definition.act.transfer", effect: .satisfies, rule: "r", range: second + 11..<second + 20, provision: "s. 2", quote: "transfers")
        let finding = Judge().judge(catalog: catalog, document: document, tradition: .commonLaw, evidence: [early, late], rules: [])[0]
        #expect(finding.evidence.first?.section == "s. 2")
        #expect(finding.explanation.contains("in s. 2"))
        #expect(!finding.explanation.contains("definitions travel"))
    }
}
