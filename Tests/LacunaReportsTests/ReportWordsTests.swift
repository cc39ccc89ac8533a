import Foundation
import Testing
import LacunaCore
@testable import LacunaReports

/// The words of a report by its language.
@Suite struct ReportWordsTests {
    static func report(_ language: String?) -> Report {
        var r = Sample.report
        r.reportLanguage = language.map { Language($0) }
        return r
    }

    @Test func theLanguageChoosesTheWordsAndEnglishIsTheFallback() {
        #expect(ReportWords.of(Self.report("fr")).language == "fr")
        #expect(ReportWords.of(Self.report("es")).language == "es")
        #expect(ReportWords.of(Language("fr-CA")).language == "fr")
        // A report older than the field, or in a language without words, is written in English.
        #expect(ReportWords.of(Self.report(nil)).language == "en")
        #expect(ReportWords.of(Self.report("de")).language == "en")
    }

    /// Every status and obligation has its word in every language, and no two statuses share one.
    @Test(arguments: ["en", "fr", "es"])
    func everyStatusAndObligationHasAWord(_ language: String) {
        let w = ReportWords.of(Language(language))
        #expect(Set(Status.allCases.map { w.statuses[$0] ?? "" }).count == Status.allCases.count)
        #expect(Obligation.allCases.allSatisfy { w.obligations[$0]?.isEmpty == false })
        #expect(FindingFilter.allCases.allSatisfy { !w.filter($0).isEmpty })
        if language != "en" {
            #expect(FindingFilter.allCases.allSatisfy { w.filter($0) != $0.description }, "\(language): a filter left in English")
            #expect(Status.allCases.allSatisfy { w.status($0) != ReportWords.english.status($0) })
        }
    }

    @Test func theWordFileIsProofedInTheReportsLanguage() {
        func styles(_ language: String?) -> String {
            DocxReporter().package([Self.report(language)]).parts.first { $0.path == "word/styles.xml" }?.content ?? ""
        }
        #expect(styles(nil).contains("<w:lang w:val=\"en-GB\"/>"))
        #expect(styles("fr").contains("<w:lang w:val=\"fr-FR\"/>") && !styles("fr").contains("en-GB"))
        #expect(styles("es").contains("<w:lang w:val=\"es-ES\"/>"))
    }

    @Test func theHTMLPageNamesItsLanguage() throws {
        #expect(try HTMLReporter().render(Self.report(nil)).contains("<html lang=\"en\">"))
        #expect(try HTMLReporter().render(Self.report("es")).contains("<html lang=\"es\">"))
    }
}
