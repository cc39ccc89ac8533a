import ArgumentParser
import Foundation
import LacunaCore
import LacunaKit
import LacunaReaders

/// Options shared by the commands that analyse documents.
struct AnalysisOptions: ParsableArguments {
    @Option(help: "Legal tradition: auto, common-law, civil-law, islamic-law, or several joined by + for mixed systems.")
    var tradition: String = "auto"

    @Option(name: .customLong("rules"), help: ArgumentHelp("A rule pack (YAML) that adds or overrides rules; repeatable.", valueName: "pack.yml"))
    var rulePacks: [String] = []

    // Unconditional: `--max-size -5` is a value to refuse with a message, not a missing value.
    @Option(parsing: .unconditional, help: ArgumentHelp("Refuse input files larger than this many megabytes.", valueName: "MB"))
    var maxSize: String = "50"

    @Option(help: "Text encoding: auto (UTF-8, UTF-16 by its byte-order mark, or Latin-1 / Windows-1252 when detected — the report says so), utf-8, utf-16, latin-1.")
    var encoding: String = "auto"

    @Option(help: ArgumentHelp("The language of the text (en, fr, es…) instead of the one detected; auto detects it, provision by provision in a bilingual text.", valueName: "tag"))
    var language: String = "auto"

    @Flag(help: "Report on a text in a language no rule pack reads (the rules read English) instead of refusing it; the report still warns.")
    var languageAnyway = false

    @Flag(help: "For a Word file with tracked changes, analyse the text before the changes (deletions kept, insertions dropped) instead of the text with every change accepted.")
    var docxOriginal = false

    func makeAnalyzer() throws -> Analyzer {
        guard let enc = TextEncoding(rawValue: encoding) else {
            throw ValidationError("unknown encoding \(encoding) (auto, utf-8, utf-16, latin-1)")
        }
        let maxBytes = try Ingester.maxBytes(megabytes: maxSize)
        for pack in rulePacks where !FileManager.default.fileExists(atPath: pack) {
            throw UsageError("\(pack): no such rule pack")
        }
        return try Analyzer(extraPacks: rulePacks.map { URL(fileURLWithPath: $0) },
                            ingester: Ingester(maxBytes: maxBytes, encoding: enc,
                                               docxRevisions: docxOriginal ? .original : .current))
    }

    /// `--language`: nil for auto, else a well-formed tag (`fr`, `pt-BR`).
    func languageChoice() throws -> Language? {
        let tag = language.trimmingCharacters(in: .whitespaces)
        if tag.lowercased() == "auto" { return nil }
        guard Language.isWellFormed(tag) else {
            throw UsageError("--language: \"\(language)\" is not a language tag (auto, en, fr, es, pt-BR…)")
        }
        return Language(tag)
    }

    func choice(for analyzer: Analyzer) throws -> TraditionChoice? {
        try TraditionChoice.parse(tradition, known: analyzer.registry.traditions)
    }

    /// Says on standard error that an analysis's text is in a language no rule reads; the
    /// problem to exit 2 with, unless `--language-anyway`.
    func languageProblem(_ analysis: Analysis) -> UnreadLanguage? {
        guard let problem = analysis.unreadLanguage else { return nil }
        if languageAnyway {
            Say.warning("\(problem.path): \(UnreadLanguage.sentence(problem.language, read: problem.read))")
            return nil
        }
        return problem
    }
}
