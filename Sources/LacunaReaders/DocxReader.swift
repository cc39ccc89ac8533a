import Foundation
import ZIPFoundation

/// Which text of a Word file with tracked changes to read.
public enum DocxRevisions: String, Sendable, CaseIterable {
    /// The text with every change accepted: insertions kept, deletions dropped.
    case current
    /// The text before the changes: deletions kept, insertions dropped.
    case original
}

/// Reads a Word (.docx) file into the text Word shows: one paragraph per line, the numbers
/// of automatically numbered paragraphs written out (`3.`, `(1)`, `(a)`), table rows as lines
/// with tab-separated cells, tracked changes resolved (see ``DocxRevisions``), and hidden
/// text, field codes, footnotes, endnotes, comments, headers and footers left out.
///
/// The ZIP container is read through ZIPFoundation with limits: the number of entries, the
/// declared and the actual expanded size of the parts read (a zip bomb stops at the limit),
/// and each part's checksum. Every XML part goes through ``XMLSafety``.
struct DocxReader {
    var revisions: DocxRevisions = .current
    /// The most bytes the parts read may expand to, together.
    var maxExpandedBytes: Int = 64 << 20
    var maxEntries = 10_000

    struct Result {
        var text: String
        var hasTrackedChanges: Bool
    }

    static let wordNamespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]
    static let markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    static func isWordNamespace(_ ns: String) -> Bool { wordNamespaces.contains(ns) }

    /// An attribute by local name, whatever its prefix (`w:val`, `val`).
    static func attribute(_ local: String, _ attributes: [String: String]) -> String? {
        if let v = attributes["w:" + local] { return v }
        if let v = attributes[local] { return v }
        for (k, v) in attributes where k.hasSuffix(":" + local) { return v }
        return nil
    }

    /// OOXML on/off values: absent value means on.
    static func isOn(_ value: String?) -> Bool {
        guard let value else { return true }
        return !["0", "false", "off", "none"].contains(value.lowercased())
    }

    // MARK: the container

    /// The end-of-central-directory record must lie in the last 64 KiB (plus its own 22
    /// bytes) of a ZIP file. Checking this first keeps a file that has none from being
    /// scanned byte by byte from end to start (ZIPFoundation's search is unbounded).
    static let endRecordWindow = 65_535 + 22

    static func hasEndRecord(_ tail: some Collection<UInt8>) -> Bool {
        XMLSafety.find([0x50, 0x4B, 0x05, 0x06], in: ArraySlice(tail)) != nil
    }

    static let noEndRecord = "is a corrupt Word file (its ZIP container cannot be read: no central directory; the file is truncated or not a ZIP archive)"

    func read(url: URL, path: String) throws -> Result {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw InputError(path: path, problem: "cannot be opened for reading (check its permissions)")
        }
        let size = (try? handle.seekToEnd()) ?? 0
        try? handle.seek(toOffset: size > UInt64(DocxReader.endRecordWindow) ? size - UInt64(DocxReader.endRecordWindow) : 0)
        let tail = (try? handle.readToEnd()) ?? Data()
        try? handle.close()
        guard let listed = DocxReader.listedEntries(Array(tail)) else { throw InputError(path: path, problem: DocxReader.noEndRecord) }
        if listed > maxEntries, listed != 0xFFFF {
            throw InputError(path: path, problem: "is a ZIP archive with more than \(maxEntries) entries; Lacuna refuses it as a possible zip bomb")
        }
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw InputError(path: path, problem: "is a corrupt Word file (its ZIP container cannot be read: \(DocxReader.describe(error)))")
        }
        return try read(archive: archive, path: path, listed: listed)
    }

    /// The number of entries the last end-of-central-directory record lists (0xFFFF for
    /// ZIP64), or nil when the tail holds none.
    static func listedEntries(_ tail: [UInt8]) -> Int? {
        var last: Int?
        var from = 0
        while let at = XMLSafety.find([0x50, 0x4B, 0x05, 0x06], in: tail[from...]) {
            last = at
            from = at + 1
        }
        guard let at = last else { return nil }
        guard at + 12 <= tail.count else { return 0 }
        return Int(tail[at + 10]) | Int(tail[at + 11]) << 8
    }

    /// Reads a Word file held in memory. The bytes are written to a private temporary file
    /// first: ZIPFoundation's in-memory archives trap on an entry offset past the end of the
    /// data (found by fuzzing), while its file-backed reading fails cleanly.
    func read(data: Data, path: String) throws -> Result {
        guard DocxReader.hasEndRecord(data.suffix(DocxReader.endRecordWindow)) else {
            throw InputError(path: path, problem: DocxReader.noEndRecord)
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lacuna-\(UUID().uuidString).docx")
        guard FileManager.default.createFile(atPath: url.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw InputError(path: path, problem: "could not be read: no room for a temporary copy in \(FileManager.default.temporaryDirectory.path)")
        }
        defer { try? FileManager.default.removeItem(at: url) }
        return try read(url: url, path: path)
    }

    static func describe(_ error: Error) -> String {
        if let e = error as? Archive.ArchiveError {
            switch e {
            case .missingEndOfCentralDirectoryRecord: return "no central directory; the file is truncated or not a ZIP archive"
            case .invalidCRC32: return "a checksum does not match"
            case .invalidCompressionMethod: return "an unknown compression method"
            default: return "\(e)"
            }
        }
        return "\(error)"
    }

    // Longer than 80 lines: the parts of a Word file are read in their order (entries and
    // size budget, container kind, relationships, styles, numbering, document), each with its
    // own limit and message.
    func read(archive: Archive, path: String, listed: Int) throws -> Result {
        var entries: [String: Entry] = [:]
        var count = 0
        var declaredTotal: UInt64 = 0
        for entry in archive {
            count += 1
            if count > maxEntries {
                throw InputError(path: path, problem: "is a ZIP archive with more than \(maxEntries) entries; Lacuna refuses it as a possible zip bomb")
            }
            let (sum, overflow) = declaredTotal.addingReportingOverflow(entry.uncompressedSize)
            declaredTotal = overflow ? .max : sum
            let key = String(entry.path.lowercased().drop { $0 == "/" })
            if entries[key] == nil { entries[key] = entry }
        }
        if count < listed, listed != 0xFFFF {
            throw InputError(path: path, problem: "is a corrupt Word file (its ZIP directory lists \(listed) entries but only \(count) can be read)")
        }
        if count == 0 {
            throw InputError(path: path, problem: "is an empty ZIP archive, not a Word document")
        }
        // The whole archive may expand to no more than 16 times the limit on what is read.
        if declaredTotal > UInt64(maxExpandedBytes) * 16 {
            throw InputError(path: path, problem: "is a ZIP archive that declares \(Ingester.megabytes(Int(clamping: declaredTotal))) of content; Lacuna refuses it as a possible zip bomb")
        }
        var budget = Budget(remaining: maxExpandedBytes)

        func part(_ name: String, required: Bool = false) throws -> [UInt8]? {
            guard let entry = entries[name.lowercased()] else {
                if required { throw InputError(path: path, problem: "is a Word file without its main document part (\(name))") }
                return nil
            }
            return try extract(entry, name: name, from: archive, path: path, budget: &budget)
        }

        // What kind of ZIP is it?
        if entries["mimetype"] != nil, let mime = try part("mimetype").map({ String(decoding: $0, as: UTF8.self) }),
           mime.hasPrefix("application/vnd.oasis.opendocument") {
            let kind = mime.contains("text") ? "an OpenDocument text (.odt)" : "an OpenDocument file"
            throw InputError(path: path, problem: "is \(kind), not a Word file; save it as .docx, PDF or plain text")
        }
        if entries["xl/workbook.xml"] != nil {
            throw InputError(path: path, problem: "is an Excel workbook, not a Word document")
        }
        if entries["ppt/presentation.xml"] != nil {
            throw InputError(path: path, problem: "is a PowerPoint presentation, not a Word document")
        }
        if entries["encryptedpackage"] != nil {
            throw InputError(path: path, problem: "is an encrypted Word file; remove the password in Word and save it again")
        }

        var mainName = "word/document.xml"
        if let rels = try part("_rels/.rels") {
            let relationships = try Relationships.parse(rels, path: path, what: "_rels/.rels")
            if let target = relationships.target(endingWith: "/officeDocument", base: "") { mainName = target }
        }
        guard entries[mainName.lowercased()] != nil else {
            if entries["[content_types].xml"] == nil {
                throw InputError(path: path, problem: "is a ZIP archive, not a Word document (it has no word/document.xml)")
            }
            throw InputError(path: path, problem: "is a Word file without its main document part (\(mainName))")
        }
        let folder = mainName.split(separator: "/").dropLast().joined(separator: "/")
        let fileName = mainName.split(separator: "/").last.map(String.init) ?? "document.xml"
        var numberingName = folder.isEmpty ? "numbering.xml" : folder + "/numbering.xml"
        var stylesName = folder.isEmpty ? "styles.xml" : folder + "/styles.xml"
        let relsName = (folder.isEmpty ? "" : folder + "/") + "_rels/" + fileName + ".rels"
        if let rels = try part(relsName) {
            let relationships = try Relationships.parse(rels, path: path, what: relsName)
            if let t = relationships.target(endingWith: "/numbering", base: folder) { numberingName = t }
            if let t = relationships.target(endingWith: "/styles", base: folder) { stylesName = t }
        }

        var numbering = DocxNumbering()
        if let styles = try part(stylesName) {
            let parser = DocxStylesParser(numbering: numbering)
            try SafeXMLParser.parse(try XMLSafety.prepare(styles, path: path, what: stylesName), handler: parser, path: path, what: stylesName)
            numbering = parser.numbering
        }
        if let definitions = try part(numberingName) {
            let parser = DocxNumberingParser(numbering: numbering)
            try SafeXMLParser.parse(try XMLSafety.prepare(definitions, path: path, what: numberingName), handler: parser, path: path, what: numberingName)
            numbering = parser.numbering
        }
        let main = try part(mainName, required: true)!
        let builder = DocxDocumentBuilder(revisions: revisions, numbering: numbering)
        try SafeXMLParser.parse(try XMLSafety.prepare(main, path: path, what: mainName), handler: builder, path: path, what: mainName)
        return Result(text: builder.finish(), hasTrackedChanges: builder.sawRevision)
    }

    struct Budget {
        var remaining: Int
    }

    struct Stop: Error { var problem: String }

    /// Extracts one part, counting bytes as they come: never more than the entry declares,
    /// never more than the budget left; the checksum must match.
    func extract(_ entry: Entry, name: String, from archive: Archive, path: String, budget: inout Budget) throws -> [UInt8] {
        guard entry.type == .file else { return [] }
        let declared = entry.uncompressedSize
        if declared > UInt64(budget.remaining) {
            throw InputError(path: path, problem: "is a Word file whose \(name) expands to \(Ingester.megabytes(Int(clamping: declared))), above the \(Ingester.megabytes(maxExpandedBytes)) limit (a zip bomb?)")
        }
        var out: [UInt8] = []
        out.reserveCapacity(Int(declared))
        let limit = budget.remaining
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                if out.count + chunk.count > Int(declared) {
                    throw Stop(problem: "is a corrupt Word file (\(name) is larger than its ZIP entry declares; a zip bomb?)")
                }
                if out.count + chunk.count > limit {
                    throw Stop(problem: "is a Word file whose content expands beyond the \(Ingester.megabytes(maxExpandedBytes)) limit (a zip bomb?)")
                }
                out.append(contentsOf: chunk)
            }
        } catch let stop as Stop {
            throw InputError(path: path, problem: stop.problem)
        } catch {
            throw InputError(path: path, problem: "is a corrupt Word file (\(name) cannot be extracted: \(DocxReader.describe(error)))")
        }
        if checksum != entry.checksum {
            throw InputError(path: path, problem: "is a corrupt Word file (the checksum of \(name) does not match)")
        }
        if out.count != Int(declared) {
            throw InputError(path: path, problem: "is a corrupt Word file (\(name) is shorter than its ZIP entry declares)")
        }
        budget.remaining -= out.count
        return out
    }
}

