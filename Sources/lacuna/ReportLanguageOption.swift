import ArgumentParser
import LacunaCore
import LacunaKit

/// `--report-language`: the language a report is written in.
struct ReportLanguageOption: ParsableArguments {
    @Option(help: ArgumentHelp("The language of the report: en, fr or es (default: the document's language when the catalog is translated into it, else en). JSON, CSV and SARIF keep their keys and values in English.", valueName: "lang"))
    var reportLanguage: String?

    /// The language asked for, checked against the analyzer's (nil: the default).
    func language(for analyzer: Analyzer) throws -> Language? {
        try reportLanguage.map(analyzer.reportLanguage(named:))
    }
}
