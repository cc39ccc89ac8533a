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
        if let output { try OutputTarget.check(output, against: paths + options.rulePacks) }
        let out = Output(path: output)
        // Every file is tried; the ones that fail are reported after, and exit 2.
        var (analyses, failures) = analyzer.analyze(paths: paths, tradition: choice)
        if let title { for i in analyses.indices { analyses[i].setTitle(title) } }
        let color = out.isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        if !analyses.isEmpty {
            if format == Self.docx {
                try out.write(try DocxReporter().data(analyses))
            } else {
                let layout = PageOptions(paper: paper, annex: annex)
                try out.write(try ReportFormat(rawValue: format)!.render(analyses, color: color, layout: layout))
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