/// The relationships of an OPC part (`_rels/.rels`, `word/_rels/document.xml.rels`).
final class Relationships: XMLEventHandler {
    var items: [(type: String, target: String, external: Bool)] = []

    static func parse(_ bytes: [UInt8], path: String, what: String) throws -> Relationships {
        let r = Relationships()
        try SafeXMLParser.parse(try XMLSafety.prepare(bytes, path: path, what: what), handler: r, path: path, what: what)
        return r
    }

    func start(_ name: String, namespace: String, attributes: [String: String]) {
        guard name == "Relationship", let type = attributes["Type"], let target = attributes["Target"] else { return }
        items.append((type, target, attributes["TargetMode"] == "External"))
    }
    func end(_ name: String, namespace: String) {}
    func characters(_ text: String) {}

    /// The part a relationship of this type points to, as a path inside the archive.
    func target(endingWith type: String, base: String) -> String? {
        guard let item = items.first(where: { $0.type.hasSuffix(type) && !$0.external }) else { return nil }
        var components: [Substring] = item.target.hasPrefix("/") ? [] : base.split(separator: "/")
        for piece in item.target.split(separator: "/") {
            if piece == ".." { _ = components.popLast() } else if piece != "." { components.append(piece) }
        }
        return components.joined(separator: "/")
    }
}

