import Foundation
import LacunaCore
import Testing
@testable import LacunaReaders
@testable import LacunaText

@Suite struct HTMLReaderTests {
    @Test func navigationScriptsStylesAndHiddenTextAreDropped() {
        let text = HTMLReader.text(Bill.html)
        #expect(!text.contains("defence"))
        #expect(!text.contains("deported"))
        #expect(!text.contains("Parliament of Meridia"))
        #expect(!text.contains("font-family"))
        #expect(text.hasPrefix("REPUBLIC OF MERIDIA\n\nCOMBATING TRAFFICKING"))
        #expect(text.contains("\n1. research and information campaigns;\n"))
        #expect(text.contains("\n(a) appropriate housing;\n"))
        #expect(text.contains("\nTrafficking in persons\tFifteen years\n"))
    }

    @Test func withoutMainTheBodyIsReadAndBlocksBecomeLines() {
        let html = """
        <html><body><nav>Menu</nav><h2>Part 1</h2><p>First
           paragraph &amp; more&nbsp;text.<br>After a break</p><div>Block <b>bold</b> <i>it</i></div>
        <p>Unclosed<p>Next<ul><li>one<li>two</ul><pre>  keep
          this</pre><q>quoted</q> <del>gone</del><ins>kept</ins>
        <table><tr><td>a<td>b<tr><td>c</table><p hidden>no</p><span aria-hidden="true">no</span>
        <p>&#8220;x&#x201D; &#151; &sect; &unknown; &#0;</p></body></html>
        """
        #expect(HTMLReader.text(html) == """
        Part 1
        First paragraph & more\u{A0}text.
        After a break
        Block bold it
        Unclosed
        Next
        one
        two
        keep
        this
        “quoted” kept
        a\tb
        c
        “x” — § &unknown; \u{FFFD}

        """)
    }

    @Test func orderedListsAreNumberedAsBrowsersShowThem() {
        let html = "<body><ol type=\"a\" start=\"3\"><li>c<li>d</ol><ol type=\"i\"><li>one<li value=\"4\">four</ol><ol reversed start=\"2\"><li>two<li>one</ol><ol><li>(a) typed</ol><ol style=\"list-style: none\"><li>none</ol></body>"
        #expect(HTMLReader.text(html) == "c. c\nd. d\ni. one\niv. four\n2. two\n1. one\n(a) typed\nnone\n")
    }

    @Test func recognisingPagesAndCharsets() {
        #expect(HTMLReader.looksLikeHTML(Array("  <!DOCTYPE html><p>x".utf8)))
        #expect(HTMLReader.looksLikeHTML(Array("<!-- c --><div>x</div>".utf8)))
        #expect(!HTMLReader.looksLikeHTML(Array("<Draft> Act about trafficking".utf8)))
        #expect(!HTMLReader.looksLikeHTML(Array("Section 1. A <b> is".utf8)))
        #expect(HTMLReader.declaredCharset(Array("<meta charset=\"ISO-8859-1\">".utf8)) == "iso-8859-1")
        #expect(HTMLReader.declaredCharset(Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">".utf8)) == "windows-1252")
    }

    @Test func aDeclaredCharsetIsHonoured() throws {
        let bytes = Array("<html><head><meta charset=\"windows-1252\"></head><body><p>Loi ".utf8) + [0x93, 0x78, 0x94, 0x20, 0xE9] + Array("</p></body></html>".utf8)
        let source = try Ingester().decode(bytes, path: "page.html")
        #expect(source.text == "Loi \u{201C}x\u{201D} é\n")
        #expect(source.format == "html")
        #expect(source.encoding == "windows-1252")
        let undeclared = Array("<html><body><p>Loi ".utf8) + [0xE9] + Array("</p></body></html>".utf8)
        #expect(try Ingester().decode(undeclared, path: "page.html").format == "html (latin-1 detected)")
        let other = Array("<html><head><meta charset=\"koi8-r\"></head><body>x</body></html>".utf8)
        #expect(throws: InputError(path: "page.html", problem: "is an HTML page in the koi8-r encoding, which Lacuna does not read; save it as UTF-8")) {
            try Ingester().decode(other, path: "page.html")
        }
    }
}

@Suite struct AkomaNtosoReaderTests {
    func read(_ body: String, path: String = "act.xml") throws -> SourceText {
        let xml = "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><act><body>\(body)</body></act></akomaNtoso>"
        return try Ingester().decode(Array(xml.utf8), path: path)
    }

    @Test func theBillUsesItsStructure() throws {
        let text = try Ingester().decode(Array(Bill.akomaNtoso.utf8), path: "bill.xml").text
        #expect(text.hasPrefix("Combating Trafficking in Persons Bill, 2025\n\nPart I — PRELIMINARY\n\n1. Short title\n"))
        #expect(text.contains("\n6. Condition for assistance\n[Repealed]\n"))
        #expect(!text.contains("testify"))
        #expect(!text.contains("defence"))
        #expect(!text.contains("ten years"))
        #expect(text.contains("[Section 5 inserted by the Committee]"))
        #expect(text.hasSuffix("SCHEDULE\n\nOffence\tMaximum penalty\nTrafficking in persons\tFifteen years\nTrafficking in children\tTwenty years\n"))
    }

    @Test func numbersHeadingsAndContent() throws {
        let body = """
        <chapter><num>2</num><heading>Offences</heading>
          <article><num>5</num><heading>Trafficking</heading>
            <paragraph><num>1.</num><intro><p>Whoever, by means of:</p></intro>
              <point><num>a)</num><content><p>force,</p></content></point>
              <point><num>b)</num><content><p>fraud,</p></content></point>
              <wrapUp><p>recruits a person shall be punished.</p></wrapUp>
            </paragraph>
            <paragraph><num>2.</num><subparagraph><num>(a)</num><content><p>nested directly</p></content></subparagraph></paragraph>
          </article>
          <article><num>Article 6</num><content><p>Text <i>with</i> <ref href="#a5">Article 5</ref><noteRef href="#n1"/>.<eol/>Next line.</p></content></article>
          <article status="repealed"><num>7</num><heading>Old rule</heading><content><p>Never read.</p></content></article>
          <section><num>8</num><heading>Section</heading><subsection status="removed"><num>(1)</num><content><p>gone</p></content></subsection></section>
          <section><num>9</num>Loose text</section>
        </chapter>
        """
        #expect(try read(body).text == """
        Chapter 2 — Offences

        Article 5 — Trafficking
        1. Whoever, by means of:
        a) force,
        b) fraud,
        recruits a person shall be punished.
        2. (a) nested directly

        Article 6 Text with Article 5.
        Next line.

        Article 7 — Old rule
        [Repealed]

        8 Section
        (1) [Repealed]

        9 Loose text

        """)
    }

    @Test func quotedStructuresAndTables() throws {
        let body = """
        <section><num>1.</num><heading>Amendment</heading><content><p>Insert after section 3—</p>
        <p><quotedStructure startQuote="“" endQuote="”."><section><num>3A.</num><heading>Forced begging</heading><content><p>A person who <quotedText startQuote="‘" endQuote="’">forces</quotedText> another to beg commits an offence.</p></content></section></quotedStructure></p>
        <table><tr><th><p>A</p></th><th><p>B</p></th></tr><tr><td><p>1</p><p>2</p></td><td>3</td></tr></table></content></section>
        """
        #expect(try read(body).text == """
        1. Amendment
        Insert after section 3—

        “3A. Forced begging
        A person who ‘forces’ another to beg commits an offence.”.
        A\tB
        1 2\t3

        """)
    }

    @Test func otherXMLIsNotReadAsAkomaNtoso() {
        #expect(throws: InputError(path: "x.xml", problem: "is an XML document (root element <rss>) in a vocabulary Lacuna does not read; it reads Akoma Ntoso XML, HTML, Word .docx, PDF and plain text")) {
            try Ingester().decode(Array("<?xml version=\"1.0\"?><rss><channel/></rss>".utf8), path: "x.xml")
        }
    }

    @Test func malformedXMLIsAnErrorNamingTheFile() throws {
        do {
            _ = try read("<section><num>1</num><content><p>unclosed</content></section>")
            Issue.record("no error")
        } catch let e as InputError {
            #expect(e.path == "act.xml")
            #expect(e.problem.hasPrefix("is not well-formed"), "\(e.problem)")
            #expect(e.problem.contains("do not match"), "\(e.problem)")
        }
    }
}
