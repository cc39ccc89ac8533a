import Foundation
import Testing
import LacunaCore
import LacunaKit

/// French is read by its own vocabulary and idiom packs (Plugins/Shared/rules/fr). Canada's
/// Criminal Code is equally authoritative in English and French: the two texts of the same
/// trafficking sections must come out the same, requirement by requirement.
@Suite struct FrenchTests {
    static func statuses(_ relative: String) throws -> [String: String] {
        let path = Support.shared.appendingPathComponent(relative).path
        let report = try Support.analyzer.analyze(path: path, tradition: nil).report
        return Dictionary(uniqueKeysWithValues: report.findings.map { ($0.requirement, $0.status.rawValue) })
    }

    @Test(.enabled(if: Support.runsSharedTests, Support.needsShared))
    func canadasCriminalCodeSaysTheSameInFrenchAndEnglish() throws {
        let english = try Self.statuses("statutes/ca-criminal-code-279.txt")
        let french = try Self.statuses("statutes-fr/ca-code-criminel-279-fr.txt")
        #expect(english.count == 69 && french.count == 69)
        // Not a vacuous comparison: the English text meets a good part of the catalog.
        #expect(english.values.filter { $0 == "met" }.count >= 15)
        // Where the English reading is the one in error (the French one agrees with the label),
        // the difference is listed here; the test fails once the English side is fixed.
        let englishErrors = ["criminalization.aggravation.child": "the child offence of s. 279.011 (higher minimum) is not read as an aggravation in English"]
        for (id, status) in english.sorted(by: { $0.key < $1.key }) {
            if englishErrors[id] != nil {
                #expect(french[id] != status, "\(id): English and French now agree (\(status)); remove it from englishErrors")
            } else {
                #expect(french[id] == status, "\(id): English \(status), French \(french[id] ?? "none")")
            }
        }
    }

    @Test(.enabled(if: Support.runsSharedTests, Support.needsShared))
    func theFrenchStatutesAreReadInFrench() throws {
        for file in ["ca-code-criminel-279-fr.txt", "fr-code-penal-225-4.txt"] {
            let path = Support.shared.appendingPathComponent("statutes-fr/\(file)").path
            let report = try Support.analyzer.analyze(path: path, tradition: nil).report
            #expect(report.document.language == Language("fr"), "\(file)")
            #expect(report.document.languageRead == true, "\(file)")
            #expect(report.findings.filter { $0.status == .met }.count >= 15, "\(file)")
        }
    }
}
