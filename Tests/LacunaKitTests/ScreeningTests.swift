import Foundation
import Testing
import LacunaCore
import LacunaKit

/// Screening documents for the literals patterns need (and trying patterns only where their
/// matches can begin) is an optimisation: it must never change a finding or its evidence.
@Suite struct ScreeningTests {
    static let unscreened: Analyzer = try! Analyzer(screening: false)

    /// Every Corpora sample and every development statute beside the repository.
    static let texts: [String] = {
        let fm = FileManager.default
        var paths: [String] = []
        let corpora = Support.root.appendingPathComponent("Corpora")
        for name in (try? fm.contentsOfDirectory(atPath: corpora.path)) ?? [] {
            let bill = corpora.appendingPathComponent("\(name)/bill.txt").path
            if fm.fileExists(atPath: bill) { paths.append(bill) }
        }
        let statutes = Support.shared.appendingPathComponent("statutes")
        for name in (try? fm.contentsOfDirectory(atPath: statutes.path)) ?? [] where name.hasSuffix(".txt") {
            paths.append(statutes.appendingPathComponent(name).path)
        }
        return paths.sorted()
    }()

    @Test func thereAreTextsToCompare() {
        #expect(Self.texts.count >= 16)
    }

    /// The statutes are most of what this suite compares: without ../shared it would shrink
    /// to the Corpora samples, so it says so (skipped with a message, a failure on CI).
    @Test(.enabled(if: Support.runsSharedTests, Support.needsShared))
    func theDevelopmentStatutesAreCompared() {
        #expect(Self.texts.filter { $0.hasPrefix(Support.shared.path) }.count >= 16,
                "no development statutes in \(Support.shared.path)/statutes: the comparison covers only Corpora")
    }

    @Test(arguments: texts)
    func screeningChangesNothing(_ path: String) throws {
        for tradition in ["common-law", "civil-law", "islamic-law"] {
            let choice = TraditionChoice(traditions: [Tradition(tradition)], detected: false)
            let screened = try Support.analyzer.analyze(path: path, tradition: choice).report
            let plain = try Self.unscreened.analyze(path: path, tradition: choice).report
            #expect(screened.findings == plain.findings, "\(path) as \(tradition)")
        }
    }
}
