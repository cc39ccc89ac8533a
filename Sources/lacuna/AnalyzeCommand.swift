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

    @Option(help: "Output format: text or json.")
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
        guard ["text", "json"].contains(format) else {
            throw ValidationError("unknown format \(format) (text, json)")
        }
    }

    func run() throws {
        let analyzer = try options.makeAnalyzer()
        let choice = try options.choice(for: analyzer)
        let out = Output(path: output)
        var reports: [Report] = []
        for path in paths {
            reports.append(try analyzer.analyze(path: path, tradition: choice))
        }
        switch format {
        case "json":
            if reports.count == 1 {
                try out.write(try JSONReporter().render(reports[0]))
            } else {
                try out.write(String(decoding: try JSONReporter.encoder.encode(reports), as: UTF8.self) + "\n")
            }
        default:
            let reporter = TextReporter(color: out.isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
            try out.write(try reports.map { try reporter.render($0) }.joined(separator: "\n"))
        }
        if let failOn, reports.contains(where: { $0.findings.contains { $0.status.isGap && failOn.counts($0.obligation) } }) {
            throw ExitCode(1)
        }
    }
}
