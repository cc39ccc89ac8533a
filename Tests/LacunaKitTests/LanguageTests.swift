import Foundation
import Testing
import LacunaCore
import LacunaKit
import LacunaRules
import LacunaTestSupport

/// A law in a language no rule pack reads used to come back "missing 69", exit 0: the
/// pipeline now names the language of the operative text and whether the rules read it.
@Suite(.serialized) struct LanguageTests {
    /// A French paragraph written for these tests.
    static let french = """
    Article 1
    Quiconque recrute, transporte, transfère, héberge ou accueille une personne par la menace, la contrainte ou la \
    tromperie, en vue de son exploitation, commet l'infraction de traite des êtres humains et est puni de dix ans \
    d'emprisonnement.

    Article 2
    Le consentement de la victime est sans effet lorsque l'un des moyens énumérés à l'article 1 a été employé. Les \
    victimes ont droit à une assistance, à un hébergement sûr et à des soins pendant toute la durée de la procédure.
    """

    /// A Portuguese paragraph written for these tests: a language no built-in pack reads.
    static let portuguese = """
    Artigo 1
    Quem recrutar, transportar, transferir, alojar ou acolher uma pessoa, mediante ameaça, coação ou engano, com a \
    finalidade de a explorar, comete o crime de tráfico de pessoas e é punido com pena de prisão de três a dez anos.

    Artigo 2
    O consentimento da vítima não exclui a responsabilidade do agente quando tiver sido empregado um dos meios \
    referidos no artigo anterior. As vítimas têm direito a apoio, a alojamento seguro e a cuidados de saúde.
    """

    // MARK: rule packs declare the languages they read

    @Test func packsReadEnglishUnlessTheySayOtherwise() throws {
        let loader = RulePackLoader(knownRequirements: ["definition.act.recruitment"])
        #expect(try loader.load(yaml: "pack: p\n", file: "p.yml").languages == [.english])
        #expect(try loader.load(yaml: "pack: p\nlanguages: [fr, es]\n", file: "p.yml").languages == [Language("fr"), Language("es")])
        #expect(try loader.load(yaml: "pack: p\nlanguages: pt-BR\n", file: "p.yml").languages == [Language("pt-BR")])
        for bad in ["languages: [French]", "languages: []", "languages: [e]"] {
            do {
                _ = try loader.load(yaml: "pack: p\n" + bad + "\n", file: "p.yml")
                Issue.record("\(bad) was accepted")
            } catch let e as RulePackError {
                #expect(e.line == 2, "\(e)")
                #expect(e.problem.contains("languages"), "\(e)")
            }
        }
        let set = try RuleSet(packs: [try loader.load(yaml: "pack: a\n", file: "a.yml"),
                                      try loader.load(yaml: "pack: b\nlanguages: [fr]\n", file: "b.yml")])
        #expect(set.languages == [.english, Language("fr")])
        #expect(set.reads(Language("fr")) && set.reads(Language("en-GB")) && !set.reads(Language("es")))
    }

    @Test func theBuiltInRulesReadEnglishAndFrenchButNotPortuguese() throws {
        let analyzer = Support.analyzer
        for t in analyzer.registry.traditions {
            let languages = try analyzer.ruleSet(for: TraditionChoice(traditions: [t], detected: false)).languages
            #expect(languages.contains(.english) && languages.contains(Language("fr")), "\(t): \(languages)")
            #expect(!languages.contains(Language("pt")))
        }
    }

    // MARK: the pipeline

    @Test func aPortugueseLawIsNamedAndNotRead() throws {
        let source = SourceText(path: "lei.txt", text: Self.portuguese, contentHash: String(repeating: "0", count: 64))
        let analysis = try Support.analyzer.analyze(source)
        #expect(analysis.report.document.language == Language("pt"))
        #expect(analysis.report.document.languageRead == false)
        let problem = try #require(analysis.unreadLanguage)
        #expect(problem.location == "lei.txt")
        #expect(problem.problem.contains("Portuguese") && problem.problem.contains("English"), "\(problem)")
    }

    @Test func englishSamplesAreEnglishAndRead() throws {
        let corpora = Support.root.appendingPathComponent("Corpora")
        let bills = try FileManager.default.contentsOfDirectory(atPath: corpora.path).sorted()
            .map { corpora.appendingPathComponent($0).appendingPathComponent("bill.txt").path }
            .filter { FileManager.default.fileExists(atPath: $0) }
            .filter { path in !["/fr-", "/es-"].contains { path.contains($0) } }
        #expect(bills.count >= 20)
        for path in bills {
            let d = try Support.analyzer.analyze(path: path).report.document
            #expect(d.language == .english && d.languageRead == true, "\(path): \(String(describing: d.language))")
        }
    }

