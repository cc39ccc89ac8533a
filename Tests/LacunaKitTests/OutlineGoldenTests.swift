import Foundation
import Testing
import LacunaCore
import LacunaKit
import LacunaReports

/// How each Corpora sample is read — its provision tree, the trafficking offence and what it
/// uses, and every span excluded as not law (`lacuna outline --excluded`) — compared with a
/// committed golden file (Tests/LacunaKitTests/Golden/<sample>.outline). A change in
/// segmentation or resolution shows here as a readable diff even when no finding changes.
/// After an intended change, regenerate with `LACUNA_UPDATE_GOLDEN=1 swift test --filter
/// OutlineGoldenTests` and review the diff.
@Suite struct OutlineGoldenTests {
    @Test(arguments: CorporaTests.samples)
    func matchesTheGoldenOutline(_ sample: String) throws {
        let rendered = OutlineRenderer.text(try GoldenTests.analysis(sample), excluded: true)
        let file = GoldenTests.golden.appendingPathComponent("\(sample).outline")
        if ProcessInfo.processInfo.environment["LACUNA_UPDATE_GOLDEN"] != nil {
            try Data(rendered.utf8).write(to: file)
            return
        }
        guard FileManager.default.fileExists(atPath: file.path) else {
            Issue.record("no golden outline for \(sample): generate it with LACUNA_UPDATE_GOLDEN=1 and review it")
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(rendered == expected, "\(sample).outline differs from its golden file; if the change is intended, regenerate with LACUNA_UPDATE_GOLDEN=1")
    }
}
