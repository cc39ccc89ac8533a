import Foundation
import Testing
import LacunaCore
import LacunaKit
import LacunaRules
import LacunaText

/// Rules read the language of their pack: a French rule never runs on English text, an English
/// rule never on French text, and a bilingual text is read provision by provision.
@Suite struct LanguageScopingTests {
    static let loader = RulePackLoader(knownRequirements: ["definition.act.harbouring"])

    static func packs() throws -> [RulePack] {
        let english = try loader.load(yaml: """
        pack: en-words
        vocabulary:
          keep: ['harbou?rs?', 'shelters?']
        rules:
          - id: t.en.keep
            requirements: [definition.act.harbouring]
            summary: keeping a person
            patterns: ['\\b{{keep}}\\s+(?:another|a)\\s+person']
        """, file: "en.yml")
        let french = try loader.load(yaml: """
        pack: fr-words
        languages: [fr]
        vocabulary:
          keep: ['héberge', 'accueille']
        rules:
          - id: t.fr.keep
            requirements: [definition.act.harbouring]
            summary: héberger une personne
            patterns: ['\\b{{keep}}\\s+une\\s+personne']
        """, file: "fr.yml")
        return [english, french]
    }

    static let englishText = String(repeating: "A person who harbours another person for the purpose of exploitation shall be guilty of an offence and is liable to imprisonment for any term of years. ", count: 3)
    static let frenchText = String(repeating: "Quiconque héberge une personne en vue de son exploitation est puni de dix ans d'emprisonnement et de la même peine que celui qui la recrute ou la transporte dans ce but. ", count: 3)

    static func evidence(_ text: String, languages: LanguageMap? = nil) throws -> [String] {
        var document = Document(source: SourceText(path: "t", text: text, contentHash: ""))
        document.languages = languages ?? LanguageDetector().map(of: document)
        return try RuleSet(packs: packs()).evidence(in: document).map(\.rule)
    }

    @Test func eachLanguagesRulesReadOnlyItsText() throws {
        #expect(try Self.evidence(Self.englishText).allSatisfy { $0 == "t.en.keep" })
        #expect(try !Self.evidence(Self.englishText).isEmpty)
        #expect(try Self.evidence(Self.frenchText).allSatisfy { $0 == "t.fr.keep" })
        #expect(try !Self.evidence(Self.frenchText).isEmpty)
    }

    @Test func undeterminedTextIsReadByEveryRule() throws {
        let mixed = "A person who harbours a person. Il héberge une personne."
        #expect(Set(try Self.evidence(mixed, languages: .undetermined)) == ["t.en.keep", "t.fr.keep"])
    }

    @Test func aLanguageNoRuleReadsIsReadByEveryRule() throws {
        // Portuguese: no pack reads it, so the English rules still run (the report warns).
        let map = LanguageMap(document: Language("pt"))
        #expect(try Self.evidence("A person who harbours a person.", languages: map) == ["t.en.keep"])
    }

    @Test func aBilingualTextIsReadSpanBySpan() throws {
        let english = Self.englishText
        let text = english + "\n" + Self.frenchText
        let frenchStart = english.utf8.count + 1
        let map = LanguageMap(document: .english, spans: [.init(range: frenchStart..<text.utf8.count, language: Language("fr"))])
        let found = try Self.evidence(text, languages: map)
        #expect(found.contains("t.en.keep") && found.contains("t.fr.keep"))
        #expect(map.language(at: 0) == .english && map.language(at: frenchStart + 5).primary == "fr")
    }

    @Test func aConceptHasWordsPerLanguageAndFallsBackToEnglish() throws {
        var v = Vocabulary()
        v.add(VocabularyEntry(name: "keep", alternatives: ["harbou?rs?"]))
        v.add(VocabularyEntry(name: "gap", alternatives: ["[^.;]"]))
        v.add(VocabularyEntry(name: "keep", alternatives: ["héberge"]), language: Language("fr"))
        #expect(try v.expand("{{keep}}") == "(?:harbou?rs?)")
        #expect(try v.expand("{{keep}}", language: Language("fr")) == "(?:héberge)")
        #expect(try v.expand("{{gap}}", language: Language("fr")) == "(?:[^.;])")
    }

    @Test func theMapOfABilingualDocumentFindsTheOtherLanguagesSections() throws {
        let text = "Article 1\n" + Self.englishText + "\n\nArticle 2\n" + Self.frenchText + "\n"
        let analysis = try Support.analyzer.analyze(SourceText(path: "bilingual.txt", text: text, contentHash: ""))
        let map = analysis.document.languages
        let second = try #require(text.utf8.firstRange(of: "Quiconque".utf8)).lowerBound
        let secondOffset = text.utf8.distance(from: text.utf8.startIndex, to: second)
        #expect(map.language(at: secondOffset).primary != map.language(at: 12).primary)
    }
}

/// Accented letters in a pattern also match the bare letter; nothing else changes.
@Suite struct DiacriticFoldingTests {
    @Test func accentedLettersMatchTheirBareLetters() {
        #expect(DiacriticFolding.fold(#"\bêtres?\s+humains"#) == #"\b[êe]tres?\s+humains"#)
        #expect(DiacriticFolding.fold("captación") == "captaci[óo]n")
        #expect(DiacriticFolding.fold("[éè]t") == "[éeèe]t")
        #expect(DiacriticFolding.fold("main-d'œuvre") == "main-d'(?:œ|oe)uvre")
        #expect(DiacriticFolding.fold("niño?") == "ni[ñn]o?")
    }

    @Test func patternsWithoutAccentsAndEscapesAreUnchanged() {
        let english = #"\bnot\s+(?:be\s+)?(?:held\s+)?liable[^.;]{0,40}"#
        #expect(DiacriticFolding.fold(english) == english)
        #expect(DiacriticFolding.fold(#"a\é"#) == #"a\é"#)
        #expect(DiacriticFolding.fold(#"[\]é]"#) == #"[\]ée]"#)
    }

    @Test func aFoldedRuleFindsTextThatLostItsAccents() throws {
        let pack = try RulePackLoader(knownRequirements: ["definition.act.harbouring"]).load(yaml: """
        pack: fr
        languages: [fr]
        rules:
          - id: t.fr.traite
            requirements: [definition.act.harbouring]
            summary: héberger
            patterns: ['\\bhéberge\\s+une\\s+personne']
        """, file: "fr.yml")
        let document = Document(source: SourceText(path: "t", text: "Quiconque HEBERGE une personne.", contentHash: ""))
        #expect(try RuleSet(packs: [pack]).evidence(in: document).count == 1)
    }
}
