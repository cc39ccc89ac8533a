import Foundation
import Testing
import LacunaCatalog
import LacunaCore
import LacunaKit

@Suite struct CatalogTests {
    @Test(.enabled(if: Support.runsSharedTests, Support.needsShared))
    func catalogAndSpecHaveTheSameRequirementsInTheSameOrder() throws {
        let catalog = try CatalogLoader.bundled()
        let spec = try Support.specRequirements()
        #expect(spec.count == 69)
        #expect(catalog.requirements.map(\.id) == spec.map(\.id))
        for (r, s) in zip(catalog.requirements, spec) {
            #expect(r.area == s.area, "\(r.id)")
            #expect(r.obligation.rawValue == s.obligation, "\(r.id)")
        }
    }

    @Test(.enabled(if: Support.runsSharedTests, Support.needsShared))
    func everyRequirementCarriesItsAdvice() throws {
        let catalog = try CatalogLoader.bundled()
        for r in catalog.requirements {
            #expect(!r.title.isEmpty && !r.asks.isEmpty && !r.recommendation.isEmpty, "\(r.id)")
            #expect(!r.sources.isEmpty, "\(r.id)")
            #expect(r.drafting["common-law"]?.isEmpty == false && r.drafting["civil-law"]?.isEmpty == false, "\(r.id)")
        }
        // conflicts are possible exactly where the spec names what contradicts a requirement
        let text = try String(contentsOf: Support.shared.appendingPathComponent("spec/requirements.tsv"), encoding: .utf8)
        for line in text.split(separator: "\n").dropFirst() {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            let hasConflict = cols.count > 5 && !cols[5].trimmingCharacters(in: .whitespaces).isEmpty
            #expect((catalog[String(cols[0])]?.conflictWhen != nil) == hasConflict, "\(cols[0])")
        }
    }

    @Test func aBrokenCatalogFileIsAnErrorNamingIt() throws {
        let dir = try Support.temporaryDirectory()
        _ = try Support.write("area: definition\ntitle: x\nsummary: y\nrequirements:\n  - id: definition.x\n", "definition.yml", in: dir)
        #expect(throws: CatalogError.self) { try CatalogLoader.load(directory: dir, areaOrder: ["definition"]) }
        #expect(throws: CatalogError.self) { try CatalogLoader.load(directory: dir, areaOrder: ["status"]) }
    }
}

@Suite struct RegistryTests {
    @Test func pluginsAreRegisteredExplicitlyOnePerTradition() {
        let registry = PluginRegistry.standard
        #expect(registry.traditions == [.commonLaw, .civilLaw, .islamicLaw])
        #expect(Set(registry.traditions).count == registry.plugins.count)
        #expect(!registry.sharedPacks.isEmpty)
        for plugin in registry.plugins {
            #expect(!plugin.rulePacks.isEmpty, "\(plugin.tradition) bundles no rule pack")
        }
    }

    @Test(arguments: [Tradition.commonLaw, .civilLaw, .islamicLaw])
    func eachPluginCoversEveryRequirementOrSaysWhyNot(_ tradition: Tradition) throws {
        let analyzer = Support.analyzer
        let set = try analyzer.ruleSet(for: TraditionChoice(traditions: [tradition], detected: false))
        let covered = Set(set.rules.flatMap(\.spec.requirements))
        let leftOut = Set(analyzer.registry.plugin(for: tradition)!.leavesOut.keys)
        for r in analyzer.catalog.requirements {
            #expect(covered.contains(r.id) || leftOut.contains(r.id), "\(tradition) has no rule for \(r.id) and does not list it in leavesOut")
        }
    }

    @Test func traditionDetection() {
        let detector = TraditionDetector(registry: .standard)
        #expect(detector.detect("3. (1) A person commits an offence if ... is liable on conviction on indictment to imprisonment.") == .commonLaw)
        #expect(detector.detect("Article 12 bis. Whosoever recruits a person shall be punished by imprisonment from two to ten years.") == .civilLaw)
        #expect(detector.detect("Article (5): Whoever deals in a natural person shall be punished by a fine of not less than one hundred thousand riyals and temporary imprisonment.") == .islamicLaw)
    }
}
