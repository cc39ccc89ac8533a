import Testing
import LacunaCore
@testable import LacunaText

/// The sentences, clauses and list items the rule engine reads (`SentenceMap`).
@Suite struct SentenceMapTests {
    /// The map of a text with no provisions (the whole text is one section).
    func map(_ text: String) -> SentenceMap {
        SentenceMap(document: Document(source: SourceText(path: "test", text: text, contentHash: "")))
    }

    func range(of words: String, in text: String) -> Range<Int> {
        let start = text.range(of: words)!.lowerBound.utf16Offset(in: text)
        let prefix = String(text.utf16.prefix(start))!
        return prefix.utf8.count..<(prefix.utf8.count + words.utf8.count)
    }

    func slice(_ map: SentenceMap, _ r: Range<Int>) -> String { map.document.source.slice(r) }

    @Test func aFullStopAfterAnAbbreviationDoesNotEndTheSentence() {
        let text = "The offence in Act No. 5 applies. Another sentence follows."
        let m = map(text)
        #expect(slice(m, m.sentence(around: range(of: "applies", in: text))) == "The offence in Act No. 5 applies.")
        #expect(slice(m, m.sentence(around: range(of: "Another", in: text))) == " Another sentence follows.")
    }

    @Test func aListItemsSentenceBeginsWithTheWordsThatOpenTheList() {
        let text = "Intro. The Committee shall:\na. organise training;\nb. collect data.\n"
        let m = map(text)
        #expect(slice(m, m.sentence(around: range(of: "collect", in: text))).hasPrefix(" The Committee shall:"))
        // A semicolon ends the clause before; the line break after it stays in the clause.
        #expect(slice(m, m.clause(around: range(of: "collect", in: text))) == "\nb. collect data.")
    }

    @Test func theListItemShapes() {
        for item in ["a. x", "(c) x", "3. x", "iv) x", "II – x", "IV - x"] {
            #expect(SentenceMap.startsListItem(Array(item.utf8), 0), "\(item)")
        }
        for text in ["Hello x", "(c)x", "1.2. x", "II x"] {
            #expect(!SentenceMap.startsListItem(Array(text.utf8), 0), "\(text)")
        }
    }

    @Test func theQuoteKeepsAFewWordsEitherSideInsideTheClause() {
        let text = "First part; a person who recruits another person for exploitation commits an offence and is liable."
        let m = map(text)
        let quote = slice(m, m.quote(around: range(of: "recruits", in: text)))
        #expect(quote.hasPrefix("a person who recruits"))
        #expect(!quote.contains("First part"))
    }

    /// The marker scanner reads a bare section number only before what may start a sentence.
    @Test func aBareNumberIsFollowedByWhatMayStartASentence() {
        var before = MarkerScanner("12. The Minister")
        #expect(before.bareNumber() != nil)
        var lower = MarkerScanner("12. the Minister")
        #expect(lower.bareNumber() == nil)
        #expect(SentenceMap.startsSentence(UInt8(ascii: "T")) && !SentenceMap.startsSentence(UInt8(ascii: "t")))
    }
}

/// Article and part headings in French and Spanish.
@Suite struct ForeignHeadingTests {
    @Test func spanishAndFrenchArticleHeadingsAreArticles() {
        for (line, label) in [("Artículo 177 bis.", "177 bis"), ("ARTÍCULO 2.- El que", "2"), ("Article 225-4-1", "225-4-1"),
                              ("Art. 145 ter.-", "145 ter"), ("Articulo 5°.- Se", "5"), ("Artigo 149-A", "149-A")] {
            var scanner = MarkerScanner(line)
            let marker = scanner.structural()
            #expect(marker?.style == .article, "\(line)")
            #expect(marker?.label == label, "\(line)")
        }
    }

    @Test func spanishAndFrenchPartWordsArePartsAndChapters() {
        var title = MarkerScanner("TÍTULO VII")
        #expect(title.structural()?.style == .part)
        var chapter = MarkerScanner("Chapitre II")
        #expect(chapter.structural()?.style == .chapter)
        var capitulo = MarkerScanner("Capítulo 3")
        #expect(capitulo.structural()?.style == .chapter)
        var times = MarkerScanner("Article×3")
        #expect(times.structural() == nil)
    }
}
