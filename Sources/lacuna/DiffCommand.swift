import ArgumentParser
import Foundation
import LacunaCore
import LacunaKit
import LacunaReports

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two drafts of a bill: gaps closed, opened and remaining, status changes, evidence whose words changed, and a redline of the provisions whose findings changed.",
        discussion: "Exit status: 0, or 1 with --fail-on-regression when a gap opened or a status got worse; 2 for usage or input errors."
    )

    @Argument(help: "The older draft.")
    var old: String

    @Argument(help: "The newer draft.")
    var new: String

    @OptionGroup var options: AnalysisOptions

    @OptionGroup var language: ReportLanguageOption

    @Option(help: "Output format: text, json, markdown or html.")
    var format: String = "text"

    @Option(name: .shortAndLong, help: "Write the diff to this file instead of standard output.")
    var output: String?

    @Flag(help: "Exit 1 when a gap opened or a finding got worse.")
    var failOnRegression = false

    @Option(help: ArgumentHelp("A review file (see analyze --review) applied to both drafts; a decision whose evidence changed is stale and not applied.", valueName: "review.yml"))
    var review: String?

    func validate() throws {
        guard DiffRenderer.Format(rawValue: format) != nil else {
            throw ValidationError("unknown format \(format) (\(DiffRenderer.Format.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
    }

    func run() throws {
        let analyzer = try options.makeAnalyzer()
        let reportLanguage = try language.language(for: analyzer)
        if let output { try OutputTarget.check(output, against: [old, new] + options.rulePacks) }
        // Both drafts are read with the same plugin: the tradition of the old one unless given.
        var choice = try options.choice(for: analyzer)
        var oldAnalysis = try analyzer.analyze(path: old, tradition: choice, language: try options.languageChoice())
        if choice == nil { choice = oldAnalysis.tradition }
        var newAnalysis = try analyzer.analyze(path: new, tradition: choice, language: try options.languageChoice())
        if let reportLanguage {
            try analyzer.write(&oldAnalysis, in: reportLanguage)
            try analyzer.write(&newAnalysis, in: reportLanguage)
        }
        if let review {
            try analyzer.applyReview(path: review, to: &oldAnalysis)
            try analyzer.applyReview(path: review, to: &newAnalysis)
        }
        let diff = ReportDiff(old: oldAnalysis, new: newAnalysis)
        let out = Output(path: output)
        try out.write(try DiffRenderer(format: DiffRenderer.Format(rawValue: format)!).render(diff))
        let unread = [oldAnalysis, newAnalysis].compactMap(options.languageProblem)
        for problem in unread { Say.line(problem.description) }
        if !unread.isEmpty { throw ExitCode(2) }
        if failOnRegression && diff.hasRegression { throw ExitCode(1) }
    }
}
