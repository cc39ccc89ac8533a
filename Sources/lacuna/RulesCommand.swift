import ArgumentParser
import Foundation
import LacunaCore
import LacunaKit
import LacunaReports

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules of a tradition's plugin (and any --rules packs), or check their examples."
    )

    @OptionGroup var options: AnalysisOptions

    @Option(help: "Only rules bearing on this requirement.")
    var requirement: String?

    @Option(help: "Output format: text or json.")
    var format: String = "text"

    @Flag(help: "Run every rule's examples and report failures (exit 1 when any fails).")
    var check = false

    func run() throws {
        let analyzer = try options.makeAnalyzer()
        if let requirement { _ = try analyzer.catalog.requirement(requirement) }
        let choice = try options.choice(for: analyzer) ?? TraditionChoice(traditions: analyzer.registry.traditions, detected: false)
        let set = try analyzer.ruleSet(for: choice)
        if check {
            let failures = try ExampleChecker(analyzer: analyzer).check(set, tradition: choice)
            for f in failures { print(DisplayText.visible("\(f)", keeping: ["\n"])) }
            print("\(set.rules.count) rules, \(set.rules.reduce(0) { $0 + $1.spec.matchExamples.count + $1.spec.noMatchExamples.count }) examples, \(failures.count) failures")
            if !failures.isEmpty { throw ExitCode(1) }
            return
        }
        let rules = set.rules.map(\.spec).filter { requirement == nil || $0.requirements.contains(requirement!) }
        if format == "json" {
            print(String(decoding: try JSONReporter.encoder.encode(rules.map(\.info)), as: UTF8.self))
            return
        }
        for r in rules {
            print(DisplayText.visible("\(r.id)\n    \(r.effect.rawValue) \(r.requirements.joined(separator: ", ")) [\(r.scope.rawValue)] — \(r.summary)", keeping: ["\n"]))
        }
        print("\n\(rules.count) rules for \(choice); rules version \(set.version)")
    }
}
