import Foundation
import ZIPFoundation

/// The parts of a Word (.docx) file around its body — content types, relationships, styles,
/// document properties — and the ZIP container that holds them (written with ZIPFoundation).
///
/// Laws: the same body and title give the same bytes (entries in a fixed order, a fixed
/// modification date, no timestamps in the properties); `[Content_Types].xml` is the first
/// entry, as Office writes it; pages are A4 with 2 cm margins.
struct DocxPackage {
    /// The children of `<w:body>` (paragraphs and tables), without the section properties.
    var body: String
    var title: String
    /// The report's language (`en`, `fr`, `es`): the proofing language of the text.
    var language: String = "en"

    /// Every part, in the order written: (path in the archive, content).
    var parts: [(path: String, content: String)] {
        [
            ("[Content_Types].xml", DocxPackage.contentTypes),
            ("_rels/.rels", DocxPackage.packageRels),
            ("docProps/core.xml", core),
            ("word/document.xml", document),
            ("word/_rels/document.xml.rels", DocxPackage.documentRels),
            ("word/styles.xml", language == "en" ? DocxPackage.styles
                : DocxPackage.styles.replacingOccurrences(of: "<w:lang w:val=\"en-GB\"/>", with: "<w:lang w:val=\"\(proofing)\"/>")),
        ]
    }

    /// The proofing language Word checks the text in.
    var proofing: String {
        switch language {
        case "fr": "fr-FR"
        case "es": "es-ES"
        default: "en-GB"
        }
    }

    var document: String {
        let section = "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>"
        return DocxPackage.declaration + "<w:document xmlns:w=\"\(WordML.namespace)\"><w:body>" + body + section + "</w:body></w:document>"
    }

    var core: String {
        DocxPackage.declaration
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
            + "<dc:title>\(WordML.escape(title))</dc:title><dc:creator>Lacuna</dc:creator></cp:coreProperties>"
    }

    /// A fixed date for every entry (ZIP's DOS dates start in 1980), so output is reproducible.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800 + 86_400)

    /// The .docx file.
    func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            let bytes = Data(part.content.utf8)
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: DocxPackage.entryDate,
                                 permissions: 0o644, compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static let contentTypes = declaration + """
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
    <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
    <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
    </Types>
    """

    static let packageRels = declaration + """
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
    </Relationships>
    """

    static let documentRels = declaration + """
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
    </Relationships>
    """

    /// Paragraph styles with Word's built-in ids (so Word's navigation pane and table of
    /// contents see the headings) and the table style of every table.
    static let styles = declaration + """
    <w:styles xmlns:w="\(WordML.namespace)">\
    <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri" w:eastAsia="Calibri"/>\
    <w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>\
    <w:pPrDefault><w:pPr><w:spacing w:after="100" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
    <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
    \(heading("Title", "Title", size: 40, level: nil, after: 60))\
    \(heading("Heading1", "heading 1", size: 30, level: 0, after: 120))\
    \(heading("Heading2", "heading 2", size: 25, level: 1, after: 80))\
    \(heading("Heading3", "heading 3", size: 22, level: 2, after: 60))\
    <w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:qFormat/>\
    <w:pPr><w:ind w:left="567"/><w:pBdr><w:left w:val="single" w:sz="12" w:space="8" w:color="D9DCE1"/></w:pBdr></w:pPr>\
    <w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia" w:cs="Georgia"/><w:i/></w:rPr></w:style>\
    <w:style w:type="paragraph" w:styleId="Meta"><w:name w:val="Meta"/><w:basedOn w:val="Normal"/>\
    <w:rPr><w:color w:val="5F6368"/><w:sz w:val="18"/></w:rPr></w:style>\
    <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>\
    <w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
    <w:style w:type="table" w:styleId="LacunaTable"><w:name w:val="Lacuna Table"/><w:basedOn w:val="TableNormal"/>\
    <w:pPr><w:spacing w:before="20" w:after="20"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr>\
    <w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="BFC4CA"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="BFC4CA"/>\
    <w:insideH w:val="single" w:sz="4" w:space="0" w:color="D9DCE1"/></w:tblBorders>\
    <w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
    </w:styles>
    """

    static func heading(_ id: String, _ name: String, size: Int, level: Int?, after: Int) -> String {
        let outline = level.map { "<w:outlineLvl w:val=\"\($0)\"/>" } ?? ""
        return "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
            + "<w:pPr><w:keepNext/><w:spacing w:before=\"\(after * 2)\" w:after=\"\(after)\"/>\(outline)</w:pPr>"
            + "<w:rPr><w:b/><w:color w:val=\"1D1D1F\"/><w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/></w:rPr></w:style>"
    }
}
