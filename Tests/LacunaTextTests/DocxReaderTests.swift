import Foundation
import LacunaCore
import Testing
@testable import LacunaReaders
@testable import LacunaText

@Suite struct DocxReaderTests {
    func read(_ document: String, _ ingester: Ingester = Ingester(), numbering: String? = nil) throws -> SourceText {
        var extra: [(String, [UInt8])] = []
        if let numbering { extra.append(("word/numbering.xml", Array(numbering.utf8))) }
        let bytes = try Bill.zip([
            ("[Content_Types].xml", Array(Bill.contentTypes.utf8)),
            ("_rels/.rels", Array(Bill.packageRels.utf8)),
            ("word/document.xml", Array(Self.document(document).utf8)),
        ] + extra)
        return try ingester.decode(bytes, path: "t.docx")
    }

    static func document(_ body: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"\(Bill.w)\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><w:body>\(body)</w:body></w:document>"
    }

    func p(_ s: String, numId: Int? = nil, ilvl: Int = 0) -> String { Bill.paragraph(Bill.run(s), numId: numId, ilvl: ilvl) }

    @Test func theBillReadsAsItsText() throws {
        let source = try Ingester().decode(try Bill.docx(), path: "bill.docx")
        let lines = source.text.split(separator: "\n").map(String.init)
        #expect(lines.contains("1. Short title"))
        #expect(lines.contains("3. Trafficking in persons"))
        #expect(lines.contains("(4) A person convicted of an offence under this section is liable to imprisonment for a term not exceeding fifteen years."))
        // The second list restarts at (a); section 8's list has its own numbering.
        #expect(lines.contains("(a) the threat or use of force or other forms of coercion;"))
        #expect(lines.contains("1. research and information campaigns;"))
        #expect(lines.contains("8. National action plan"))
        #expect(lines.contains("Trafficking in persons\tFifteen years"))
        // Typed numbers stay as typed.
        #expect(lines.contains("(1)\tThe Minister shall ensure that every victim is provided with—"))
        // Deleted words, the deleted paragraph, footnotes, comments and hidden text are not there.
        #expect(!source.text.contains("ten years"))
        #expect(!source.text.contains("detention in a closed facility"))
        #expect(!source.text.contains("defence"))
        #expect(!source.text.contains("deported"))
        #expect(source.format == "docx (tracked changes accepted)")
        #expect(source.encoding == nil)
    }

    @Test func theTextBeforeTheChanges() throws {
        let source = try Ingester(docxRevisions: .original).decode(try Bill.docx(), path: "bill.docx")
        #expect(source.format == "docx (text before tracked changes)")
        #expect(source.text.contains("not exceeding ten years."))
        #expect(source.text.contains("It shall be a defence that the victim consented."))
        #expect(source.text.contains("(x)\tdetention in a closed facility until the trial is over;"))
        // Section 5 was inserted whole: before the changes the next section is numbered 5.
        #expect(!source.text.contains("Non-punishment of victims"))
        #expect(source.text.contains("5. Condition for assistance [Repealed]"))
        #expect(source.text.contains("7. National action plan"))
    }

