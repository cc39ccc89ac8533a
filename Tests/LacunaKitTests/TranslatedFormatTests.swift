import Foundation
import Testing
import LacunaCatalog
import LacunaCore
import LacunaKit
import LacunaReaders
import LacunaReports
import LacunaTestSupport

/// Every human format in French and Spanish: its headings, labels and status words in the
/// report's language, the catalog's words translated; the machine formats keep their keys
/// and values in English.
@Suite struct TranslatedFormatTests {
    static let sample = Support.root.appendingPathComponent("Corpora/weak-draft/bill.txt").path

    /// The weak draft (English, with gaps of every kind) written in `language`.
    static func analysis(_ language: Language) throws -> Analysis {
        let root = try TranslationFixtures.directory()
        defer { try? FileManager.default.removeItem(at: root) }
        let english = ReportLanguageTests.english
        let analyzer = try Analyzer(catalog: english, translations: TranslationFixtures.translations(in: root, english: english))
        var analysis = try analyzer.analyze(path: sample)
        try analyzer.write(&analysis, in: language)
        return analysis
    }

    /// The catalog's words each format must show in each language (the fixture's translation).
    static let catalogWords: [String: [String]] = [
        "fr": ["Clause de non-sanction des victimes", "Ajouter une clause de non-sanction", "Non-sanction des victimes", "obligatoire"],
        "es": ["Cláusula de no punición de las víctimas", "Incluir una cláusula de no punición", "No punición de las víctimas", "obligatorio"],
    ]

    /// Headings and labels: in the language's report, and the English ones it must not show.
    static func chrome(_ language: String, _ format: String) -> (words: [String], english: [String]) {
        switch (language, format) {
        case ("fr", "text"): (["Rapport de lacunes Lacuna", "Lacunes\n", "fichier: ", "lacunes obligatoires: ", "ABSENT  ", "sources: "],
                              ["Lacuna gap report", "mandatory gaps:", "file: ", "MISSING "])
        case ("es", "text"): (["Informe de brechas de Lacuna", "Brechas\n", "archivo: ", "brechas obligatorias: ", "AUSENTE ", "fuentes: "],
                              ["Lacuna gap report", "mandatory gaps:", "file: ", "MISSING "])
        case ("fr", _): (["Synthèse", "Recommandation.", "Absent", "Constats les plus graves", "Couverture"],
                         ["Executive summary", "Recommendation.", "Most serious findings", "Coverage"])
        default: (["Resumen ejecutivo", "Recomendación.", "Ausente", "Hallazgos más graves", "Cobertura"],
                  ["Executive summary", "Recommendation.", "Most serious findings", "Coverage"])
        }
    }

    @Test(arguments: ["fr", "es"], ["text", "markdown", "html"])
    func eachHumanFormatIsInTheReportsLanguage(_ language: String, _ format: String) throws {
        let analysis = try Self.analysis(Language(language))
        #expect(analysis.report.finding("nonpunishment.provision")?.status == .conflict, "the fixture's requirement must be a gap here")
        let out = try ReportFormat(rawValue: format)!.render([analysis], filter: nil, drafting: true)
        let (words, english) = Self.chrome(language, format)
        // The text format names no area (but with --summary); the others head each area with its title.
        let catalog = Self.catalogWords[language]!.filter { format != "text" || !$0.hasPrefix(language == "fr" ? "Non-sanction" : "No punición") }
        for w in words + catalog { #expect(out.contains(w), "\(language) \(format): no \(w)") }
        for w in english { #expect(!out.contains(w), "\(language) \(format): still \(w)") }
        if format == "html" { #expect(out.contains("<html lang=\"\(language)\">")) }
    }

    @Test(arguments: ["fr", "es"])
    func theWordReportIsInTheReportsLanguage(_ language: String) throws {
        let analysis = try Self.analysis(Language(language))
        let text = try DocxReportTests.readBack(try DocxReporter().data([analysis]))
        let (words, english) = Self.chrome(language, "docx")
        for w in words + Self.catalogWords[language]! { #expect(text.contains(w), "\(language) docx: no \(w)") }
        for w in english { #expect(!text.contains(w), "\(language) docx: still \(w)") }
    }

    @Test func theMachineFormatsKeepTheirKeysAndValuesInEnglish() throws {
        let analysis = try Self.analysis(Language("fr"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try ReportFormat.json.render([analysis]).utf8)) as? [String: Any])
        #expect(json["reportLanguage"] as? String == "fr")
        let findings = try #require(json["findings"] as? [[String: Any]])
        let provision = try #require(findings.first { $0["requirement"] as? String == "nonpunishment.provision" })
        #expect(provision["status"] as? String == "conflict" && provision["obligation"] as? String == "recommended")
        #expect(provision["title"] as? String == "Clause de non-sanction des victimes")
        #expect((provision["recommendation"] as? String)?.hasPrefix("Ajouter une clause") == true)

        let csv = try ReportFormat.csv.render([analysis])
        #expect(csv.hasPrefix(CSVReporter.header.joined(separator: ",") + "\r\n"))
        let row = try #require(csv.split(separator: "\r\n").first { $0.contains(",nonpunishment.provision,") })
        #expect(row.contains(",conflict,") && row.contains("Ajouter une clause de non-sanction"))

        let sarif = try ReportFormat.sarif.render([analysis])
        #expect(sarif.contains("\"ruleId\" : \"nonpunishment.provision\"") && sarif.contains("\"status\" : \"conflict\""))
        #expect(sarif.contains("Contraire: Clause de non-sanction des victimes.") && sarif.contains("Recommandation: Ajouter une clause"))
    }

    /// The schema describes `reportLanguage`, and a French report validates.
    @Test func aTranslatedReportFollowsTheSchema() throws {
        let schema = JSONSchemaValidator(schema: JSONSchemaTests.schema)
        for language in ["fr", "es"] {
            let json = try JSONSerialization.jsonObject(with: Data(try ReportFormat.json.render([try Self.analysis(Language(language))]).utf8))
            let errors = schema.validate(json)
            #expect(errors.isEmpty, "\(language): \(errors.prefix(3))")
        }
    }

    /// The English report is written with the English words: the goldens hold them.
    @Test func englishIsTheDefault() throws {
        let report = try Support.analyzer.analyze(path: Self.sample).report
        #expect(report.reportLanguage == .english)
        let text = try TextReporter().render(report)
        #expect(text.hasPrefix("Lacuna gap report"))
    }
}
