import Foundation
import Testing
import LacunaBench
import LacunaCore
import LacunaKit
@testable import LacunaRules

/// A long statute: the work spread over threads and the patterns screened per section give
/// the answers the plain sequential reading gives.
@Suite struct LargeDocumentTests {
    static let common = TraditionChoice(traditions: [.commonLaw], detected: false)

    /// Every rule's evidence, one rule after another, with no prefetch.
    static func sequentialEvidence(_ document: Document, _ set: RuleSet) throws -> [Evidence] {
        let run = RuleRun(document: document, set: set)
        return try set.rules.flatMap { try run.evidence(for: $0) }
    }

    @Test func prefetchedMatchesGiveTheSameEvidence() throws {
        let text = try String(contentsOf: Support.root.appendingPathComponent("Corpora/common-law-act/bill.txt"), encoding: .utf8)
        let analysis = try Support.analyzer.analyze(SourceText(path: "bill.txt", text: text, contentHash: "test"), tradition: Self.common)
        let set = try Support.analyzer.ruleSet(for: Self.common)
        let run = RuleRun(document: analysis.document, set: set)
        try run.prefetch(set.rules, workers: 3)
        let prefetched = try set.rules.flatMap { try run.evidence(for: $0) }
        let sequential = try Self.sequentialEvidence(analysis.document, set)
        #expect(!sequential.isEmpty)
        #expect(prefetched == sequential)
    }

    @Test func aStatuteOverAMegabyteIsReadAsTheSequentialPassReadsIt() throws {
        let text = LargeStatute(sections: 6_000).text()
        #expect(text.utf8.count >= RuleRun.parallelFromBytes)
        let analysis = try Support.analyzer.analyze(SourceText(path: "large.txt", text: text, contentHash: "test"), tradition: Self.common)
        let set = try Support.analyzer.ruleSet(for: Self.common)
        #expect(analysis.document.traffickingOffences.count >= 50)   // one offence every 97 sections
        let evidence = try set.evidence(in: analysis.document)
        #expect(evidence == (try Self.sequentialEvidence(analysis.document, set)))
    }

    @Test func theLargeStatuteIsTheSameForTheSameSeedAndGrowsWithItsSections() {
        let a = LargeStatute(sections: 300, seed: 7).text()
        #expect(a == LargeStatute(sections: 300, seed: 7).text())
        #expect(a != LargeStatute(sections: 300, seed: 8).text())
        let sections = a.split(separator: "\n").filter { $0.first?.isNumber == true && $0.contains(". ") && !$0.contains("(") }
        #expect(sections.count == 300)
        #expect(LargeStatute(sections: 600, seed: 7).text().utf8.count > a.utf8.count * 19 / 10)
    }
}