/// Builds the text of `word/document.xml` from parser events.
final class DocxDocumentBuilder: XMLEventHandler {
    let revisions: DocxRevisions
    var numbering: DocxNumbering
    private(set) var sawRevision = false

    private var lines: [String] = []

    struct Paragraph {
        var text = ""
        var numId: String?
        var ilvl: Int?
        var style: String?
        var originalNumId: String?
        var originalIlvl: Int?
        var hasOriginalProperties = false
        var markInserted = false
        var markDeleted = false
        /// Lines of text boxes anchored in this paragraph: they follow it.
        var deferred: [String] = []
    }

    struct Table {
        var rowCells: [String] = []
        var cellParts: [String] = []
        var rowDropped = false
        var inCell = false
    }

    struct Run {
        var text = ""
        var hidden = false
        var caps = false
        var noteMark = false
    }

    enum Container { case paragraph, table }

    private var paragraphs: [Paragraph] = []
    private var tables: [Table] = []
    private var runs: [Run] = []
    /// Open paragraphs and tables, innermost last: where finished text goes.
    private var containers: [Container] = []
    /// Text of paragraphs whose mark is gone (merged into the next paragraph).
    private var carry = ""

    /// For each open element, whether it started a skipped region.
    private var skipStack: [Bool] = []
    private var skip = 0
    private var inParagraphProperties = 0
    private var inParagraphChange = 0
    private var inRunProperties = 0
    private var inPropertyChange = 0
    private var inRowProperties = 0
    private var inText = false
    private var keepText = false

