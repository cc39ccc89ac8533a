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
        Exit status: 0 when the analysis ran, 1 when --fail-on found gaps, 2 for usage or input errors.
        With several files, json prints an array of reports.
        """
    )

    @Argument(help: "The statute or bill files to analyse.")
    var paths: [String]

    @OptionGroup var options: AnalysisOptions

    @Option(help: "Output format: text, json, markdown, html, sarif or csv.")
    var format: String = "text"

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
        guard Self.formats.contains(format) else {
            throw ValidationError("unknown format \(format) (\(Self.formats.joined(separator: ", ")))")
        }
    }

    static let formats = ["text", "json", "markdown", "html", "sarif", "csv"]

    func run() throws {
        let analyzer = try options.makeAnalyzer()
        let choice = try options.choice(for: analyzer)
        let out = Output(path: output)
        let analyses = try paths.map { try analyzer.analyze(path: $0, tradition: choice) }
        switch format {
        case "json" where analyses.count > 1:
            try out.write(String(decoding: try JSONReporter.encoder.encode(analyses.map(\.report)), as: UTF8.self) + "\n")
        case "csv":
            // one header, then the rows of every report
            let bodies = try analyses.map { try CSVReporter().render($0) }
            try out.write(bodies.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.split(separator: "\r\n", maxSplits: 1).last ?? "") }.joined())
        default:
            let rendered = try analyses.map { try reporter(terminal: out.isTerminal).render($0) }
            try out.write(rendered.joined(separator: format == "text" ? "\n" : ""))
        }
        if let failOn, analyses.contains(where: { $0.report.findings.contains { $0.status.isGap && failOn.counts($0.obligation) } }) {
            throw ExitCode(1)
        }
    }

    func reporter(terminal: Bool) -> any Reporter {
        switch format {
        case "json": JSONReporter()
        case "markdown": MarkdownReporter()
        case "html": HTMLReporter()
        case "sarif": SARIFReporter()
        case "csv": CSVReporter()
        default: TextReporter(color: terminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
        }
    }
}
