import Foundation
import LacunaCore
import Testing
@testable import LacunaReaders
@testable import LacunaText

/// Broken, hostile and mislabelled input: each is an error naming the file, in bounded time.
@Suite struct HostileInputTests {
    static func file(_ bytes: [UInt8], _ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lacuna-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// The problem reported for `path`, checking that the error names it. (How fast a
    /// hostile file is refused is for benchmarks, not for tests on a shared machine: a bound
    /// that holds is asserted structurally — a limit, a refusal — never by the clock.)
    static func problem(_ path: String, _ ingester: Ingester = Ingester(),
                        sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        do {
            _ = try ingester.read(path: path)
            return nil
        } catch let e as InputError {
            #expect(e.path == path, sourceLocation: sourceLocation)
            #expect(!e.description.contains("\n"), sourceLocation: sourceLocation)
            return e.problem
        } catch {
            return "unexpected \(error)"
        }
    }

    // MARK: ZIP

    @Test func aCorruptWordFile() throws {
        var bytes = try Bill.docx()
        // Damage the compressed bytes of word/document.xml (the third entry).
        let name = Array("word/document.xml".utf8)
        let at = try #require(XMLSafety.find(name, in: bytes[...]))
        for i in (at + name.count + 40)..<(at + name.count + 80) { bytes[i] ^= 0x5A }
        let p = Self.problem(try Self.file(bytes, "damaged.docx"))
        #expect(p?.hasPrefix("is a corrupt Word file") == true, "\(p ?? "")")

        let truncated = Array(try Bill.docx().prefix(2000))
        #expect(Self.problem(try Self.file(truncated, "truncated.docx"))?.contains("is a corrupt Word file (its ZIP container cannot be read") == true)
        #expect(Self.problem(try Self.file([0x50, 0x4B, 0x03, 0x04], "stub.docx"))?.contains("corrupt Word file") == true)
    }

    @Test func aZipBombStopsAtTheLimit() throws {
        // 100 MB of spaces compress to about 100 KB; the limit is 64 MB.
        let big = Array("<?xml version=\"1.0\"?><w:document xmlns:w=\"\(Bill.w)\"><w:body><w:p><w:r><w:t>".utf8)
            + [UInt8](repeating: 0x20, count: 100 << 20) + Array("</w:t></w:r></w:p></w:body></w:document>".utf8)
        let bomb = try Bill.zip([("[Content_Types].xml", Array(Bill.contentTypes.utf8)), ("word/document.xml", big)])
        #expect(bomb.count < 1 << 20)
        let p = Self.problem(try Self.file(bomb, "bomb.docx"))
        #expect(p?.contains("above the 64.0 MB limit (a zip bomb?)") == true, "\(p ?? "")")
    }

    @Test func aZipThatLiesAboutItsSizeIsCaughtWhileExtracting() throws {
        let body = Array("<?xml version=\"1.0\"?><w:document xmlns:w=\"\(Bill.w)\"><w:body><w:p><w:r><w:t>".utf8)
            + [UInt8](repeating: 0x61, count: 4 << 20) + Array("</w:t></w:r></w:p></w:body></w:document>".utf8)
        var bytes = try Bill.zip([("word/document.xml", body)])
        // Declare 1000 bytes in the local header (offset 22) and the central directory (offset 24).
        func patch(_ signature: [UInt8], _ offset: Int) throws {
            let at = try #require(XMLSafety.find(signature, in: bytes[...]))
            bytes.replaceSubrange((at + offset)..<(at + offset + 4), with: [0xE8, 0x03, 0x00, 0x00])
        }
        try patch([0x50, 0x4B, 0x03, 0x04], 22)
        try patch([0x50, 0x4B, 0x01, 0x02], 24)
        let p = Self.problem(try Self.file(bytes, "liar.docx"), Ingester(maxExpandedBytes: 1 << 20))
        #expect(p?.contains("larger than its ZIP entry declares") == true, "\(p ?? "")")
    }

    @Test func tooManyEntries() throws {
        let reader = DocxReader(maxEntries: 3)
        #expect(throws: InputError(path: "x.docx", problem: "is a ZIP archive with more than 3 entries; Lacuna refuses it as a possible zip bomb")) {
            try reader.read(data: Data(try Bill.docx()), path: "x.docx")
        }
    }

