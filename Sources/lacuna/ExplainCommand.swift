import ArgumentParser
import Foundation
import LacunaCore
import LacunaKit
import LacunaReports

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show why a requirement got its status in a file: the evidence, the rules that found it, and what was looked for."
    )

    @Argument(help: "A requirement id, e.g. definition.consent-irrelevant.")
    var requirement: String

    @Argument(help: "The statute or bill file.")
    var path: String

    @OptionGroup var options: AnalysisOptions

    func run() throws {
        let analyzer = try options.makeAnalyzer()
        let req = try analyzer.catalog.requirement(requirement)
        let analysis = try analyzer.analyze(path: path, tradition: try options.choice(for: analyzer), language: try options.languageChoice())
        guard let explanation = Explanation(req, in: analysis) else { throw UsageError("unknown requirement \(requirement)") }
        print(ExplanationRenderer.text(explanation))
        if let problem = options.languageProblem(analysis) { throw problem }
    }
}
