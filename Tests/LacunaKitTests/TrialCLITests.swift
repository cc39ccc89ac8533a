import Foundation
import Testing
import LacunaCore
import LacunaTestSupport

/// What a careful user's trial found at the command line (issue 12): each case trapped,
/// failed silently or printed something it should not have.
@Suite(.serialized) struct TrialCLITests {
    static let sample = Support.root.appendingPathComponent("Corpora/weak-draft/bill.txt").path

    /// One line on standard error after `lacuna: `, exit 2, no backtrace.
    func expectOneLineError(_ r: CLI.Result, containing words: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == 2, "exit \(r.status): \(r.stderr)", sourceLocation: sourceLocation)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.hasPrefix("lacuna: "), "\(r.stderr)", sourceLocation: sourceLocation)
        for w in words { #expect(r.stderr.contains(w), "no \(w) in: \(r.stderr)", sourceLocation: sourceLocation) }
    }

    @Test(arguments: ["", "+", "common+"])
    func emptyTraditionsAreOneLineErrors(_ value: String) throws {
        expectOneLineError(try CLI.run(["analyze", Self.sample, "--tradition", value]), containing: ["\"\(value)\""])
        expectOneLineError(try CLI.run(["outline", Self.sample, "--tradition", value]), containing: ["\"\(value)\""])
        expectOneLineError(try CLI.run(["rules", "--tradition", value]), containing: ["\"\(value)\""])
        expectOneLineError(try CLI.run(["batch", Self.sample, "--no-db", "-q", "--tradition", value]), containing: ["\"\(value)\""])
    }

    @Test func theManifestTraditionWordsWorkOnTheCommandLine() throws {
        for word in ["common", "civil", "islamic", "mixed", "civil+islamic"] {
            let r = try CLI.run(["analyze", Self.sample, "--format", "json", "--tradition", word])
            #expect(r.status == 0, "\(word): \(r.stderr)")
        }
    }

    @Test func aManifestRowWithAnEmptyTraditionNamesItsLine() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let manifest = try Support.write("path,tradition\n\(Self.sample),common\n\(Self.sample),+\n", "m.csv", in: dir)
        expectOneLineError(try CLI.run(["batch", manifest.path, "--no-db", "-q"]), containing: ["m.csv:3", "\"+\""])
    }
}
