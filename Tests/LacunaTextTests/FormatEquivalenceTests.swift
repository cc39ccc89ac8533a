import Foundation
import LacunaCore
import LacunaKit
import Testing
@testable import LacunaReaders
@testable import LacunaText

/// The same bill as plain text, Word, HTML, Akoma Ntoso and PDF must give the same status for
/// every requirement of the catalog.
@Suite(.serialized) struct FormatEquivalenceTests {
    static let analyzer: Analyzer = try! Analyzer()

    static func directory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lacuna-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let url = try directory().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Each requirement's status and the sections its evidence cites. Every evidence span
    /// must point at its words in the text as shown (`SourceText.text`), whatever the format.
    static func statuses(_ source: SourceText) throws -> [String: String] {
        let report = try analyzer.analyze(source).report
        let scalars = Array(source.text.unicodeScalars)
        for finding in report.findings {
            for e in finding.evidence {
                #expect(e.start < e.end && e.end <= scalars.count, "\(finding.requirement): span \(e.start)..<\(e.end)")
                guard e.start < e.end, e.end <= scalars.count else { continue }
                var shown = String.UnicodeScalarView()
                shown.append(contentsOf: scalars[e.start..<e.end])
                let lineStart = scalars[..<e.start].lastIndex(of: "\n").map { $0 + 1 } ?? 0
                #expect(e.column == e.start - lineStart + 1, "\(finding.requirement): column")
                #expect(String(shown) == e.text || e.text.contains(String(shown)) || String(shown).contains(e.text),
                        "\(finding.requirement) in \(source.format): \(e.text) vs \(String(shown))")
            }
        }
        return Dictionary(uniqueKeysWithValues: report.findings.map {
            ($0.requirement, $0.status.rawValue + " " + $0.evidence.map { $0.section ?? "-" }.joined(separator: ", "))
        })
    }

    static func differences(_ a: [String: String], _ b: [String: String]) -> [String] {
        Set(a.keys).union(b.keys).sorted().compactMap { k in a[k] == b[k] ? nil : "\(k): text \(a[k] ?? "-") vs \(b[k] ?? "-")" }
    }

    static let plain: SourceText = try! Ingester().read(path: try! write(Array(Bill.text.utf8), "bill.txt"))
    static let plainStatuses: [String: String] = try! statuses(plain)

    @Test func thePlainTextBillHasAVarietyOfFindings() throws {
        let values = Set(Self.plainStatuses.values.map { $0.split(separator: " ")[0] })
        #expect(Self.plainStatuses.count == 69)
        #expect(values.contains("met") && values.contains("missing"), "\(values)")
    }

    @Test func wordGivesTheSameFindings() throws {
        let source = try Ingester().read(path: try Self.write(try Bill.docx(), "bill.docx"))
        #expect(source.format == "docx (tracked changes accepted)")
        let d = Self.differences(Self.plainStatuses, try Self.statuses(source))
        #expect(d.isEmpty, "\(d)\n\(source.text)")
    }

    @Test func theWordTextBeforeTheChangesGivesItsOwnFindings() throws {
        let source = try Ingester(docxRevisions: .original).read(path: try Self.write(try Bill.docx(), "bill.docx"))
        let report = try Self.analyzer.analyze(source).report
        let consent = try #require(report.findings.first { $0.requirement == "definition.consent-irrelevant" })
        // The deleted sentence made consent a defence.
        #expect(consent.status == .conflict)
        #expect(Self.plainStatuses["definition.consent-irrelevant"]?.hasPrefix("met") == true)
    }

    @Test func htmlGivesTheSameFindings() throws {
        let source = try Ingester().read(path: try Self.write(Array(Bill.html.utf8), "bill.html"))
        #expect(source.format == "html")
        let d = Self.differences(Self.plainStatuses, try Self.statuses(source))
        #expect(d.isEmpty, "\(d)\n\(source.text)")
    }

    @Test func akomaNtosoGivesTheSameFindings() throws {
        let source = try Ingester().read(path: try Self.write(Array(Bill.akomaNtoso.utf8), "bill.xml"))
        #expect(source.format == "akn")
        let d = Self.differences(Self.plainStatuses, try Self.statuses(source))
        #expect(d.isEmpty, "\(d)\n\(source.text)")
    }

    @Test(.enabled(if: PDFReader().locate() != nil, "pdftotext is not installed"))
    func pdfGivesTheSameFindings() throws {
        let source = try Ingester().read(path: try Self.write(Bill.pdf(Bill.text), "bill.pdf"))
        #expect(source.format == "pdf")
        let d = Self.differences(Self.plainStatuses, try Self.statuses(source))
        #expect(d.isEmpty, "\(d)\n\(source.text)")
    }

    /// Citations and nesting of every provision, as the segmenter finds them.
    static func tree(_ source: SourceText) throws -> [String] {
        let document = try analyzer.analyze(source).document
        return document.provisions.map { p in
            "\(p.kind) \(p.citation)" + (p.parent.map { " in \(document.provisions[$0].citation)" } ?? "")
        }
    }

    @Test func everyFormatGivesTheSameProvisionTree() throws {
        let expected = try Self.tree(Self.plain)
        #expect(expected.count > 30)
        var sources = [
            try Ingester().decode(try Bill.docx(), path: "bill.docx"),
            try Ingester().decode(Array(Bill.html.utf8), path: "bill.html"),
            try Ingester().decode(Array(Bill.akomaNtoso.utf8), path: "bill.xml"),
        ]
        if PDFReader().locate() != nil { sources.append(try Ingester().decode(Bill.pdf(Bill.text), path: "bill.pdf")) }
        for source in sources {
            let tree = try Self.tree(source)
            #expect(tree == expected, "\(source.format): \(tree.difference(from: expected))")
        }
    }

    @Test func latin1AndUTF16GiveTheSameFindings() throws {
        let latin = Array(Bill.text.replacingOccurrences(of: "—", with: "\u{97}").unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
        let cp1252 = try Ingester().read(path: try Self.write(latin, "latin.txt"))
        #expect(cp1252.format == "text (windows-1252 detected)")
        #expect(cp1252.text == Bill.text)
        var utf16: [UInt8] = [0xFF, 0xFE]
        for u in Bill.text.utf16 { utf16 += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let wide = try Ingester().read(path: try Self.write(utf16, "wide.txt"))
        #expect(wide.text == Bill.text)
        #expect(Self.differences(Self.plainStatuses, try Self.statuses(wide)).isEmpty)
    }
}
