import Foundation
import Testing
import LacunaKit

/// The sentence a rule reads around its match: an item numbered "1." or "(a)1." belongs to
/// the sentence of the words that introduce its list; a section's own number does not join
/// it to the section before.
@Suite struct SentenceContextTests {
    static let pack = """
    pack: lead
    rules:
      - id: t.lead
        requirements: [criminalization.documents]
        context: lead
        summary: a passport taken, with "coercion" in the lead-in
        patterns: ['\\bwithholding\\s+a\\s+passport\\b']
        with: ['\\bcoercion\\b']
        examples:
          match: ['"Coercion" means: 1. threats; 2. [[withholding a passport]].']
          noMatch: ['Withholding a passport is rude.']
    """

    func evidence(_ text: String) throws -> [String] {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pack = try Support.write(Self.pack, "lead.yml", in: dir)
        let bill = try Support.write(text, "bill.txt", in: dir)
        let report = try Analyzer(extraPacks: [pack]).analyze(path: bill.path).report
        return report.finding("criminalization.documents")?.evidence.filter { $0.rule == "t.lead" }.map(\.text) ?? []
    }

    @Test func aDotNumberedItemReadsItsLeadIn() throws {
        let text = """
        5. Definitions
        (1) In this Act, "coercion" means:
        1. Using force against any person;
        2. Withholding a passport of any person; or
        3. Causing financial harm to any person.
        """
        #expect(try evidence(text).count == 1)
    }

    @Test func aStateCodeItemAfterItsParagraphLetterReadsItsLeadIn() throws {
        let text = """
        5. Definitions
        (1) In this Act, the term:
        (a) "Coercion" means:
        1. Using force against any person;
        2. Withholding a passport of any person; or
        3. Causing financial harm to any person.
        (b) "Labor" means work of economic value.
        """
        #expect(try evidence(text).count == 1)
    }

    @Test func aSectionNumberStartsItsOwnSentence() throws {
        let text = """
        5. Definitions
        In this Act, coercion has its ordinary meaning.
        6. Withholding a passport of any person is an offence.
        """
        #expect(try evidence(text).isEmpty)
    }
}