    @Test func zipsThatAreNotWordFiles() throws {
        let plain = try Bill.zip([("notes.txt", Array("hello".utf8))])
        #expect(Self.problem(try Self.file(plain, "notes.zip")) == "is a ZIP archive, not a Word document (it has no word/document.xml)")
        let odt = try Bill.zip([("mimetype", Array("application/vnd.oasis.opendocument.text".utf8)), ("content.xml", Array("<x/>".utf8))], compression: .none)
        #expect(Self.problem(try Self.file(odt, "bill.odt"))?.hasPrefix("is an OpenDocument text (.odt), not a Word file") == true)
        let xlsx = try Bill.zip([("[Content_Types].xml", Array(Bill.contentTypes.utf8)), ("xl/workbook.xml", Array("<w/>".utf8))])
        #expect(Self.problem(try Self.file(xlsx, "sheet.xlsx")) == "is an Excel workbook, not a Word document")
    }

    // MARK: Office containers

    @Test func anEncryptedWordFile() throws {
        var ole = OLEInspector.magic + [UInt8](repeating: 0, count: 1024)
        ole += OLEInspector.utf16("EncryptionInfo") + [0, 0] + OLEInspector.utf16("EncryptedPackage") + [UInt8](repeating: 0, count: 512)
        #expect(Self.problem(try Self.file(ole, "secret.docx"))?.hasPrefix("is an encrypted Word file") == true)
        var doc = OLEInspector.magic + [UInt8](repeating: 0, count: 1024)
        doc += OLEInspector.utf16("WordDocument") + [UInt8](repeating: 0, count: 512)
        #expect(Self.problem(try Self.file(doc, "old.doc"))?.hasPrefix("is a legacy Word .doc file") == true)
    }

    // MARK: XML

    static let billionLaughs = """
    <?xml version="1.0"?>
    <!DOCTYPE akomaNtoso [
      <!ENTITY lol "lol">
      <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
      <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
      <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
      <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
      <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
      <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
      <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
      <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
      <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
    ]>
    <akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body><section><num>1</num><content><p>&lol9;</p></content></section></body></act></akomaNtoso>
    """

