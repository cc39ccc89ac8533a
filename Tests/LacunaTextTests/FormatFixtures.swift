import Foundation
import ZIPFoundation

/// One bill, written for these tests, and the same bill built programmatically as a Word
/// file, an HTML page, an Akoma Ntoso document and a PDF.
enum Bill {
    /// A part heading, a section (number, heading, body), or a schedule.
    enum Block {
        case title(String)
        case text(String)
        case part(String, String)                         // "I", "PRELIMINARY"
        case section(Int, String, [Body], repealed: Bool = false)
        case schedule(String, [[String]])
    }

    enum Body {
        case text(String)                                  // an unnumbered paragraph
        case list(intro: String?, [String], style: ListStyle)
        case subsection(Int, String, [String])             // (1) text, then (a), (b) ... items
    }

    enum ListStyle { case letters, numbers }

    static let blocks: [Block] = [
        .title("REPUBLIC OF MERIDIA"),
        .title("COMBATING TRAFFICKING IN PERSONS BILL, 2025"),
        .text("A BILL for an Act to prevent and punish trafficking in persons and to protect and assist the people who suffer it."),
        .part("I", "PRELIMINARY"),
        .section(1, "Short title", [.text("This Act may be cited as the Combating Trafficking in Persons Act, 2025.")]),
        .section(2, "Interpretation", [
            .text("In this Act—"),
            .text("\"child\" means any person under the age of eighteen years;"),
            .list(intro: "\"exploitation\" includes—", [
                "the exploitation of the prostitution of others or other forms of sexual exploitation;",
                "forced labour or services, including forced begging;",
                "slavery or practices similar to slavery, and servitude; and",
                "the removal of organs;",
            ], style: .letters),
            .list(intro: "\"prohibited means\" means—", [
                "the threat or use of force or other forms of coercion;",
                "abduction, fraud or deception;",
                "the abuse of power or of a position of vulnerability; or",
                "the giving or receiving of payments or benefits to achieve the consent of a person having control over another person;",
            ], style: .letters),
            .text("\"victim\" means a person against whom an offence under section 3 has been committed."),
        ]),
        .part("II", "OFFENCES"),
        .section(3, "Trafficking in persons", [
            .subsection(1, "A person who recruits, transports, transfers, harbours or receives another person by any prohibited means, for the purpose of exploitation, commits an offence.", []),
            .subsection(2, "A person who recruits, transports, transfers, harbours or receives a child for the purpose of exploitation commits an offence, whether or not any prohibited means has been used.", []),
            .subsection(3, "The consent of a victim to the intended exploitation is irrelevant where any prohibited means has been used.", []),
            .subsection(4, "A person convicted of an offence under this section is liable to imprisonment for a term not exceeding fifteen years.", []),
        ]),
        .section(4, "Attempt and participation", [
            .text("A person who attempts to commit, or who aids, abets, organises or directs another person to commit, an offence under section 3 commits an offence and is liable to the same penalty as for the offence."),
        ]),
        .section(5, "Non-punishment of victims", [
            .text("A victim shall not be prosecuted or punished for an offence that the victim was compelled to commit as a direct consequence of having been trafficked."),
        ]),
        .section(6, "Condition for assistance", [
            .text("Assistance shall be given only to a victim who agrees to testify against the offender."),
        ], repealed: true),
        .part("III", "PROTECTION AND ASSISTANCE"),
        .section(7, "Assistance to victims", [
            .subsection(1, "The Minister shall ensure that every victim is provided with—", [
                "appropriate housing;",
                "counselling and information, in a language that the victim understands, about his or her legal rights;",
                "medical, psychological and material assistance; and",
                "employment, educational and training opportunities.",
            ]),
            .subsection(2, "Assistance under this section shall not depend on the willingness of the victim to cooperate with the authorities.", []),
        ]),
        .section(8, "National action plan", [
            .list(intro: "The national action plan shall include—", [
                "research and information campaigns;",
                "measures to discourage the demand that fosters exploitation; and",
                "training of law enforcement, immigration and social service officials.",
            ], style: .numbers),
        ]),
        .schedule("SCHEDULE", [["Offence", "Maximum penalty"], ["Trafficking in persons", "Fifteen years"], ["Trafficking in children", "Twenty years"]]),
    ]

    static let romanParts = ["I", "II", "III"]

    static func letter(_ i: Int) -> String { String(UnicodeScalar(UInt8(0x61 + i))) }

    // MARK: plain text

