import Foundation
import Testing
import LacunaCore
import LacunaKit
import LacunaReaders
import LacunaReports
import LacunaTestSupport

/// `--format docx`: the Word report, read back with Lacuna's own Word reader.
@Suite(.serialized) struct DocxReportTests {
    static let sample = Support.root.appendingPathComponent("Corpora/weak-draft/bill.txt").path

    /// The text Word would show of a .docx, as Lacuna's reader reads it.
    static func readBack(_ data: Data) throws -> String {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("report.docx")
        try data.write(to: url)
        return try Ingester().read(path: url.path).text
    }

    @Test func theWordReportHoldsEveryPartOfTheAssessment() throws {
        let analysis = try Support.analyzer.analyze(path: Self.sample, tradition: nil)
        let report = analysis.report
        let text = try Self.readBack(try DocxReporter().data([analysis]))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "Gap analysis: \(report.document.displayTitle)")
        for heading in ["Executive summary", "Coverage by area", "Most serious findings", "Findings", "Recommendations"] {
            #expect(lines.contains(heading), "no heading \(heading)")
        }
        // The counts table: a header row and a row of the four totals, cells tab-separated.
        #expect(text.contains("Met\tPartial\tMissing\tConflict\n\(report.summary.totals.met)\t\(report.summary.totals.partial)\t\(report.summary.totals.missing)\t\(report.summary.totals.conflict)"))
        for area in report.summary.areas {
            let row = lines.first { $0.hasPrefix(area.title + "\t") }
            #expect(row?.hasSuffix("\t\(Int((area.all.coverage * 100).rounded()))%") == true, "coverage row of \(area.title)")
        }
        for f in report.findings {
            #expect(text.contains(f.title), "finding \(f.requirement)")
            if let e = f.evidence.first { #expect(text.contains(Self.flat(e.text)), "evidence quote of \(f.requirement)") }
        }
        // Every finding says why, as in the other formats.
        let withWhy = report.findings.compactMap(\.why)
        #expect(withWhy.count == report.findings.count)
        for why in withWhy { #expect(text.contains(Self.flat(why)), "why: \(why)") }
        let gaps = report.findings.filter { $0.status.isGap }
        #expect(!gaps.isEmpty)
        for f in gaps {
            #expect(text.contains(Self.flat(try #require(f.recommendation))), "recommendation of \(f.requirement)")
            if let drafting = f.drafting { #expect(text.contains(Self.flat(drafting)), "drafting of \(f.requirement)") }
        }
        // Recommendations follow the order of seriousness, as in the other formats.
        let recs = text.components(separatedBy: "\nRecommendations\n").last ?? ""
        let order = ReportSummary.bySeriousness(report.findings).compactMap { f in recs.range(of: "] \(f.title)\n")?.lowerBound }
        #expect(order.count == gaps.count && order == order.sorted())
    }

    @Test func severalDocumentsMakeOneFile() throws {
        let other = Support.root.appendingPathComponent("Corpora/common-law-act").path
        let path = try #require(try FileManager.default.contentsOfDirectory(atPath: other).first { $0.hasSuffix(".txt") })
        let analyses = [try Support.analyzer.analyze(path: Self.sample, tradition: nil),
                        try Support.analyzer.analyze(path: other + "/" + path, tradition: nil)]
        let text = try Self.readBack(try DocxReporter().data(analyses))
        for a in analyses { #expect(text.contains("Gap analysis: \(a.report.document.displayTitle)\n")) }
        #expect(text.components(separatedBy: "\nExecutive summary\n").count == 3)
    }

    @Test func theCommandWritesTheWordFile() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("weak.docx").path
        let r = try LacunaCommand.run(["analyze", Self.sample, "--format", "docx", "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let written = try Data(contentsOf: URL(fileURLWithPath: out))
        let analysis = try Support.analyzer.analyze(path: Self.sample, tradition: nil)
        #expect(written == (try DocxReporter().data([analysis])), "the command writes what the reporter makes")
        // Standard output that is not a terminal (a pipe here) takes the file too.
        let piped = try LacunaCommand.run(["analyze", Self.sample, "--format", "docx"])
        #expect(piped.status == 0 && piped.stdout.utf8.starts(with: [0x50, 0x4B]))
        let bad = try LacunaCommand.run(["analyze", Self.sample, "--format", "doc"])
        #expect(bad.status != 0 && bad.stderr.contains("docx"), "the error lists docx among the formats")
    }

    /// On a terminal (a pseudo-terminal made by util-linux's `script`), the binary file is refused.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs util-linux's script for a terminal"))
    func theWordFileIsNotWrittenToATerminal() throws {
        let binary = try #require(LacunaCommand.binary)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "'\(binary.path)' analyze '\(Self.sample)' --format docx", "/dev/null"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(printed.contains("--format docx writes a binary Word file; give -o"), "\(printed)")
        #expect(!printed.contains("PK"), "no ZIP bytes reached the terminal")
    }

    static func flat(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
    }
}

