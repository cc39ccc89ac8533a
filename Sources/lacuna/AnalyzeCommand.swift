import ArgumentParser
import Foundation
import LacunaCore
import LacunaKit
import LacunaReports

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Report, requirement by requirement, where a law falls short.",
        discussion: """
        Exit status: 0 when the analysis ran, 1 when --fail-on found gaps, 2 for usage or input errors \
        (a file that cannot be read, a text in a language no rule reads).
        With several files, every file is analysed and the ones that fail are reported on standard error \
        at the end (exit 2); json prints an array of reports, html one page with a section per document, \
        sarif one log with a run per document.
        """
    )

    @Argument(help: "The statute or bill files to analyse (- for standard input).")
    var paths: [String]

    @OptionGroup var options: AnalysisOptions

    @OptionGroup var language: ReportLanguageOption

    @Option(help: "Output format: text, json, markdown, html, sarif, csv, or docx (a Word file: give -o, or redirect standard output).")
    var format: String = "text"

    @Option(help: "html: the paper the page asks for when printed: a4 or letter.")
    var paper: PageOptions.Paper = .a4

    @Flag(inversion: .prefixedNo, help: "html: append the text with every piece of evidence highlighted and labelled with its finding (an annex on a page of its own in print).")
    var annex = true

    @Option(help: "The document's title in the report, instead of the one read from its text (one file only).")
    var title: String?

    @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: ArgumentHelp("Exit 1 when gaps are found among: mandatory, recommended (and mandatory), or any requirements.", valueName: "level"))
    var failOn: FailLevel?

    @Option(help: ArgumentHelp("Show only these findings: gaps (not met), mandatory (mandatory gaps) or conflicts; the summary still counts every requirement.", valueName: "which"))
    var only: OnlyFindings?

    @Flag(help: "Show the summary (counts, coverage per area) without the findings.")
    var summary = false

    @Flag(help: "In the text format, show each gap's suggested drafting (the other formats always do).")
    var drafting = false

    @Flag(help: "The texts are extracts of laws: findings of an area no provision concerns read \"not in this text\" (JSON: notInText), not gaps.")
    var extract = false

    @Option(help: ArgumentHelp("A review file (YAML: requirement, status, note, who, when) whose decisions the report shows and applies; one document only.", valueName: "review.yml"))
    var review: String?

    @Option(help: ArgumentHelp("Write a review file to fill in for the document (every finding, with the fingerprint of its evidence); one document only.", valueName: "review.yml"))
    var writeReview: String?

    enum OnlyFindings: String, ExpressibleByArgument, CaseIterable {
        case gaps, mandatory, conflicts
        var filter: FindingFilter {
            switch self {
            case .gaps: .gaps
            case .mandatory: .mandatory
            case .conflicts: .conflicts
            }
        }
    }

    enum FailLevel: String, ExpressibleByArgument, CaseIterable {
        case mandatory, recommended, any
        func counts(_ obligation: Obligation) -> Bool {
            switch self {
            case .mandatory: obligation == .mandatory
            case .recommended: obligation != .optional
            case .any: true
            }
        }
    }

    func validate() throws {
        if title != nil && paths.count > 1 { throw ValidationError("--title names one document; give one file with it") }
        if summary && only != nil { throw ValidationError("--summary shows no findings; give it or --only, not both") }
        if (review != nil || writeReview != nil) && paths.count > 1 { throw ValidationError("a review file is for one document; give one file with --review or --write-review") }
        guard ReportFormat(rawValue: format) != nil || format == Self.docx else {
            throw ValidationError("unknown format \(format) (\((ReportFormat.allCases.map(\.rawValue) + [Self.docx]).joined(separator: ", ")))")
        }
    }

    /// The Word format: binary, so written by ``DocxReporter`` rather than a text reporter.
    static let docx = "docx"

    func run() throws {
        if format == Self.docx && Output(path: output).isTerminal {
            throw UsageError("--format docx writes a binary Word file; give -o FILE.docx or redirect standard output to a file")
        }
        let analyzer = try options.makeAnalyzer()
        let choice = try options.choice(for: analyzer)
        let reportLanguage = try language.language(for: analyzer)
        if let output { try OutputTarget.check(output, against: paths + options.rulePacks + [review, writeReview].compactMap { $0 }) }
        if let writeReview {
            try OutputTarget.check(writeReview, against: paths + options.rulePacks + [review].compactMap { $0 })
            if FileManager.default.fileExists(atPath: writeReview) { throw UsageError("\(writeReview): exists; a review file is not overwritten (name another, or remove it)") }
        }
        let out = Output(path: output)
        // Every file is tried; the ones that fail are reported after, and exit 2.
        var (analyses, failures) = analyzer.analyze(paths: paths, tradition: choice, language: try options.languageChoice())
        if let reportLanguage { for i in analyses.indices { try analyzer.write(&analyses[i], in: reportLanguage) } }
        if let title { for i in analyses.indices { analyses[i].setTitle(title) } }
        if let review { for i in analyses.indices { try analyzer.applyReview(path: review, to: &analyses[i]) } }
        if extract { for i in analyses.indices { analyses[i].report.markExtract() } }
        if let writeReview, let analysis = analyses.first {
            try Output(path: writeReview).write(ReviewFileLoader.template(analysis.report))
        }
        let color = out.isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let filter = summary ? FindingFilter.summary : only?.filter
        if !analyses.isEmpty {
            if format == Self.docx {
                try out.write(try DocxReporter().data(ReportFormat.filtered(analyses, by: filter)))
            } else {
                let layout = PageOptions(paper: paper, annex: annex)
                try out.write(try ReportFormat(rawValue: format)!.render(analyses, color: color, filter: filter, drafting: drafting,
                                                                        layout: layout))
            }
        }
        var problems = failures.map { CLIError.message(for: $0.error) }
        problems += analyses.compactMap(options.languageProblem).map(\.description)
        for problem in problems { Say.line(problem) }
        if !problems.isEmpty { throw ExitCode(2) }
        if let failOn, analyses.contains(where: { $0.report.findings.contains { $0.status.isGap && failOn.counts($0.obligation) } }) {
            throw ExitCode(1)
        }
    }
}

extension PageOptions.Paper: ExpressibleByArgument {}
