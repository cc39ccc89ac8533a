import LacunaCatalog
import LacunaCore

/// The language a report is written in (`--report-language`, `?reportLanguage=`).
extension Analyzer {
    /// The language of a report on a document in `documentLanguage`: `requested` when given,
    /// else the document's language when the catalog is translated into it, else English.
    public func reportLanguage(for documentLanguage: Language?, requested: Language? = nil) -> Language {
        if let requested { return Language(requested.primary) }
        if let d = documentLanguage, d.isDetermined, translations.has(d) { return Language(d.primary) }
        return .english
    }

    /// Writes `analysis`'s report in `requested` (nil: the language ``reportLanguage(for:requested:)``
    /// chooses): the catalog's words in that language, and a warning naming the requirements
    /// the translation leaves in English. A language the catalog has no translation into is a
    /// `CatalogError`; so is a translation file that does not match the English catalog.
    public func write(_ analysis: inout Analysis, in requested: Language?) throws {
        let language = reportLanguage(for: analysis.report.document.language, requested: requested)
        let translation = try translations.catalog(for: language)
        analysis.report.write(in: language, catalog: translation.catalog)
        // A report written again in another language keeps no earlier language's warning.
        var warnings = (analysis.report.warnings ?? []).filter { !$0.hasPrefix(Self.untranslatedPrefix) }
        if !translation.isComplete {
            let ids = translation.untranslated
            let shown = ids.prefix(5).joined(separator: ", ") + (ids.count > 5 ? " and \(ids.count - 5) more" : "")
            var sentence = "\(Self.untranslatedPrefix)\(language.name) for every requirement"
            sentence += ids.isEmpty ? " (some area titles are English)" : ": \(shown) \(ids.count == 1 ? "is" : "are") shown in English"
            warnings.append(sentence)
        }
        analysis.report.warnings = warnings.isEmpty ? nil : warnings
    }

    /// How the warning on an incomplete translation starts.
    static let untranslatedPrefix = "the catalog is not translated into "
}

extension Analyzer {
    /// The languages a report can be asked for: English and each translation the catalog
    /// lists (`en`, `fr`, `es`), whether or not it is installed.
    public var reportLanguages: [Language] { [.english] + translations.directories.map(\.language) }

    /// A report language as `--report-language` and `?reportLanguage=` name it; anything else
    /// is a ``UsageError`` listing the languages.
    public func reportLanguage(named text: String) throws -> Language {
        let name = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let language = reportLanguages.first(where: { $0.rawValue == name }) else {
            throw UsageError("unknown report language \"\(text)\" (\(reportLanguages.map(\.rawValue).joined(separator: ", ")))")
        }
        return language
    }
}