    @Test func entityExpansionIsRefused() throws {
        let p = Self.problem(try Self.file(Array(Self.billionLaughs.utf8), "laughs.xml"))
        #expect(p?.contains("entity declaration") == true, "\(p ?? "")")
        // Even past the first check, the parser refuses entity declarations.
        final class Sink: XMLEventHandler {
            var text = ""
            func start(_ name: String, namespace: String, attributes: [String: String]) {}
            func end(_ name: String, namespace: String) {}
            func characters(_ t: String) { text += t }
        }
        let sink = Sink()
        #expect(throws: InputError.self) {
            try SafeXMLParser.parse(Array(Self.billionLaughs.utf8), handler: sink, path: "laughs.xml")
        }
        #expect(sink.text.utf8.count < 1 << 20)
    }

    @Test func externalEntitiesAreNeverRead() throws {
        let xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE akomaNtoso [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
        <akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body><section><num>1</num><content><p>&xxe;</p></content></section></body></act></akomaNtoso>
        """
        let p = Self.problem(try Self.file(Array(xxe.utf8), "xxe.xml"))
        #expect(p != nil)
        #expect(p?.contains("root:") == false)
        // An external DTD is refused too, and so is a DOCTYPE inside a Word file.
        let dtd = "<?xml version=\"1.0\"?><!DOCTYPE akomaNtoso SYSTEM \"file:///etc/passwd\"><akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"/>"
        #expect(Self.problem(try Self.file(Array(dtd.utf8), "dtd.xml"))?.contains("external DTD") == true)
        let document = "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><w:document xmlns:w=\"\(Bill.w)\"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
        let docx = try Bill.zip([("[Content_Types].xml", Array(Bill.contentTypes.utf8)), ("word/document.xml", Array(document.utf8))])
        let q = Self.problem(try Self.file(docx, "xxe.docx"))
        #expect(q?.contains("(word/document.xml)") == true, "\(q ?? "")")
        #expect(q?.contains("root:") == false)
    }

    @Test func deepNestingIsRefused() throws {
        let depth = 100_000
        let akn = "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><act><body>"
            + String(repeating: "<hcontainer>", count: depth) + "x" + String(repeating: "</hcontainer>", count: depth) + "</body></act></akomaNtoso>"
        let p = Self.problem(try Self.file(Array(akn.utf8), "deep.xml"))
        #expect(p?.contains("nested more than 200 elements deep") == true, "\(p ?? "")")

        let document = "<w:document xmlns:w=\"\(Bill.w)\"><w:body>" + String(repeating: "<w:sdt><w:sdtContent>", count: depth)
            + "<w:p><w:r><w:t>x</w:t></w:r></w:p>" + String(repeating: "</w:sdtContent></w:sdt>", count: depth) + "</w:body></w:document>"
        let docx = try Bill.zip([("[Content_Types].xml", Array(Bill.contentTypes.utf8)), ("word/document.xml", Array(document.utf8))])
        #expect(Self.problem(try Self.file(docx, "deep.docx"))?.contains("nested more than 200") == true)

        // HTML has no depth limit to refuse on: it is read, in linear time.
        let html = "<html><body>" + String(repeating: "<div><span>", count: depth) + "deep text" + String(repeating: "</span></div>", count: depth) + "</body></html>"
        let source = try Ingester().read(path: try Self.file(Array(html.utf8), "deep.html"))
        #expect(source.text == "deep text\n")

        // List items under a deep stack: each costs a bounded look down the stack.
        let items = "<ol><li><ol>" + String(repeating: "<div>", count: 3000) + String(repeating: "<li>x</li>", count: 50_000)
        let itemsText = HTMLReader.text(items)
        #expect(itemsText.hasPrefix("1. x\n"))
    }

    // MARK: size

    /// A sparse file: its size is large, its blocks are not written.
    static func sparse(_ name: String, size: UInt64, head: [UInt8]) throws -> String {
        let path = try file(head, name)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: size)
        try handle.close()
        return path
    }

    @Test func twoHundredMegabytesAreRefusedBeforeReading() throws {
        let size: UInt64 = 200 << 20
        for (name, head) in [("big.txt", Array("Section 1".utf8)), ("big.docx", [0x50, 0x4B, 0x03, 0x04]), ("big.pdf", Array("%PDF-1.7".utf8)),
                             ("big.html", Array("<html>".utf8))] {
            let path = try Self.sparse(name, size: size, head: head)
            #expect(Self.problem(path) == "is 200.0 MB, above the 50.0 MB limit (raise it with --max-size)")
        }
        // With the limit raised, a fake 200 MB Word file still fails fast: its ZIP directory is
        // read from the end of the file, not by reading the whole file.
        let path = try Self.sparse("fake.docx", size: size, head: [0x50, 0x4B, 0x03, 0x04])
        let p = Self.problem(path, Ingester(maxBytes: 300 << 20))
        #expect(p?.contains("corrupt Word file") == true, "\(p ?? "")")
    }

    @Test func devicesAndPipesAreReadOnlyUpToTheLimit() throws {
        guard FileManager.default.fileExists(atPath: "/dev/zero") else { return }
        #expect(Self.problem("/dev/zero", Ingester(maxBytes: 1 << 20))?.contains("larger than the 1.0 MB limit") == true)
    }

    // MARK: names and content

    @Test func extensionsThatLie() throws {
        let text = Array("Section 1. A person who traffics another person commits an offence.\n".utf8)
        #expect(Self.problem(try Self.file(text, "bill.docx"))
            == "has a .docx extension but is not a Word file (it is not a ZIP container); it looks like plain text — rename it if that is what it is")
        #expect(Self.problem(try Self.file(text, "bill.pdf"))?.hasPrefix("has a .pdf extension but is not a PDF file") == true)
        #expect(Self.problem(try Self.file(text, "bill.html"))?.hasPrefix("has a .html extension but is not an HTML page") == true)
        #expect(Self.problem(try Self.file(text, "bill.xml"))?.hasPrefix("has a .xml extension but is not an XML document") == true)
        // Content that identifies itself is read as what it is, and the report says so.
        let html = try Ingester().read(path: try Self.file(Array(Bill.html.utf8), "bill.txt"))
        #expect(html.format == "html (named .txt)")
        let docx = try Ingester().read(path: try Self.file(try Bill.docx(), "bill.pdf"))
        #expect(docx.format == "docx (tracked changes accepted; named .pdf)")
        let akn = try Ingester().read(path: try Self.file(Array(Bill.akomaNtoso.utf8), "bill.html"))
        #expect(akn.format == "akn (named .html)")
        // A text file that merely starts with an angle bracket is text.
        let angle = try Ingester().read(path: try Self.file(Array("<Draft> Section 1. Text.\n".utf8), "draft.txt"))
        #expect(angle.format == "text")
    }

    @Test func otherBinaries() throws {
        #expect(Self.problem(try Self.file([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01], "a.txt"))?.hasPrefix("is an executable program") == true)
        #expect(Self.problem(try Self.file([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A], "scan.txt"))?.hasPrefix("is an image") == true)
        #expect(Self.problem(try Self.file([0x1F, 0x8B, 0x08, 0x00], "a.txt"))?.hasPrefix("is gzip-compressed") == true)
    }

    // MARK: PDF

    @Test func pdfWithoutPdftotextSaysHowToInstallIt() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("lacuna-nopath-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let p = Self.problem(try Self.file(Bill.pdf("Section 1. Text."), "bill.pdf"), Ingester(toolSearchPath: empty.path))
        #expect(p?.hasPrefix("is a PDF file; reading PDF needs the pdftotext tool") == true)
        #expect(p?.contains("apt-get install poppler-utils") == true)
    }

    @Test(.enabled(if: PDFReader().locate() != nil, "pdftotext is not installed"))
    func aBrokenPDF() throws {
        let p = Self.problem(try Self.file(Array("%PDF-1.7\n1 0 obj garbage".utf8), "broken.pdf"))
        #expect(p?.hasPrefix("is a PDF file that pdftotext cannot read") == true, "\(p ?? "")")
        let blank = Bill.pdf("").filter { _ in true }
        let q = Self.problem(try Self.file(blank, "blank.pdf"))
        #expect(q?.contains("no text layer") == true, "\(q ?? "")")
    }
}

/// Plain text encodings: detected, and said so; never guessed silently.
@Suite struct EncodingDetectionTests {
    func read(_ bytes: [UInt8], _ ingester: Ingester = Ingester()) throws -> SourceText {
        try ingester.decode(bytes, path: "t.txt")
    }

    @Test func windows1252AndLatin1() throws {
        let smart = try read(Array("Loi ".utf8) + [0x93, 0x78, 0x94, 0x20, 0x97, 0x20, 0xE9, 0x0A])
        #expect(smart.text == "Loi “x” — é\n")
        #expect(smart.format == "text (windows-1252 detected)")
        #expect(smart.encoding == "windows-1252")
        let plain = try read(Array("Loi ".utf8) + [0xE9])
        #expect(plain.encoding == "latin-1")
    }

    @Test func whatDoesNotLookLikeLatin1IsAnError() {
        // Cyrillic in Windows-1251: nearly every letter is a high byte.
        let cyrillic: [UInt8] = [0xD1, 0xF2, 0xE0, 0xF2, 0xFC, 0xFF, 0x20, 0x31, 0x2E, 0x20, 0xD2, 0xEE, 0xF0, 0xE3, 0xEE, 0xE2, 0xEB, 0xFF, 0x20,
                                 0xEB, 0xFE, 0xE4, 0xFC, 0xEC, 0xE8, 0x20, 0xE7, 0xE0, 0xEF, 0xF0, 0xE5, 0xF9, 0xE0, 0xE5, 0xF2, 0xF1, 0xFF]
        #expect(throws: InputError.self) { try read(cyrillic) }
        #expect(throws: InputError.self) { try read(Array("Text ".utf8) + [0xC3, 0x28, 0x01]) }
        #expect(throws: InputError.self) { try read(Array("Text ".utf8) + [0x81]) }
        // UTF-8 with one broken byte is not Latin-1: that would garble every other accent.
        #expect(throws: InputError(path: "t.txt", problem: "is UTF-8 with invalid bytes (the first at byte 14, line 1); repair or convert it, or pass --encoding latin-1")) {
            try read(Array("Loi — café ".utf8) + [0xE9])
        }
    }

    @Test func utf16WithAndWithoutAByteOrderMark() throws {
        let text = "Section 1. Trafficking — “consent” is irrelevant.\n"
        var le: [UInt8] = [], be: [UInt8] = []
        for u in text.utf16 { le += [UInt8(u & 0xFF), UInt8(u >> 8)]; be += [UInt8(u >> 8), UInt8(u & 0xFF)] }
        #expect(try read([0xFF, 0xFE] + le).text == text)
        #expect(try read([0xFF, 0xFE] + le).format == "text")
        #expect(try read([0xFE, 0xFF] + be).encoding == "utf-16be")
        let detected = try read(le)
        #expect(detected.text == text)
        #expect(detected.format == "text (utf-16le detected)")
        #expect(try read(be).format == "text (utf-16be detected)")
        #expect(throws: InputError(path: "t.txt", problem: "is truncated UTF-16 (an odd number of bytes)")) {
            try read([0xFF, 0xFE] + le + [0x41])
        }
        // UTF-16 HTML is recognised as HTML.
        var html: [UInt8] = [0xFF, 0xFE]
        for u in "<html><body><p>Section 1</p></body></html>".utf16 { html += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        #expect(try read(html).format.hasPrefix("html"))
    }

    @Test func forcedEncodingsStillWork() throws {
        #expect(try read([0x4C, 0x6F, 0x69, 0x20, 0xE9], Ingester(encoding: .latin1)).text == "Loi é")
        var le: [UInt8] = []
        for u in "Loi".utf16 { le += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        #expect(try read(le, Ingester(encoding: .utf16)).text == "Loi")
    }
}