    /// A user's pack that declares French makes a French text read (the design a French rule
    /// pack will use).
    @Test func aPackDeclaringFrenchReadsFrench() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pack = try Support.write("pack: fr-test\nlanguages: [fr]\n", "fr.yml", in: dir)
        let analyzer = try Analyzer(extraPacks: [pack])
        let source = SourceText(path: "loi.txt", text: Self.french, contentHash: String(repeating: "0", count: 64))
        let analysis = try analyzer.analyze(source)
        #expect(analysis.report.document.language == Language("fr"))
        #expect(analysis.report.document.languageRead == true)
        #expect(analysis.unreadLanguage == nil)
    }

    // MARK: ../shared: the development statutes are English; the French and Spanish samples are not

    @Test(.enabled(if: Support.runsSharedTests, Support.needsShared))
    func theSharedStatutesInEachLanguage() throws {
        for (folder, language) in [("statutes", "en"), ("statutes-fr", "fr"), ("statutes-es", "es")] {
            let dir = Support.shared.appendingPathComponent(folder)
            let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
            #expect(files.count >= (language == "en" ? 16 : 2), "\(folder): \(files)")
            for file in files {
                let d = try Support.analyzer.analyze(path: dir.appendingPathComponent(file).path).report.document
                #expect(d.language == Language(language), "\(folder)/\(file): \(String(describing: d.language))")
                let read = try Support.analyzer.ruleSet(for: TraditionChoice(traditions: [.commonLaw], detected: false)).reads(Language(language))
                #expect(d.languageRead == read && (language == "es" || read), "\(folder)/\(file)")
            }
        }
    }

    // MARK: the command line

    @Test func analyzeSaysSoAndExitsTwoUnlessLanguageAnyway() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try Support.write(Self.portuguese, "lei.txt", in: dir).path
        let r = try CLI.run(["analyze", file, "--format", "json"])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("\(file):") && r.stderr.contains("Portuguese") && r.stderr.contains("--language-anyway"), "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let document = try #require(json["document"] as? [String: Any])
        #expect(document["language"] as? String == "pt")
        #expect(document["languageRead"] as? Bool == false)

        let anyway = try CLI.run(["analyze", file, "--language-anyway"])
        #expect(anyway.status == 0, "\(anyway.stderr)")
        #expect(anyway.stderr.contains("Portuguese"), "still said on standard error: \(anyway.stderr)")
        for format in ["text", "markdown", "html"] {
            let out = try CLI.run(["analyze", file, "--language-anyway", "--format", format]).stdout
            #expect(out.contains("Portuguese") && out.contains("English") && out.lowercased().contains("warning"), "\(format): no banner")
        }
        let sarif = try CLI.run(["analyze", file, "--language-anyway", "--format", "sarif"]).stdout
        #expect(sarif.contains("\"language\" : \"pt\""), "sarif")
        let csv = try CLI.run(["analyze", file, "--language-anyway", "--format", "csv"]).stdout
        #expect(csv.hasPrefix("document,language,") && csv.contains(",pt,"), "csv")
    }

    /// `--language` names the text's language instead of detecting it; a bad tag is refused.
    @Test func theLanguageOptionOverridesDetection() throws {
        let bill = Support.root.appendingPathComponent("Corpora/weak-draft/bill.txt").path
        let r = try CLI.run(["analyze", bill, "--format", "json", "--language", "pt"])
        #expect(r.status == 2, "Portuguese is read by no pack: \(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect((json["document"] as? [String: Any])?["language"] as? String == "pt")
        let auto = try CLI.run(["analyze", bill, "--format", "json", "--language", "auto"])
        #expect(auto.status == 0 && auto.stdout.contains("\"language\":\"en\"") || auto.stdout.contains("\"language\" : \"en\""))
        let bad = try CLI.run(["analyze", bill, "--language", "French!"])
        #expect(bad.status == 2 && bad.stderr.contains("--language") && bad.stderr.contains("French!"), "\(bad.stderr)")
    }

    @Test func englishIsShownAndNotWarnedAbout() throws {
        let r = try CLI.run(["analyze", Support.root.appendingPathComponent("Corpora/weak-draft/bill.txt").path])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        #expect(r.stdout.contains("language: English"))
        #expect(!r.stdout.lowercased().contains("warning"))
    }

    @Test func aBatchRecordsTheLanguageAsTheError() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try Support.write(Self.portuguese, "lei.txt", in: dir)
        let r = try CLI.run(["batch", dir.path, "--no-db", "-q", "--format", "jsonl"])
        let line = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(line["status"] as? String == "error")
        #expect((line["error"] as? String)?.contains("Portuguese") == true, "\(line)")
        let anyway = try CLI.run(["batch", dir.path, "--no-db", "-q", "--format", "jsonl", "--language-anyway"])
        let ok = try #require(try JSONSerialization.jsonObject(with: Data(anyway.stdout.utf8)) as? [String: Any])
        #expect(ok["status"] as? String == "ok", "\(ok)")
    }
}
