import Foundation
import Testing
import LacunaCatalog
import LacunaCore
import LacunaKit
import LacunaReports
import LacunaTestSupport

/// Reports in the report's language: the catalog's translations (loaded, checked against
/// the English catalog), the language a report is written in, and every human format's words.
@Suite struct ReportLanguageTests {
    static let english = try! CatalogLoader.bundled()
    static let french = Language("fr"), spanish = Language("es")

    static func frenchSource() -> SourceText {
        SourceText(path: "loi.txt", text: LanguageTests.french, contentHash: String(repeating: "0", count: 64))
    }

    /// An analyzer whose translations are the test fixtures (the shipped ones are written elsewhere).
    static func analyzer(_ root: URL) throws -> Analyzer {
        try Analyzer(catalog: english, translations: TranslationFixtures.translations(in: root, english: english))
    }

    // MARK: loading and checking translations

    @Test func aTranslationGivesItsWordsAndLeavesTheRestEnglish() throws {
        let root = try TranslationFixtures.directory()
        defer { try? FileManager.default.removeItem(at: root) }
        let t = try CatalogLoader.translation(Self.french, directory: root.appendingPathComponent("fr"), english: Self.english)
        let provision = try #require(t.catalog["nonpunishment.provision"])
        let base = try #require(Self.english["nonpunishment.provision"])
        #expect(provision.title == "Clause de non-sanction des victimes")
        #expect(provision.recommendation.hasPrefix("Ajouter une clause de non-sanction"))
        #expect(provision.drafting["civil-law"]?.contains("N'est pas punissable") == true)
        #expect(provision.conflictWhen?.hasPrefix("La loi rend") == true)
        // Only the words change.
        #expect(provision.obligation == base.obligation && provision.sources == base.sources && provision.narrowedBy == base.narrowedBy)
        #expect(t.catalog.requirements.map(\.id) == Self.english.requirements.map(\.id))
        #expect(t.catalog.areas.first { $0.id == "nonpunishment" }?.title == "Non-sanction des victimes")
        // What the fixture leaves out stays English, and is listed.
        #expect(t.catalog["definition.act.recruitment"] == Self.english["definition.act.recruitment"])
        #expect(t.untranslated.count == Self.english.requirements.count - 3)
        #expect(!t.untranslated.contains("nonpunishment.provision") && t.untranslated.contains("nonpunishment.immigration"))
        #expect(t.untranslatedAreas.count == Self.english.areas.count - 2)
        #expect(!t.isComplete)
    }

    /// Each broken translation file is an error naming the file and the line of the fault:
    /// (text of the fixture, what replaces it, the line, the problem).
    @Test(arguments: [
        ("language: fr", "language: es", 1, "declares language es, but it is in the fr folder"),
        ("area: nonpunishment\n", "area: jurisdiction\n", 2, "declares area jurisdiction, expected nonpunishment"),
        ("  - id: nonpunishment.causation", "  - id: nonpunishment.causatoin", 26, "unknown requirement nonpunishment.causatoin"),
        ("  - id: nonpunishment.causation", "  - id: jurisdiction.territorial", 26, "requirement jurisdiction.territorial is not in area nonpunishment"),
        ("    conflictWhen: >-\n      La loi rend expressément les victimes responsables de ces infractions.\n", "", 8,
         "nonpunishment.provision has no conflictWhen, but the English entry has one"),
        ("    recommendation: >-\n      Retenir", "    conflictWhen: Jamais.\n    recommendation: >-\n      Retenir", 31,
         "nonpunishment.causation has a conflictWhen, but the English entry has none"),
        ("      commonLaw: >-\n        Rédiger", "      islamicLaw: x\n      commonLaw: >-\n        Rédiger", 35, "unknown key islamicLaw in drafting"),
        ("\n      civilLaw: >-\n        Viser les actes « commis du fait de la traite » plutôt que « sous la contrainte ».", "", 35,
         "nonpunishment.causation: drafting has no civilLaw"),
        ("title: Non-sanction des victimes", "title: \"  \"", 3, "title is empty"),
        ("title: Non-sanction des victimes", "titel: Non-sanction des victimes", 3, "unknown key titel in a translated area file"),
        ("    title: Un critère", "    obligation: mandatory\n    title: Un critère", 27, "unknown key obligation in a requirement"),
        ("  - id: nonpunishment.causation", "  - id: nonpunishment.provision", 26, "nonpunishment.provision is translated twice"),
        ("summary: >-\n  Les victimes ne devraient pas être poursuivies ni punies pour les infractions commises\n  du fait de la traite qu'elles ont subie.",
         "summary: [a, b]", 4, "summary must be text"),
    ])
    func aBrokenTranslationIsAnErrorAtItsLine(_ change: (String, String, Int, String)) throws {
        let (find, replace, line, problem) = change
        let root = try TranslationFixtures.directory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("fr/nonpunishment.yml")
        let text = TranslationFixtures.frenchNonpunishment
        let broken = text.replacingOccurrences(of: find, with: replace)
        #expect(broken != text, "the case does not change the fixture")
        try Data(broken.utf8).write(to: file)
        do {
            _ = try CatalogLoader.translation(Self.french, directory: root.appendingPathComponent("fr"), english: Self.english)
            Issue.record("no error for: \(problem)")
        } catch let e as CatalogError {
            #expect(e.file == "\(file.path):\(line)", "\(e.description)")
            #expect(e.problem.contains(problem), "\(e.description)")
        }
    }

