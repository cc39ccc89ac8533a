import ArgumentParser
import Foundation
import LacunaCore
import LacunaKit
import LacunaReports

struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "List the requirements every report judges."
    )

    @Option(help: "Output format: text or json.")
    var format: String = "text"

    @Option(help: "Only this area (definition, criminalization, ...).")
    var area: String?

    func run() throws {
        let analyzer = try Analyzer()
        let catalog = analyzer.catalog
        if let area, !catalog.areas.contains(where: { $0.id == area }) {
            throw UsageError("unknown area \(area) (\(catalog.areas.map(\.id).joined(separator: ", ")))")
        }
        let requirements = catalog.requirements.filter { area == nil || $0.area == area }
        if format == "json" {
            print(String(decoding: try JSONReporter.encoder.encode(requirements), as: UTF8.self))
            return
        }
        for a in catalog.areas where area == nil || a.id == area {
            print("\n\(a.title) (\(a.id))")
            for r in requirements where r.area == a.id {
                print("  \(r.id.padding(toLength: 45, withPad: " ", startingAt: 0)) \(r.obligation.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(r.title)")
            }
        }
        print("\n\(requirements.count) requirements; catalog version \(catalog.version)")
    }
}
