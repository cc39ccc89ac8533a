import Foundation
import Testing
@testable import LacunaReaders
@testable import LacunaText
import LacunaTestSupport

/// The formats through the built `lacuna` binary, as a user runs it (skipped when the binary
/// has not been built, e.g. when only this test target was built).
@Suite(.serialized) struct FormatCLITests {
    static var binary: URL? { LacunaCommand.binary }

    static func run(_ arguments: [String], path: String? = nil) throws -> LacunaCommand.Result {
        try LacunaCommand.run(arguments, environment: path.map { ["PATH": $0] } ?? [:])
    }

    static func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lacuna-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    static func format(_ json: String) throws -> String? {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return (object?["document"] as? [String: Any])?["format"] as? String
    }

    @Test(.enabled(if: binary != nil, "the lacuna binary is not built"))
    func aPDFWithoutPdftotextOnThePath() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("lacuna-empty-path-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let pdf = try Self.write(Bill.pdf(Bill.text), "bill.pdf")
        let r = try Self.run(["analyze", pdf], path: empty.path)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(r.stderr.contains(pdf) && r.stderr.contains("apt-get install poppler-utils"), "\(r.stderr)")
    }

    @Test(.enabled(if: binary != nil, "the lacuna binary is not built"))
    func wordWithAndWithoutTheChanges() throws {
        let docx = try Self.write(try Bill.docx(), "bill.docx")
        let accepted = try Self.run(["analyze", docx, "--format", "json"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(try Self.format(accepted.stdout) == "docx (tracked changes accepted)")
        let original = try Self.run(["analyze", docx, "--docx-original", "--format", "json"])
        #expect(original.status == 0, "\(original.stderr)")
        #expect(try Self.format(original.stdout) == "docx (text before tracked changes)")
    }

    @Test(.enabled(if: binary != nil, "the lacuna binary is not built"))
    func hostileFilesAreOneLineErrorsWithExitTwo() throws {
        let cases: [([UInt8], String)] = [
            (Array(HostileInputTests.billionLaughs.utf8), "laughs.xml"),
            (Array("just text\n".utf8), "fake.docx"),
            (OLEInspector.magic + OLEInspector.utf16("EncryptedPackage"), "locked.docx"),
            (Array(try Bill.docx().prefix(3000)), "cut.docx"),
        ]
        for (bytes, name) in cases {
            let path = try Self.write(bytes, name)
            let r = try Self.run(["analyze", path])
            #expect(r.status == 2, "\(name): \(r.stderr)")
            #expect(r.stderr.hasPrefix("lacuna: \(path): ") || r.stderr.contains(path), "\(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        }
    }
}