    init(revisions: DocxRevisions, numbering: DocxNumbering) {
        self.revisions = revisions
        self.numbering = numbering
    }

    func finish() -> String {
        if !carry.isEmpty { lines.append(carry); carry = "" }
        return lines.joined(separator: "\n") + "\n"
    }

    private var dropsInsertions: Bool { revisions == .original }

    static let revisionElements: Set<String> = ["ins", "del", "moveFrom", "moveTo"]

    private var inProperties: Bool { inParagraphProperties > 0 || inRunProperties > 0 || inRowProperties > 0 }

    // Longer than 80 lines: one case per WordprocessingML element the reader treats
    // specially, clearest as one dispatch.
    func start(_ name: String, namespace: String, attributes: [String: String]) {
        var skips = false
        defer {
            skipStack.append(skips)
            if skips { skip += 1 }
        }
        if namespace == DocxReader.markupCompatibility {
            // Alternative content: read the first choice, never the fallback copy.
            if name == "Fallback" { skips = true }
            return
        }
        guard DocxReader.isWordNamespace(namespace) else { return }
        if name.hasSuffix("Change") {
            inPropertyChange += 1
            if name == "pPrChange" { inParagraphChange += 1 }
            return
        }
        if skip > 0 { return }
        let val = DocxReader.attribute("val", attributes)

        // Revision marks inside properties: the paragraph mark, a table row.
        if DocxDocumentBuilder.revisionElements.contains(name), inProperties {
            sawRevision = true
            let inserted = name == "ins" || name == "moveTo"
            if inRowProperties > 0, !tables.isEmpty {
                if inserted == dropsInsertions { tables[tables.count - 1].rowDropped = true }
            } else if inParagraphProperties > 0, inRunProperties > 0, inPropertyChange == 0, !paragraphs.isEmpty {
                if inserted { paragraphs[paragraphs.count - 1].markInserted = true } else { paragraphs[paragraphs.count - 1].markDeleted = true }
            }
            return
        }

        switch name {
        case "ins", "moveTo":
            sawRevision = true
            if dropsInsertions { skips = true }
        case "del", "moveFrom":
            sawRevision = true
            if !dropsInsertions { skips = true }
        case "p":
            paragraphs.append(Paragraph())
            containers.append(.paragraph)
        case "pPr":
            inParagraphProperties += 1
            if inParagraphChange > 0, !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].hasOriginalProperties = true }
        case "rPr":
            inRunProperties += 1
        case "trPr":
            inRowProperties += 1
        case "pStyle":
            if inParagraphProperties > 0, inPropertyChange == 0, !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].style = val }
        case "numId":
            if inParagraphProperties > 0, !paragraphs.isEmpty {
                if inParagraphChange > 0 {
                    paragraphs[paragraphs.count - 1].originalNumId = val
                } else if inPropertyChange == 0 {
                    paragraphs[paragraphs.count - 1].numId = val
                }
            }
        case "ilvl":
            if inParagraphProperties > 0, !paragraphs.isEmpty {
                let level = val.flatMap { Int($0) }
                if inParagraphChange > 0 {
                    paragraphs[paragraphs.count - 1].originalIlvl = level
                } else if inPropertyChange == 0 {
                    paragraphs[paragraphs.count - 1].ilvl = level
                }
            }
        case "vanish", "specVanish":
            if inRunProperties > 0, inParagraphProperties == 0, inPropertyChange == 0, !runs.isEmpty {
                runs[runs.count - 1].hidden = DocxReader.isOn(val)
            }
        case "caps":
            if inRunProperties > 0, inParagraphProperties == 0, inPropertyChange == 0, !runs.isEmpty {
                runs[runs.count - 1].caps = DocxReader.isOn(val)
            }
        case "r":
            runs.append(Run())
        case "footnoteReference", "endnoteReference":
            // A custom footnote mark is typed as text in the same run: leave it out too.
            if let custom = DocxReader.attribute("customMarkFollows", attributes), DocxReader.isOn(custom), !runs.isEmpty {
                runs[runs.count - 1].noteMark = true
            }
        case "t":
            inText = true
            keepText = true
        case "delText":
            inText = true
            keepText = dropsInsertions
        case "instrText", "delInstrText":
            inText = true
            keepText = false
        case "tab", "ptab":
            if !inProperties { append("\t") }
        case "br", "cr":
            if !inProperties { append("\n") }
        case "noBreakHyphen":
            append("-")
        case "tbl":
            tables.append(Table())
            containers.append(.table)
        case "tr":
            if !tables.isEmpty {
                tables[tables.count - 1].rowCells = []
                tables[tables.count - 1].rowDropped = false
            }
        case "tc":
            if !tables.isEmpty {
                tables[tables.count - 1].cellParts = []
                tables[tables.count - 1].inCell = true
            }
        default:
            break
        }
    }

    func end(_ name: String, namespace: String) {
        let skipped = skipStack.popLast() ?? false
        if skipped { skip -= 1; return }
        guard DocxReader.isWordNamespace(namespace) else { return }
        if name.hasSuffix("Change") {
            inPropertyChange -= 1
            if name == "pPrChange" { inParagraphChange -= 1 }
            return
        }
        if skip > 0 { return }
        if DocxDocumentBuilder.revisionElements.contains(name), inProperties { return }
        switch name {
        case "pPr": inParagraphProperties -= 1
        case "rPr": inRunProperties -= 1
        case "trPr": inRowProperties -= 1
        case "t", "delText", "instrText", "delInstrText":
            inText = false
        case "r":
            if let run = runs.popLast(), !run.hidden, !run.noteMark, !run.text.isEmpty {
                appendToParagraph(run.caps ? run.text.uppercased() : run.text)
            }
        case "p":
            if let paragraph = paragraphs.popLast() {
                _ = containers.popLast()
                finishParagraph(paragraph)
            }
        case "tc":
            if !tables.isEmpty {
                let t = tables.count - 1
                let cell = tables[t].cellParts.filter { !$0.isEmpty }.joined(separator: " ")
                tables[t].rowCells.append(cell)
                tables[t].inCell = false
            }
        case "tr":
            if let table = tables.last, !table.rowDropped {
                // The row belongs to whatever holds the table.
                let row = table.rowCells.joined(separator: "\t")
                let savedContainer = containers.popLast()
                let savedTable = tables.popLast()
                emit(row)
                if let savedContainer { containers.append(savedContainer) }
                if let savedTable { tables.append(savedTable) }
            }
        case "tbl":
            if !tables.isEmpty {
                _ = tables.popLast()
                _ = containers.popLast()
            }
        default: break
        }
    }

    func characters(_ text: String) {
        guard skip == 0, inText, keepText, !runs.isEmpty else { return }
        runs[runs.count - 1].text += text
    }

    /// Tabs and breaks go to the run, in order with its text.
    private func append(_ s: String) {
        guard skip == 0 else { return }
        if !runs.isEmpty {
            runs[runs.count - 1].text += s
        } else {
            appendToParagraph(s)
        }
    }

    private func appendToParagraph(_ s: String) {
        guard !paragraphs.isEmpty else { return }
        paragraphs[paragraphs.count - 1].text += s
    }

    private func finishParagraph(_ p: Paragraph) {
        // Does the paragraph mark survive in the text being read? If not, the paragraph runs
        // on into the next one, which gives the merged paragraph its numbering.
        let markGone = dropsInsertions ? p.markInserted : p.markDeleted
        if markGone {
            carry += p.text
            for line in p.deferred { emit(line) }
            return
        }
        var numId = p.numId, ilvl = p.ilvl
        if dropsInsertions, p.hasOriginalProperties {
            numId = p.originalNumId
            ilvl = p.originalIlvl
        }
        var label = ""
        if let (id, level) = numbering.resolve(numId: numId, ilvl: ilvl, style: p.style) {
            label = numbering.label(numId: id, ilvl: level)
        }
        let body = carry + p.text
        carry = ""
        emit(label.isEmpty ? body : (body.isEmpty ? label : label + " " + body))
        for line in p.deferred { emit(line) }
    }

    /// A finished paragraph or table row goes to what holds it: a paragraph (a text box's
    /// lines follow the paragraph it is anchored in), a table cell, or the document.
    private func emit(_ line: String) {
        switch containers.last {
        case .paragraph?:
            paragraphs[paragraphs.count - 1].deferred.append(line)
        case .table?:
            let t = tables.count - 1
            if tables[t].inCell {
                tables[t].cellParts.append(line.replacingOccurrences(of: "\n", with: " "))
            } else {
                lines.append(line)
            }
        case nil:
            lines.append(line)
        }
    }
}
