import Foundation
import LacunaCore
import Testing
@testable import LacunaReaders
@testable import LacunaText

/// Inputs the fuzzer (scripts/fuzz.sh) found, kept after their fix.
@Suite struct FuzzRegressionTests {
    func problem(_ bytes: [UInt8], _ path: String = "fuzz.docx") -> String? {
        do {
            _ = try Ingester().decode(bytes, path: path)
            return nil
        } catch let e as InputError {
            #expect(e.path == path)
            return e.problem
        } catch {
            return "unexpected \(error)"
        }
    }

    /// A ZIP directory entry pointing past the end of the data trapped inside ZIPFoundation's
    /// in-memory archive (a range with lowerBound > upperBound). Fixed by never reading
    /// untrusted bytes through an in-memory archive.
    @Test func aZipEntryOffsetPastTheEndOfTheData() throws {
        var bytes = try Bill.docx()
        let directory = try #require(XMLSafety.find([0x50, 0x4B, 0x01, 0x02], in: bytes[...]))
        bytes.replaceSubrange((directory + 42)..<(directory + 46), with: [0xFF, 0xFF, 0xFF, 0x0F])
        #expect(problem(bytes) == "is a corrupt Word file (its ZIP directory lists 8 entries but only 0 can be read)")
    }

    /// A file that starts like a ZIP but has no end record was scanned byte by byte from end
    /// to start by ZIPFoundation (about a minute for 200 MB).
    @Test func aZipWithoutAnEndRecord() {
        let bytes: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 1 << 20)
        #expect(problem(bytes)?.contains("no central directory") == true)
    }
}
