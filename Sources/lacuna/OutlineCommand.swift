import ArgumentParser
import Foundation
import LacunaCore
import LacunaKit
import LacunaReports

struct OutlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline",
        abstract: "Show how a file was read: its provision tree, what is not law, and which provisions were read as the trafficking offence."
    )

    @Argument(help: "The statute or bill file.")
    var path: String

    @OptionGroup var options: AnalysisOptions

    @Flag(help: "Also list the spans excluded as not law (headings, front matter, editorial notes, repealed text).")
    var excluded = false

    func run() throws {
        let analyzer = try options.makeAnalyzer()
        let analysis = try analyzer.analyze(path: path, tradition: try options.choice(for: analyzer), language: try options.languageChoice())
        print(OutlineRenderer.text(analysis, excluded: excluded), terminator: "")
        if let problem = analysis.unreadLanguage {
            // The outline shows structure, not findings: a warning, not an error.
            Say.warning("\(problem.path): \(UnreadLanguage.sentence(problem.language, read: problem.read))")
        }
    }
}
