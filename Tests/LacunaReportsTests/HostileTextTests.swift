import Foundation
import Testing
import LacunaTestSupport
import LacunaCore
@testable import LacunaReports

/// A law's text (and a file's name) can hold control characters: ESC sequences that clear a
/// terminal or recolour it, BEL, a carriage return that overwrites a CONFLICT line, C1
/// controls, bidirectional overrides. None may reach a terminal, and none may break a
/// Markdown table or an HTML page.
@Suite struct HostileTextTests {
    static let hostile = "recruits\u{1B}[2J\u{1B}[31mhidden\u{07}\rMET\u{9B}31m\u{7F}\u{202E}desrever\u{0}"

    /// A report whose path, title, section and evidence all carry control characters.
    static var report: Report {
        var r = Sample.report
        r.document.path = "drafts/evil\u{1B}]0;title\u{07}\nname | x`y`.txt"
        r.document.title = "Act <b>&</b>\u{1B}[8m\nsecond line"
        r.document.format = "text (named .xml\u{1B}[0m)"
        for i in r.findings.indices {
            for j in r.findings[i].evidence.indices {
                r.findings[i].evidence[j].text = Self.hostile
                r.findings[i].evidence[j].section = "s. 3\u{1B}[1A"
            }
        }
        return r
    }

    /// Scalars that must not appear: C0 but the allowed, DEL, C1, bidi embeddings/overrides/isolates.
    static func controls(in s: String, allowing allowed: Set<Unicode.Scalar> = ["\n"]) -> [String] {
        s.unicodeScalars.filter { c in
            !allowed.contains(c) && (c.value < 0x20 || (0x7F...0x9F).contains(c.value)
                                     || (0x202A...0x202E).contains(c.value) || (0x2066...0x2069).contains(c.value))
        }.map { String(format: "U+%04X", $0.value) }
    }

    @Test func displayTextShowsControlsAsVisibleCharacters() {
        let shown = DisplayText.visible("a\u{1B}[2Jb\u{07}c\r\nd\re\u{9B}f\u{7F}\u{202E}g\th\n")
        #expect(shown == "a␛[2Jb␇c\nd␍e[U+009B]f␡[U+202E]g\th\n")
        #expect(DisplayText.visible("plain text — Ελληνικά\n") == "plain text — Ελληνικά\n")
        #expect(DisplayText.visible("a\tb\nc", keeping: []) == "a␉b␊c")
    }

    @Test func textOutputHasNoControlsButItsOwnColours() throws {
        let plain = try TextReporter(color: false).render(Self.report)
        #expect(Self.controls(in: plain).isEmpty, "\(Self.controls(in: plain))")
        #expect(plain.contains("␛[2J"), "the controls are shown, not dropped")
        let coloured = try TextReporter(color: true).render(Self.report)
        // Remove the reporter's own SGR sequences; nothing else may remain.
        let own = coloured.replacingOccurrences(of: #"\u{1B}\[[0-9;]*m"#, with: "", options: .regularExpression)
        #expect(Self.controls(in: own).isEmpty, "\(Self.controls(in: own))")
        #expect(!plain.contains("evil\n"), "a line break in the file name does not start a new line")
    }

    @Test func markdownEscapesMarkupAndKeepsTablesWhole() throws {
        let md = try MarkdownReporter().render(Self.report)
        #expect(Self.controls(in: md).isEmpty, "\(Self.controls(in: md))")
        #expect(md.contains("Act &lt;b&gt;&amp;&lt;/b&gt;"))
        #expect(!md.contains("<b>"))
        // Every table row: starts and ends with a pipe, and has as many unescaped pipes as its header.
        var expected: Int?
        for line in md.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { expected = nil; continue }
            #expect(line.hasSuffix("|"), "\(line)")
            let pipes = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            if let expected { #expect(pipes == expected, "\(line)") } else { expected = pipes }
        }
        #expect(md.contains("evil"))
    }

    @Test func htmlHasNoControlsAndStaysWellFormed() throws {
        let text = Sample.text + Self.hostile + "\n"
        let html = try HTMLReporter(text: text).render(Self.report)
        #expect(Self.controls(in: html).isEmpty, "\(Self.controls(in: html))")
        #expect(XMLCollector.parse(html).ok, "\(XMLCollector.parse(html).2 ?? "")")
    }

    @Test func csvHasNoControlsAndGuardsFormulas() throws {
        let csv = try CSVReporter().render(Self.report)
        let rows = csv.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(Self.controls(in: rows).isEmpty, "\(Self.controls(in: rows))")
        for formula in ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"] {
            let cell = CSVReporter.field(formula).drop(while: { $0 == "\"" })
            #expect(!"=+-@\t\r".contains(cell.first!), "\(formula) → \(cell)")
        }
    }

    @Test func sarifAndJSONEscapeControls() throws {
        // The encoders escape C0 controls (what acts on a terminal in a UTF-8 stream); data
        // keeps the other characters as they are.
        for out in [try SARIFReporter().render(Self.report), try JSONReporter().render(Self.report), CompactJSON.encode(Self.report)] {
            let c0 = out.unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" }
            #expect(c0.isEmpty, "\(c0.map(\.value))")
            #expect(out.contains("\\u001b") || out.contains("\\u001B"))
        }
    }

    @Test func diffTextHasNoControls() throws {
        var new = Self.report
        new.findings[0].status = .missing
        new.findings[1].evidence[0].section = "s. 4\u{1B}[2J"
        let out = try DiffRenderer(format: .text).render(ReportDiff(old: Self.report, new: new))
        #expect(Self.controls(in: out).isEmpty, "\(Self.controls(in: out))")
        let md = try DiffRenderer(format: .markdown).render(ReportDiff(old: Self.report, new: new))
        #expect(Self.controls(in: md).isEmpty, "\(Self.controls(in: md))")
    }
}

/// The Word writer's XML, whatever the report holds.
@Suite struct DocxHostileTextTests {
    @Test func everyPartIsWellFormedXMLWithoutControls() throws {
        let package = DocxReporter().package([HostileTextTests.report])
        #expect(package.parts.map(\.path).first == "[Content_Types].xml")
        for part in package.parts {
            #expect(HostileTextTests.controls(in: part.content).isEmpty, "\(part.path): \(HostileTextTests.controls(in: part.content))")
            let parsed = XMLCollector.parse(part.content)
            #expect(parsed.ok, "\(part.path): \(parsed.2 ?? "")")
        }
        let document = package.document
        #expect(document.contains("Act &lt;b&gt;&amp;&lt;/b&gt;"), "markup in the title is text")
        #expect(document.contains("␛[2J"), "the controls are shown, not dropped")
        #expect(document.contains("<w:br/>"), "a line break in the title is Word's line break")
    }

    @Test func sameReportSameBytes() throws {
        let a = try DocxReporter().data([Sample.report]), b = try DocxReporter().data([Sample.report])
        #expect(a == b)
        #expect(a.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]), "a ZIP file")
    }
}
