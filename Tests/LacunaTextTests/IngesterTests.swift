import Foundation
import Testing
@testable import LacunaReaders
@testable import LacunaText

@Suite struct IngesterTests {
    func file(_ bytes: [UInt8], _ name: String = "doc.txt") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lacuna-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func problem(_ path: String, _ ingester: Ingester = Ingester()) -> String? {
        do {
            _ = try ingester.read(path: path)
            return nil
        } catch let e as InputError {
            #expect(e.path == path)
            return e.problem
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func readsUTF8AndStripsTheBOM() throws {
        let path = try file([0xEF, 0xBB, 0xBF] + Array("Article 1. Text é".utf8))
        let source = try Ingester().read(path: path)
        #expect(source.text == "Article 1. Text é")
        #expect(source.contentHash.count == 64)
    }

    @Test func readsUTF16WithABOM() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in "Loi — §1".utf16 { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        #expect(try Ingester().read(path: try file(bytes)).text == "Loi — §1")
    }

    @Test func badInputGetsAClearErrorNamingTheFile() throws {
        #expect(problem("/nonexistent/law.txt") == "no such file")
        #expect(problem(try file([])) == "is empty")
        #expect(problem(try file(Array("  \n\t ".utf8)))?.contains("empty") == true)
        #expect(problem(try file([0x41, 0x00, 0x42, 0x43]))?.contains("binary") == true)
        #expect(problem(try file(Array("Text ".utf8) + [0xC3, 0x28]), Ingester(encoding: .utf8))?.contains("not valid UTF-8 (byte 5, line 1)") == true)
        #expect(problem(try file(Array("Text ".utf8) + [0xC3, 0x28, 0x01]))?.contains("not valid UTF-8 (byte 5, line 1)") == true)
        #expect(problem(try file([0x50, 0x4B, 0x03, 0x04, 0x00]))?.contains("ZIP") == true)
        #expect(problem(try file(Array("%PDF-1.7".utf8)))?.contains("PDF") == true)
        #expect(problem(try file(Array(repeating: 0x61, count: 2048)), Ingester(maxBytes: 1024))?.contains("limit") == true)
        let dir = FileManager.default.temporaryDirectory.path
        #expect(problem(dir)?.contains("directory") == true)
    }

    /// A symbolic link in a loop, or to nothing, used to be "no such file".
    @Test func symbolicLinksThatLeadNowhereAreNamedSo() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lacuna-links-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.txt").path, b = dir.appendingPathComponent("b.txt").path
        try FileManager.default.createSymbolicLink(atPath: a, withDestinationPath: b)
        try FileManager.default.createSymbolicLink(atPath: b, withDestinationPath: a)
        let loop = try #require(problem(a))
        #expect(loop.contains("symbolic link") && loop.contains("loop"), "\(loop)")
        let dangling = dir.appendingPathComponent("gone.txt").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "missing-target.txt")
        let nowhere = try #require(problem(dangling))
        #expect(nowhere.contains("symbolic link") && nowhere.contains("missing-target.txt"), "\(nowhere)")
        #expect(problem(dir.appendingPathComponent("absent.txt").path) == "no such file")
    }

    @Test func theSizeLimitInMegabytesIsChecked() throws {
        #expect(try Ingester.maxBytes(megabytes: 50) == 50 * 1024 * 1024)
        for bad in [-5, 0, Int.max, Int.max / 1024] {
            do {
                _ = try Ingester.maxBytes(megabytes: bad)
                Issue.record("\(bad) accepted")
            } catch let e as InputError {
                #expect(e.problem.contains("--max-size \(bad)"), "\(e)")
            } catch {
                #expect(String(describing: error).contains("--max-size \(bad)"), "\(error)")
            }
        }
    }

    @Test func latin1IsDetectedAndSaidSo() throws {
        let path = try file([0x4C, 0x6F, 0x69, 0x20, 0xE9])
        let detected = try Ingester().read(path: path)
        #expect(detected.text == "Loi é")
        #expect(detected.format == "text (latin-1 detected)")
        #expect(problem(path, Ingester(encoding: .utf8))?.contains("latin-1") == true)
        #expect(try Ingester(encoding: .latin1).read(path: path).text == "Loi é")
        #expect(try Ingester(encoding: .latin1).read(path: path).format == "text")
    }
}