    @Test func numberingFormatsRestartsAndOverrides() throws {
        let numbering = """
        <w:numbering xmlns:w="\(Bill.w)">
        <w:abstractNum w:abstractNumId="1">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="PART %1"/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/><w:lvlRestart w:val="0"/></w:lvl>
          <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%3)"/></w:lvl>
          <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%4)"/></w:lvl>
          <w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%5)"/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="2">
          <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
          <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1.%2.%3"/><w:isLgl/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\u{F0B7}"/></w:lvl></w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
        <w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>
        <w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="3"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
        </w:numbering>
        """
        var body = p("Offences", numId: 1, ilvl: 0) + p("Trafficking", numId: 1, ilvl: 1) + p("A person", numId: 1, ilvl: 2)
        body += p("recruits", numId: 1, ilvl: 3) + p("by force", numId: 1, ilvl: 4) + p("by fraud", numId: 1, ilvl: 4)
        body += p("transports", numId: 1, ilvl: 3) + p("Consent", numId: 1, ilvl: 2)
        body += p("Victims", numId: 1, ilvl: 0) + p("Assistance", numId: 1, ilvl: 1) // level 1 never restarts
        body += p("continued", numId: 4, ilvl: 3)
        body += p("Scope", numId: 2, ilvl: 0) + p("Sub", numId: 2, ilvl: 1) + p("Legal", numId: 2, ilvl: 2)
        body += p("a bullet", numId: 3) + p("not numbered", numId: 0)
        let text = try read(body, numbering: numbering).text
        #expect(text == """
        PART I Offences
        1. Trafficking
        (1) A person
        (a) recruits
        (i) by force
        (ii) by fraud
        (b) transports
        (2) Consent
        PART II Victims
        2. Assistance
        (e) continued
        3 Scope
        3.1 Sub
        3.1.1 Legal
        • a bullet
        not numbered

        """)
    }

    @Test func lettersBeyondZAndRomanNumerals() {
        #expect(DocxNumbering.letters(27) == "aa")
        #expect(DocxNumbering.letters(53) == "aaa")
        #expect(DocxNumbering.roman(4) == "iv")
        #expect(DocxNumbering.roman(1994) == "mcmxciv")
        #expect(DocxNumbering.format(7, .decimalZero) == "07")
    }

    @Test func runsTabsBreaksFieldsTextBoxesAndAlternateContent() throws {
        let body = """
        <w:p><w:r><w:t xml:space="preserve">Section </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>4</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:tab/><w:t>Attempt</w:t><w:br/><w:t>second line</w:t></w:r></w:p>
        <w:p><w:hyperlink><w:r><w:t>linked</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> and </w:t></w:r><w:r><w:rPr><w:caps/></w:rPr><w:t>shouted</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r><w:r><w:noBreakHyphen/><w:t>x</w:t></w:r></w:p>
        <w:p><w:r><w:t>anchor</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>in a text box</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>in a text box</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
        <w:sdt><w:sdtPr><w:alias w:val="Clause"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>in a content control</w:t></w:r></w:p></w:sdtContent></w:sdt>
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>inner</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr>
        <w:tr><w:trPr><w:del w:id="1" w:author="x"/></w:trPr><w:tc><w:p><w:del w:id="2" w:author="x"><w:r><w:delText>deleted row</w:delText></w:r></w:del></w:p></w:tc></w:tr></w:tbl>
        <w:p><w:r><w:footnoteReference w:customMarkFollows="1" w:id="3"/><w:t>*</w:t></w:r><w:r><w:t>after the mark</w:t></w:r></w:p>
        """
        let text = try read(body).text
        #expect(text == "Section 4\tAttempt\nsecond line\nlinked and SHOUTED-x\nanchor\nin a text box\nin a content control\na b\tinner\nafter the mark\n")
    }

    @Test func paragraphMarksInsertedOrDeleted() throws {
        let r = Bill.revision
        // The first paragraph's mark was deleted: it runs on into the next one.
        let body = """
        <w:p><w:pPr><w:rPr><w:del \(r)/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">A person who recruits </w:t></w:r></w:p>
        <w:p><w:r><w:t>another person commits an offence.</w:t></w:r></w:p>
        <w:p><w:pPr><w:rPr><w:ins \(r)/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">Split </w:t></w:r></w:p>
        <w:p><w:r><w:t>here.</w:t></w:r></w:p>
        """
        #expect(try read(body).text == "A person who recruits another person commits an offence.\nSplit \nhere.\n")
        #expect(try read(body, Ingester(docxRevisions: .original)).text == "A person who recruits \nanother person commits an offence.\nSplit here.\n")
    }

    @Test func strictOOXMLAndOtherPrefixes() throws {
        let strict = "<?xml version=\"1.0\"?><ns0:document xmlns:ns0=\"http://purl.oclc.org/ooxml/wordprocessingml/main\"><ns0:body><ns0:p><ns0:r><ns0:t>Strict text</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>"
        let bytes = try Bill.zip([("[Content_Types].xml", Array(Bill.contentTypes.utf8)), ("word/document.xml", Array(strict.utf8))])
        #expect(try Ingester().decode(bytes, path: "s.docx").text == "Strict text\n")
    }

    @Test func readingIsSafeFromManyTasksAtOnce() async throws {
        let bytes = try Bill.docx()
        let xml = Array(Bill.akomaNtoso.utf8)
        let expected = try Ingester().decode(bytes, path: "bill.docx").text
        let expectedAKN = try Ingester().decode(xml, path: "bill.xml").text
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for i in 0..<16 {
                group.addTask {
                    i % 2 == 0 ? try Ingester().decode(bytes, path: "bill.docx").text == expected
                        : try Ingester().decode(xml, path: "bill.xml").text == expectedAKN
                }
            }
            for try await same in group { #expect(same) }
        }
    }

    @Test func aWordFileWithNoTextIsAnError() throws {
        #expect(throws: InputError(path: "t.docx", problem: "is a Word file with no text")) {
            try read("<w:p/>")
        }
    }
}
