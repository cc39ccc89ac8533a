import ArgumentParser
import Foundation
import LacunaCore
import LacunaKit

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
        let analysis = try analyzer.analyze(path: path, tradition: try options.choice(for: analyzer))
        let (document, source, choice) = (analysis.document, analysis.source, analysis.tradition)
        let locator = TextLocator(source.utf8)
        print("\(document.title ?? path) — tradition \(choice)\(choice.detected ? " (detected)" : "")")
        for (i, p) in document.provisions.enumerated() {
            let depth = document.ancestry(of: i).count - 1
            var marks: [String] = []
            if document.traffickingOffences.contains(i) { marks.append("trafficking offence") } else if document.traffickingScope.contains(i) { marks.append("used by the offence") }
            if let x = document.exclusion(overlapping: p.range), x.range == p.range || (x.range.lowerBound <= p.range.lowerBound && x.range.upperBound >= p.range.upperBound) {
                marks.append("not law: \(x.reason.rawValue)")
            }
            let heading = p.heading.flatMap { $0 == p.citation ? nil : " — \($0)" } ?? ""
            let label = p.citation.isEmpty ? "(text)" : p.citation
            print(String(repeating: "  ", count: depth) + "\(label)\(heading)  [line \(locator.line(p.range.lowerBound))]" + (marks.isEmpty ? "" : "  {\(marks.joined(separator: "; "))}"))
        }
        if excluded {
            print("\nnot law:")
            for x in document.excluded where x.reason != .numbering {
                let text = source.slice(x.range).split(whereSeparator: \.isNewline).joined(separator: " ")
                print("  line \(locator.line(x.range.lowerBound)) \(x.reason.rawValue): \(text.prefix(90))")
            }
        }
    }
}
