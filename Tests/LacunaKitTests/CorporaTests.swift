import Foundation
import Testing
import LacunaCore
import LacunaKit

/// The sample bills in Corpora/ are written by the project; each has the findings a reader
/// following JUDGING.md expects. The analyzer must reproduce them exactly.
@Suite struct CorporaTests {
    static let samples: [String] = {
        let dir = Support.root.appendingPathComponent("Corpora")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: dir.appendingPathComponent("\($0)/expected.tsv").path) }.sorted()
    }()

    @Test func thereAreAtLeastThreeSamples() {
        #expect(Self.samples.count >= 3)
        #expect(Self.samples.contains("common-law-act") && Self.samples.contains("civil-law-code") && Self.samples.contains("weak-draft"))
    }

    @Test(arguments: samples)
    func findingsMatchTheExpectedOnes(_ sample: String) throws {
        let dir = Support.root.appendingPathComponent("Corpora/\(sample)")
        let report = try Support.analyzer.analyze(path: dir.appendingPathComponent("bill.txt").path, tradition: nil).report
        let expected = try String(contentsOf: dir.appendingPathComponent("expected.tsv"), encoding: .utf8)
        // Known differences: the human judgement stays in expected.tsv; the analyzer's current
        // answer and the reason are listed here, and the test fails once it no longer differs.
        var known: [String: String] = [:]
        if let text = try? String(contentsOf: dir.appendingPathComponent("known-differences.tsv"), encoding: .utf8) {
            for line in text.split(separator: "\n").dropFirst() {
                let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                #expect(cols.count == 3 && !cols[2].isEmpty, "\(sample)/known-differences.tsv: each row needs a requirement, the analyzer's status and a reason")
                known[cols[0]] = cols[1]
            }
        }
        var rows = 0
        for line in expected.split(separator: "\n").dropFirst() {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            rows += 1
            let finding = try #require(report.finding(cols[0]), "no finding for \(cols[0])")
            if let analyzer = known[cols[0]] {
                #expect(finding.status.rawValue == analyzer && analyzer != cols[1],
                        "\(sample): \(cols[0]) is listed as a known difference (\(analyzer) instead of \(cols[1])) but the analyzer now says \(finding.status.rawValue); update known-differences.tsv")
            } else {
                #expect(finding.status.rawValue == cols[1], "\(sample): \(cols[0]) expected \(cols[1]), got \(finding.status.rawValue) — \(finding.explanation)")
            }
        }
        #expect(rows == report.findings.count)
    }
}