    static var text: String {
        var lines: [String] = []
        for block in blocks {
            switch block {
            case let .title(t): lines += [t, ""]
            case let .text(t): lines += [t, ""]
            case let .part(n, h): lines += ["PART \(n) — \(h)", ""]
            case let .section(n, heading, body, repealed):
                lines.append("\(n). \(heading)" + (repealed ? " [Repealed]" : ""))
                for b in body {
                    switch b {
                    case let .text(t): lines.append(t)
                    case let .list(intro, items, style):
                        if let intro { lines.append(intro) }
                        for (i, item) in items.enumerated() {
                            lines.append(style == .letters ? "(\(letter(i))) \(item)" : "\(i + 1). \(item)")
                        }
                    case let .subsection(k, t, items):
                        lines.append("(\(k)) \(t)")
                        for (i, item) in items.enumerated() { lines.append("(\(letter(i))) \(item)") }
                    }
                }
                lines.append("")
            case let .schedule(title, rows):
                lines.append(title)
                for row in rows { lines.append(row.joined(separator: "\t")) }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: HTML

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "—", with: "&mdash;")
    }

    /// Words that would change the findings if a reader let them through.
    static let decoy = "It shall be a defence that the victim consented to the exploitation. Any victim shall be detained and deported."

    static var html: String {
        var h = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Meridia — \(decoy)</title>
        <style>ol.plain { list-style: none } body { font-family: serif }</style>
        <script>var banner = "\(decoy)"; if (a < b && c > d) { document.title = '</p>'; }</script>
        </head>
        <body>
        <header class="site"><a href="/">Parliament of Meridia</a> <nav><ul><li><a href="/bills">Bills</a></li><li>\(decoy)</li></ul></nav></header>
        <div class="sr-only">\(decoy)</div>
        <div style="display: none">\(decoy)</div>
        <main id="content">
        <!-- \(decoy) -->

        """
        for block in blocks {
            switch block {
            case let .title(t): h += "<h1>\(escape(t))</h1>\n"
            case let .text(t): h += "<p class=\"long-title\">\(escape(t))</p>\n"
            case let .part(n, title): h += "<h2>PART \(n) &mdash; \(escape(title))</h2>\n"
            case let .section(n, heading, body, repealed):
                h += "<section id=\"s\(n)\"><h3>\(n). \(escape(heading))\(repealed ? " [Repealed]" : "")</h3>\n"
                for b in body {
                    switch b {
                    case let .text(t):
                        h += "<p>\(escape(t).replacingOccurrences(of: "\"", with: "&quot;"))</p>\n"
                    case let .list(intro, items, style):
                        if let intro { h += "<p>\(escape(intro))</p>\n" }
                        if style == .letters {
                            h += "<ol class=\"plain\">" + items.enumerated().map { "<li>(\(letter($0.offset))) \(escape($0.element))</li>" }.joined() + "</ol>\n"
                        } else {
                            // Numbered by the browser: the reader writes the numbers out.
                            h += "<ol>\n" + items.map { "  <li>\(escape($0))\n" }.joined() + "</ol>\n"
                        }
                    case let .subsection(k, t, items):
                        h += "<p>(\(k)) <span class=\"t\">\(escape(t))</span></p>\n"
                        if !items.isEmpty {
                            h += "<ol class=\"plain\">" + items.enumerated().map { "<li>(\(letter($0.offset))) \(escape($0.element))</li>" }.joined() + "</ol>\n"
                        }
                    }
                }
                h += "</section>\n"
            case let .schedule(title, rows):
                h += "<h2>\(title)</h2>\n<table>\n"
                for (i, row) in rows.enumerated() {
                    let cell = i == 0 ? "th" : "td"
                    h += "<tr>" + row.map { "<\(cell)><p>\(escape($0))</p></\(cell)>" }.joined() + "</tr>\n"
                }
                h += "</table>\n"
            }
        }
        h += """
        </main>
        <footer><p>\(decoy)</p></footer>
        <script type="text/javascript">
        // \(decoy)
        </script>
        </body></html>

        """
        return h
    }

    // MARK: Akoma Ntoso

    static func xml(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static var akomaNtoso: String {
        var x = """
        <?xml version="1.0" encoding="UTF-8"?>
        <akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0" xmlns:ext="http://example.org/ext">
          <bill name="bill">
            <meta>
              <identification source="#meridia">
                <FRBRWork><FRBRthis value="/akn/mr/bill/2025/1/main"/><FRBRuri value="/akn/mr/bill/2025/1"/><FRBRdate date="2025-01-01" name="draft"/><FRBRauthor href="#parliament"/><FRBRcountry value="mr"/></FRBRWork>
              </identification>
              <proprietary source="#meridia"><ext:note>\(decoy)</ext:note></proprietary>
            </meta>
            <preface>
              <p class="title"><docTitle>Combating Trafficking in Persons Bill, 2025</docTitle></p>
              <longTitle><p>\(decoy)</p></longTitle>
            </preface>
            <preamble><p>\(decoy)</p></preamble>
            <body>

        """
        var openPart = false
        for block in blocks {
            switch block {
            case .title, .text: continue
            case let .part(n, title):
                if openPart { x += "      </part>\n" }
                x += "      <part eId=\"part_\(n)\"><num>\(n)</num><heading>\(xml(title))</heading>\n"
                openPart = true
            case let .section(n, heading, body, repealed):
                x += "        <section eId=\"sec_\(n)\"\(repealed ? " status=\"repealed\"" : "")><num>\(n).</num><heading>\(xml(heading))</heading>\n"
                let onlyText = body.allSatisfy { if case .text = $0 { return true } else { return false } }
                if onlyText {
                    x += "          <content>" + body.map { if case let .text(t) = $0 { return "<p>\(xml(t))</p>" } else { return "" } }.joined() + "</content>\n"
                } else {
                    for b in body {
                        switch b {
                        case let .text(t):
                            if t.hasSuffix("—") {
                                x += "          <intro><p>\(xml(t))</p></intro>\n"
                            } else {
                                x += "          <hcontainer name=\"definition\"><content><p>\(xml(t))</p></content></hcontainer>\n"
                            }
                        case let .list(intro, items, style):
                            x += "          <hcontainer name=\"list\">\n"
                            if let intro { x += "            <intro><p>\(xml(intro))</p></intro>\n" }
                            for (i, item) in items.enumerated() {
                                let num = style == .letters ? "(\(letter(i)))" : "\(i + 1)."
                                x += "            <paragraph><num>\(num)</num><content><p>\(xml(item))</p></content></paragraph>\n"
                            }
                            x += "          </hcontainer>\n"
                        case let .subsection(k, t, items):
                            var text = xml(t)
                            if k == 4 && n == 3 {
                                // An amendment marked up inline, and a footnote.
                                text = text.replacingOccurrences(of: "not exceeding fifteen years.", with: "not exceeding <del>ten</del><ins>fifteen</ins> years.<authorialNote marker=\"1\" placement=\"bottom\"><p>\(decoy)</p></authorialNote>")
                            }
                            if items.isEmpty {
                                x += "          <subsection eId=\"sec_\(n)__subsec_\(k)\"><num>(\(k))</num><content><p>\(text)</p></content></subsection>\n"
                            } else {
                                x += "          <subsection eId=\"sec_\(n)__subsec_\(k)\"><num>(\(k))</num><intro><p>\(text)</p></intro>\n"
                                for (i, item) in items.enumerated() {
                                    x += "            <paragraph><num>(\(letter(i)))</num><content><p>\(xml(item))</p></content></paragraph>\n"
                                }
                                x += "          </subsection>\n"
                            }
                        }
                    }
                }
                if n == 5 {
                    x += "          <wrapUp><p><remark status=\"editorial\">[Section 5 inserted by the Committee]</remark></p></wrapUp>\n"
                }
                x += "        </section>\n"
            case let .schedule(title, rows):
                if openPart { x += "      </part>\n"; openPart = false }
                x += "    </body>\n    <attachments><attachment><doc name=\"schedule\"><preface><p><docTitle>\(title)</docTitle></p></preface><mainBody>\n      <table>\n"
                for (i, row) in rows.enumerated() {
                    let cell = i == 0 ? "th" : "td"
                    x += "        <tr>" + row.map { "<\(cell)><p>\(xml($0))</p></\(cell)>" }.joined() + "</tr>\n"
                }
                x += "      </table>\n    </mainBody></doc></attachment></attachments>\n"
            }
        }
        x += """
          </bill>
        </akomaNtoso>

        """
        return x
    }

    // MARK: Word

    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    static func run(_ t: String) -> String {
        "<w:r><w:t xml:space=\"preserve\">\(xml(t))</w:t></w:r>"
    }

    static func paragraph(_ content: String, numId: Int? = nil, ilvl: Int = 0, style: String? = nil, mark: String = "") -> String {
        var ppr = ""
        if let style { ppr += "<w:pStyle w:val=\"\(style)\"/>" }
        if let numId { ppr += "<w:numPr><w:ilvl w:val=\"\(ilvl)\"/><w:numId w:val=\"\(numId)\"/></w:numPr>" }
        if !mark.isEmpty { ppr += "<w:rPr>\(mark)</w:rPr>" }
        return "<w:p>" + (ppr.isEmpty ? "" : "<w:pPr>\(ppr)</w:pPr>") + content + "</w:p>"
    }

    static let revision = "w:id=\"9\" w:author=\"Drafter\" w:date=\"2025-01-01T00:00:00Z\""

    /// `word/document.xml`: sections numbered through a numbered paragraph style, subsections
    /// and items through numbering levels (one list restarted with an override), Part III's
    /// subdivisions typed by hand, a table, tracked changes (an insertion, a deletion, an
    /// inserted section), a footnote reference, a comment and hidden text.
    static var docxDocument: String {
        var body = ""
        var letterLists = 0
        for block in blocks {
            switch block {
            case let .title(t), let .text(t):
                body += paragraph(run(t))
            case let .part(n, title):
                body += paragraph(run("PART \(n) — \(title)"))
            case let .section(n, heading, items, repealed):
                var head = run(heading + (repealed ? " [Repealed]" : ""))
                if n == 1 {
                    head += "<w:commentRangeStart w:id=\"0\"/>" + "<w:r><w:rPr><w:vanish/></w:rPr><w:t>\(xml(decoy))</w:t></w:r>"
                        + "<w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r>"
                }
                if n == 5 {
                    // The whole section is a tracked insertion, paragraph marks included.
                    let ins = "<w:ins \(revision)/>"
                    body += paragraph("<w:ins \(revision)>\(head)</w:ins>", style: "SectionHeading", mark: ins)
                    for case let .text(t) in items {
                        body += paragraph("<w:ins \(revision)>\(run(t))</w:ins>", mark: ins)
                    }
                    continue
                }
                body += paragraph(head, style: "SectionHeading")
                for item in items {
                    switch item {
                    case let .text(t):
                        body += paragraph(run(t))
                    case let .list(intro, entries, style):
                        if let intro { body += paragraph(run(intro)) }
                        let numId: Int
                        if style == .numbers {
                            numId = 4
                        } else {
                            letterLists += 1
                            numId = letterLists == 1 ? 1 : 3   // the second list restarts at (a)
                        }
                        for e in entries {
                            body += paragraph(run(e), numId: numId, ilvl: style == .numbers ? 0 : 2)
                        }
                    case let .subsection(k, t, entries):
                        if n == 7 {
                            // Typed by hand, as many drafts are.
                            body += paragraph("<w:r><w:t>(\(k))</w:t></w:r><w:r><w:tab/></w:r>" + run(t))
                            for (i, e) in entries.enumerated() {
                                body += paragraph("<w:r><w:t>(\(letter(i)))</w:t><w:tab/></w:r>" + run(e))
                                if k == 1 && i == 2 {
                                    // A paragraph deleted in review, its mark with it.
                                    body += paragraph("<w:del \(revision)><w:r><w:delText>(x)</w:delText><w:tab/><w:delText>detention in a closed facility until the trial is over;</w:delText></w:r></w:del>",
                                                      mark: "<w:del \(revision)/>")
                                }
                            }
                            continue
                        }
                        var content = run(t)
                        if n == 3 && k == 4 {
                            content = run("A person convicted of an offence under this section is liable to imprisonment for a term not exceeding ")
                                + "<w:del \(revision)><w:r><w:delText>ten</w:delText></w:r></w:del>"
                                + "<w:ins \(revision)>\(run("fifteen"))</w:ins>"
                                + run(" years.")
                                + "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"1\"/></w:r>"
                        }
                        if n == 3 && k == 3 {
                            content = run(t) + "<w:del \(revision)><w:r><w:delText xml:space=\"preserve\"> It shall be a defence that the victim consented.</w:delText></w:r></w:del>"
                        }
                        body += paragraph(content, numId: 1, ilvl: 1)
                        for e in entries { body += paragraph(run(e), numId: 1, ilvl: 2) }
                    }
                }
            case let .schedule(title, rows):
                body += paragraph(run(title))
                body += "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>"
                for row in rows {
                    body += "<w:tr>" + row.map { "<w:tc><w:tcPr><w:tcW w:w=\"4000\" w:type=\"dxa\"/></w:tcPr>\(paragraph(run($0)))</w:tc>" }.joined() + "</w:tr>"
                }
                body += "</w:tbl>"
            }
        }
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="\(w)" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>\(body)<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>
        """
    }

    static var numberingXML: String {
        func level(_ i: Int, _ format: String, _ text: String) -> String {
            "<w:lvl w:ilvl=\"\(i)\"><w:start w:val=\"1\"/><w:numFmt w:val=\"\(format)\"/><w:lvlText w:val=\"\(text)\"/><w:lvlJc w:val=\"left\"/></w:lvl>"
        }
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:numbering xmlns:w="\(w)">
        <w:abstractNum w:abstractNumId="10">\(level(0, "decimal", "%1.").replacingOccurrences(of: "<w:lvlJc", with: "<w:pStyle w:val=\"SectionHeading\"/><w:lvlJc"))\(level(1, "decimal", "(%2)"))\(level(2, "lowerLetter", "(%3)"))\(level(3, "lowerRoman", "(%4)"))</w:abstractNum>
        <w:abstractNum w:abstractNumId="20">\(level(0, "decimal", "%1."))</w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
        <w:num w:numId="3"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
        <w:num w:numId="4"><w:abstractNumId w:val="20"/></w:num>
        </w:numbering>
        """
    }

    static var stylesXML: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="\(w)">
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="SectionHeading"><w:name w:val="Section Heading"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
        </w:styles>
        """
    }

    static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>
    """

    static let packageRels = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
    """

    static let documentRels = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>
    """

    static var footnotesXML: String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:footnotes xmlns:w=\"\(w)\"><w:footnote w:id=\"1\"><w:p><w:r><w:t>\(xml(decoy))</w:t></w:r></w:p></w:footnote></w:footnotes>"
    }

    static var commentsXML: String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:comments xmlns:w=\"\(w)\"><w:comment w:id=\"0\" w:author=\"Reviewer\"><w:p><w:r><w:t>\(xml(decoy))</w:t></w:r></w:p></w:comment></w:comments>"
    }

    /// A ZIP archive from (path, content) pairs, written with ZIPFoundation.
    static func zip(_ entries: [(String, [UInt8])], compression: CompressionMethod = .deflate) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes) in entries {
            let data = Data(bytes)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: compression) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return Array(archive.data ?? Data())
    }

    static func docx(document: String = Bill.docxDocument, extra: [(String, [UInt8])] = []) throws -> [UInt8] {
        try zip([
            ("[Content_Types].xml", Array(contentTypes.utf8)),
            ("_rels/.rels", Array(packageRels.utf8)),
            ("word/document.xml", Array(document.utf8)),
            ("word/_rels/document.xml.rels", Array(documentRels.utf8)),
            ("word/numbering.xml", Array(numberingXML.utf8)),
            ("word/styles.xml", Array(stylesXML.utf8)),
            ("word/footnotes.xml", Array(footnotesXML.utf8)),
            ("word/comments.xml", Array(commentsXML.utf8)),
        ] + extra)
    }

    // MARK: PDF

    /// A one-page PDF (standard Helvetica, WinAnsi encoding) with one text line per line of
    /// `text`, built by hand with a correct cross-reference table.
    static func pdf(_ text: String) -> [UInt8] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var stream = "BT\n/F1 6 Tf\n8 TL\n20 \(lines.count * 8 + 40) Td\n"
        for line in lines {
            var encoded = ""
            for scalar in line.replacingOccurrences(of: "\t", with: "    ").unicodeScalars {
                switch scalar {
                case "(", ")", "\\": encoded += "\\" + String(scalar)
                case "—": encoded += "\\227"
                case "–": encoded += "\\226"
                case "“": encoded += "\\223"
                case "”": encoded += "\\224"
                case "’": encoded += "\\222"
                default:
                    if scalar.value < 0x80 { encoded.unicodeScalars.append(scalar) } else if scalar.value < 0x100 {
                        encoded += "\\" + String(scalar.value, radix: 8)
                    } else { encoded += "?" }
                }
            }
            stream += "(\(encoded)) '\n"
        }
        stream += "ET\n"
        let height = lines.count * 8 + 80
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1200 \(height)] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)endstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        ]
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { out += String(format: "%010d 00000 n \n", o) }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(out.utf8)
    }
}