    @Test func aTranslationThatIsNotYAMLSaysWhere() throws {
        let root = try TranslationFixtures.directory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("fr/jurisdiction.yml")
        try Data("language: fr\narea: [jurisdiction\n".utf8).write(to: file)
        let e = #expect(throws: CatalogError.self) {
            try CatalogLoader.translation(Self.french, directory: root.appendingPathComponent("fr"), english: Self.english)
        }
        #expect(e?.file == file.path)
        // The parser's own position, line:column, comes with it.
        #expect(e?.problem.hasPrefix("is not valid YAML: 3:") == true, "\(String(describing: e))")
    }

    /// A subfolder of the catalog is never read as English: the English catalog loads the
    /// same with a broken `fr/` beside it.
    @Test func theEnglishCatalogDoesNotReadATranslationFolder() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let areas = Self.english.areas.map(\.id)
        for area in areas {
            try FileManager.default.copyItem(at: Support.root.appendingPathComponent("ModelLaw/catalog/\(area).yml"),
                                             to: dir.appendingPathComponent("\(area).yml"))
        }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("fr"), withIntermediateDirectories: true)
        try Data("not: [a catalog".utf8).write(to: dir.appendingPathComponent("fr/definition.yml"))
        let loaded = try CatalogLoader.load(directory: dir, areaOrder: areas)
        #expect(loaded.version == Self.english.version)
        #expect(loaded.requirements == Self.english.requirements)
    }

    /// Every translation shipped in `ModelLaw/catalog/<lang>/` loads against the English
    /// catalog and is complete: a requirement a shipped translation leaves out fails here (at
    /// run time it would fall back to English, with a warning).
    @Test func everyShippedTranslationIsComplete() throws {
        let shipped = CatalogTranslations.bundled(english: Self.english)
        for language in shipped.languages where language != .english {
            let t = try shipped.catalog(for: language)
            #expect(t.untranslated.isEmpty, "\(language): not translated: \(t.untranslated)")
            #expect(t.untranslatedAreas.isEmpty, "\(language): no area file for \(t.untranslatedAreas)")
            for r in t.catalog.requirements {
                let base = try #require(Self.english[r.id])
                #expect(Set(r.drafting.keys) == Set(base.drafting.keys), "\(language) \(r.id)")
            }
        }
    }

    // MARK: the language a report is written in

    @Test func aFrenchDocumentGetsFrenchRecommendationsByDefault() throws {
        let root = try TranslationFixtures.directory()
        defer { try? FileManager.default.removeItem(at: root) }
        let analysis = try Self.analyzer(root).analyze(Self.frenchSource())
        let report = analysis.report
        #expect(report.document.language == Self.french)
        #expect(report.reportLanguage == Self.french)
        let f = try #require(report.finding("nonpunishment.provision"))
        #expect(f.status.isGap)
        #expect(f.title == "Clause de non-sanction des victimes")
        #expect(f.recommendation?.hasPrefix("Ajouter une clause de non-sanction") == true)
        let drafting = try #require(f.drafting)
        #expect(drafting.hasPrefix("Ajouter un article"), "\(drafting)")
        #expect(report.areas.first { $0.id == "nonpunishment" }?.title == "Non-sanction des victimes")
        #expect(report.summary.areas.first { $0.area == "nonpunishment" }?.title == "Non-sanction des victimes")
        // What the translation leaves out is English, and the report says so.
        #expect(report.finding("nonpunishment.immigration")?.recommendation == Self.english["nonpunishment.immigration"]?.recommendation)
        #expect(report.warnings?.contains { $0.hasPrefix("the catalog is not translated into French") && $0.contains(Self.english.requirements[0].id) } == true)
    }

    @Test func reportLanguageEnOverridesTheDocumentsLanguage() throws {
        let root = try TranslationFixtures.directory()
        defer { try? FileManager.default.removeItem(at: root) }
        let analyzer = try Self.analyzer(root)
        var analysis = try analyzer.analyze(Self.frenchSource())
        let english = try Analyzer(catalog: Self.english).analyze(Self.frenchSource()).report
        try analyzer.write(&analysis, in: .english)
        #expect(analysis.report.reportLanguage == .english)
        #expect(analysis.report.finding("nonpunishment.provision")?.recommendation == Self.english["nonpunishment.provision"]?.recommendation)
        #expect(analysis.report.warnings?.contains { $0.contains("not translated") } != true)
        // Written in French and then in English, the report is the English report again.
        #expect(try JSONReporter().render(analysis.report) == JSONReporter().render(english))
    }

    @Test func anEnglishDocumentStaysEnglishAndCanBeAskedInSpanish() throws {
        let root = try TranslationFixtures.directory()
        defer { try? FileManager.default.removeItem(at: root) }
        let analyzer = try Self.analyzer(root)
        var analysis = try analyzer.analyze(path: Support.root.appendingPathComponent("Corpora/weak-draft/bill.txt").path)
        let before = analysis.report
        #expect(before.reportLanguage == .english)
        #expect(try JSONReporter().render(before) == JSONReporter().render(Support.analyzer.analyze(path: before.document.path).report))
        try analyzer.write(&analysis, in: Self.spanish)
        let after = analysis.report
        #expect(after.reportLanguage == Self.spanish)
        #expect(after.finding("nonpunishment.provision")?.title == "Cláusula de no punición de las víctimas")
        // Statuses, evidence and counts do not change with the language.
        #expect(after.findings.map(\.status) == before.findings.map(\.status))
        #expect(after.findings.map(\.evidence) == before.findings.map(\.evidence))
        #expect(after.summary.totals == before.summary.totals)
    }

    @Test func aReportLanguageIsOneOfTheCatalogs() throws {
        let analyzer = Support.analyzer
        #expect(analyzer.reportLanguages.map(\.rawValue) == ["en", "fr", "es"])
        #expect(try analyzer.reportLanguage(named: "FR") == Self.french)
        let e = #expect(throws: UsageError.self) { try analyzer.reportLanguage(named: "de") }
        #expect(e?.description == "unknown report language \"de\" (en, fr, es)")
        // Without a catalog of its own, a detected language with no translation is English.
        let english = try Analyzer(catalog: Self.english)
        #expect(english.reportLanguage(for: Self.french) == .english)
        #expect(throws: CatalogError.self) { try english.translations.catalog(for: Self.french) }
    }

    // MARK: the command line

    @Test func theCommandLineTakesAReportLanguageAndRefusesAnUnknownOne() throws {
        let bill = Support.root.appendingPathComponent("Corpora/weak-draft/bill.txt").path
        let english = try CLI.run(["analyze", bill, "--report-language", "en", "--format", "json"])
        #expect(english.status == 0, "\(english.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(english.stdout.utf8)) as? [String: Any])
        #expect(json["reportLanguage"] as? String == "en")
        for command in [["analyze", bill], ["diff", bill, bill]] {
            let r = try CLI.run(command + ["--report-language", "de"])
            #expect(r.status == 2, "\(command[0]): \(r.stderr)")
            #expect(r.stderr == "lacuna: unknown report language \"de\" (en, fr, es)\n", "\(command[0])")
            #expect(r.stdout.isEmpty)
        }
    }
}
