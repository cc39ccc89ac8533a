import Crypto
import Foundation
import LacunaCore
import LacunaPatterns

/// How to decode a plain-text (or HTML) file.
public enum TextEncoding: String, Sendable, CaseIterable {
    /// Detected: UTF-8; UTF-16 by its byte-order mark (or, without one, its zero bytes);
    /// Windows-1252 / Latin-1 when the bytes are not UTF-8 and look like such text. A
    /// detected encoding is named in ``SourceText/format``.
    case auto
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case latin1 = "latin-1"
}

/// Reads a file into a ``SourceText``: the text as shown to the user, one paragraph per line,
/// whatever the format — plain text, Word (.docx), HTML, Akoma Ntoso XML, or PDF through
/// `pdftotext`. The format is recognised by content (magic bytes, root element), not by the
/// file name; a name that promises a format the content does not have is an error.
///
/// It never guesses silently: a file it cannot read faithfully is an ``InputError`` naming
/// the file and the problem, and every choice it made (a detected encoding, tracked changes,
/// a misleading extension) is named in ``SourceText/format``. Hostile input stays within
/// bounds: files above ``maxBytes`` are refused before they are read, ZIP containers are
/// limited to ``maxExpandedBytes``, XML is read without entities or DTDs and with a depth
/// limit, and `pdftotext` runs with a time limit.
public struct Ingester: Sendable {
    /// Files larger than this are refused before they are read.
    public var maxBytes: Int
    public var encoding: TextEncoding
    /// Which text of a Word file with tracked changes to read.
    public var docxRevisions: DocxRevisions
    /// The most a Word file's parts may expand to when unzipped (a zip-bomb guard).
    public var maxExpandedBytes: Int
    /// Where to look for `pdftotext` (a `PATH`-style list); nil uses the process's `PATH`.
    public var toolSearchPath: String?
    /// How long `pdftotext` may take.
    public var pdfTimeout: TimeInterval

    public static let defaultMaxBytes = 50 * 1024 * 1024
    public static let defaultMaxExpandedBytes = 64 * 1024 * 1024

    public init(maxBytes: Int = Ingester.defaultMaxBytes, encoding: TextEncoding = .auto,
                docxRevisions: DocxRevisions = .current, maxExpandedBytes: Int = Ingester.defaultMaxExpandedBytes,
                toolSearchPath: String? = nil, pdfTimeout: TimeInterval = 120) {
        self.maxBytes = maxBytes
        self.encoding = encoding
        self.docxRevisions = docxRevisions
        self.maxExpandedBytes = maxExpandedBytes
        self.toolSearchPath = toolSearchPath
        self.pdfTimeout = pdfTimeout
    }

    /// The most `--max-size` accepts, in megabytes (1 TiB).
    public static let largestMaxSize = 1 << 20

    /// `--max-size` in bytes, from megabytes as written: a whole number from 1 to
    /// ``largestMaxSize``, else a ``UsageError`` quoting the value.
    public static func maxBytes(megabytes text: String) throws -> Int {
        guard let mb = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw UsageError("--max-size \(text): expected a whole number of megabytes, e.g. 50")
        }
        return try maxBytes(megabytes: mb)
    }

    public static func maxBytes(megabytes mb: Int) throws -> Int {
        guard (1...largestMaxSize).contains(mb) else {
            throw UsageError("--max-size \(mb): the limit is a number of megabytes from 1 to \(largestMaxSize)")
        }
        return mb * 1024 * 1024
    }

    /// How standard input is named in reports and messages.
    public static let standardInputName = "<stdin>"

    /// Reads the file at `path`; `-` reads standard input (up to ``maxBytes``), reported as
    /// `<stdin>`.
    public func read(path: String) throws -> SourceText {
        if path == "-" {
            let bytes = try readBounded(FileHandle.standardInput, after: [], path: Ingester.standardInputName)
            return try decode(bytes, path: Ingester.standardInputName)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(path: path, problem: Ingester.whyMissing(path))
        }
        if isDirectory.boolValue { throw InputError(path: path, problem: "is a directory, not a document") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        if size > maxBytes {
            throw InputError(path: path, problem: "is \(Ingester.megabytes(size)), above the \(Ingester.megabytes(maxBytes)) limit (raise it with --max-size)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(path: path, problem: "cannot be opened for reading (check its permissions)")
        }
        defer { try? handle.close() }
        let head: [UInt8]
        do {
            head = Array(try handle.read(upToCount: 1024) ?? Data())
        } catch {
            throw InputError(path: path, problem: "could not be read: \(error.localizedDescription)")
        }
        let kind = Ingester.sniff(head)
        // ZIP and PDF are read from the file itself, never copied into memory whole.
        if kind == .zip || kind == .pdf,
           (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular {
            return try readBinary(kind, bytes: head, file: path, path: path)
        }
        // Read at most one byte more than the limit: devices and pipes have no size.
        return try decode(try readBounded(handle, after: head, path: path), path: path)
    }

    /// Why nothing can be read at `path`: no such file, or a symbolic link in a loop or to
    /// nothing.
    public static func whyMissing(_ path: String, noSuch: String = "no such file") -> String {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else { return noSuch }
        // realpath fails with ELOOP on a loop anywhere along the chain.
        errno = 0
        if let resolved = realpath(path, nil) {
            free(resolved)
        } else if errno == ELOOP {
            return "is a symbolic link in a loop (it leads back to itself through \(target))"
        }
        return "is a symbolic link to \(target), which does not exist"
    }

    func readBounded(_ handle: FileHandle, after head: [UInt8], path: String) throws -> [UInt8] {
        var data = Data(head)
        do {
            while data.count <= maxBytes {
                guard let chunk = try handle.read(upToCount: min(1 << 20, maxBytes + 1 - data.count)), !chunk.isEmpty else { break }
                data.append(chunk)
            }
        } catch {
            throw InputError(path: path, problem: "could not be read: \(error.localizedDescription)")
        }
        if data.count > maxBytes {
            throw tooLarge(path: path)
        }
        return Array(data)
    }

    /// The error for input longer than ``maxBytes`` (a stream, or bytes held in memory),
    /// as `lacuna analyze` words it; `lacuna serve` answers an oversized upload with it.
    public func tooLarge(path: String) -> InputError {
        InputError(path: path, problem: "is larger than the \(Ingester.megabytes(maxBytes)) limit (raise it with --max-size)")
    }

    /// Decodes bytes already in memory (used for standard input, uploads and tests).
    public func decode(_ bytes: [UInt8], path: String) throws -> SourceText {
        if bytes.isEmpty { throw InputError(path: path, problem: "is empty") }
        if bytes.count > maxBytes {
            throw tooLarge(path: path)
        }
        let kind = Ingester.sniff(bytes)
        switch kind {
        case .zip, .pdf:
            return try readBinary(kind, bytes: bytes, file: nil, path: path)
        case .ole:
            throw InputError(path: path, problem: OLEInspector.problem(bytes))
        case let .unsupported(description):
            throw InputError(path: path, problem: "is \(description), not a document Lacuna reads (plain text, Word .docx, HTML, Akoma Ntoso XML or PDF)")
        case .other:
            return try decodeTextual(bytes, path: path)
        }
    }

    // MARK: formats

    enum Sniffed: Equatable {
        case zip, pdf, ole, other
        case unsupported(String)
    }

    /// Recognises binary formats by their first bytes. Longer than 80 lines: one check per
    /// signature, in order of precedence.
    static func sniff(_ bytes: [UInt8]) -> Sniffed {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) || bytes.starts(with: [0x50, 0x4B, 0x07, 0x08]) { return .zip }
        if bytes.drop(while: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }).starts(with: Array("%PDF".utf8)) { return .pdf }
        if bytes.starts(with: OLEInspector.magic) { return .ole }
        if bytes.starts(with: [0x1F, 0x8B]) { return .unsupported("gzip-compressed") }
        if bytes.starts(with: Array("{\\rtf".utf8)) { return .unsupported("an RTF file (save it as .docx or plain text)") }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) || bytes.starts(with: [0xFF, 0xD8, 0xFF]) || bytes.starts(with: Array("GIF8".utf8)) {
            return .unsupported("an image")
        }
        if bytes.starts(with: [0x7F, 0x45, 0x4C, 0x46]) { return .unsupported("an executable program") }
        if bytes.starts(with: [0x37, 0x7A, 0xBC, 0xAF]) || bytes.starts(with: Array("Rar!".utf8)) { return .unsupported("a compressed archive") }
        return .other
    }

    /// What the file name promises.
    enum Claim: String {
        case docx, pdf, html, xml, text
    }

    static func claim(_ path: String) -> (claim: Claim, ext: String)? {
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "docx", "docm", "dotx", "dotm": return (.docx, ext)
        case "pdf": return (.pdf, ext)
        case "html", "htm", "xhtml", "shtml": return (.html, ext)
        case "xml", "akn": return (.xml, ext)
        case "txt", "text": return (.text, ext)
        default: return nil
        }
    }

    /// Checks the file name against the format found in the content. Content wins, and the
    /// report says so (`named .xml`); plain text under a name that promises a structured
    /// format is refused, since reading it as text could silently mis-read a damaged file.
    func nameQualifier(_ path: String, found: Claim, foundDescription: String) throws -> String? {
        guard let (claimed, ext) = Ingester.claim(path), claimed != found else { return nil }
        if claimed == .xml && found == .html { return nil }   // XHTML
        if found == .text && claimed != .text {
            let promised: String
            switch claimed {
            case .docx: promised = "a Word file (it is not a ZIP container)"
            case .pdf: promised = "a PDF file (it has no %PDF header)"
            case .html: promised = "an HTML page (it has no HTML markup)"
            case .xml: promised = "an XML document (it has no XML markup)"
            case .text: promised = "text"
            }
            throw InputError(path: path, problem: "has a .\(ext) extension but is not \(promised); it looks like \(foundDescription) — rename it if that is what it is")
        }
        return "named .\(ext)"
    }

    static func formatName(_ base: String, _ qualifiers: [String?]) -> String {
        let q = qualifiers.compactMap { $0 }
        return q.isEmpty ? base : base + " (" + q.joined(separator: "; ") + ")"
    }

    func readBinary(_ kind: Sniffed, bytes: [UInt8], file: String?, path: String) throws -> SourceText {
        // The hash of the raw file, taken once the file has been read successfully.
        func hash() throws -> String { try file.map { try Ingester.hashFile($0, path: path) } ?? Ingester.hash(bytes) }
        switch kind {
        case .zip:
            let reader = DocxReader(revisions: docxRevisions, maxExpandedBytes: maxExpandedBytes)
            let result = try file.map { try reader.read(url: URL(fileURLWithPath: $0), path: path) }
                ?? reader.read(data: Data(bytes), path: path)
            let named = try nameQualifier(path, found: .docx, foundDescription: "a Word file")
            let changes: String? = result.hasTrackedChanges
                ? (docxRevisions == .original ? "text before tracked changes" : "tracked changes accepted") : nil
            return try finish(result.text, path: path, format: Ingester.formatName("docx", [changes, named]), hash: try hash(), encoding: nil,
                              empty: "is a Word file with no text")
        default:
            let reader = PDFReader(searchPath: toolSearchPath, timeout: pdfTimeout, maxOutputBytes: max(maxExpandedBytes, maxBytes) * 2)
            let text: String
            if let file {
                text = try reader.read(file: file, displayPath: path)
            } else {
                let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("lacuna-\(UUID().uuidString).pdf")
                try Data(bytes).write(to: temporary)
                defer { try? FileManager.default.removeItem(at: temporary) }
                text = try reader.read(file: temporary.path, displayPath: path)
            }
            let named = try nameQualifier(path, found: .pdf, foundDescription: "a PDF file")
            return try finish(text, path: path, format: Ingester.formatName("pdf", [named]), hash: try hash(), encoding: "utf-8",
                              empty: "is a PDF file with no text")
        }
    }

    /// Text, HTML or XML.
    func decodeTextual(_ bytes: [UInt8], path: String) throws -> SourceText {
        let hash = Ingester.hash(bytes)
        // Markup is recognised on UTF-8; UTF-16 markup is converted first.
        var utf8 = bytes
        var utf16: DecodedText?
        if encoding == .auto || encoding == .utf16,
           bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || TextDecoder.utf16WithoutBOM(bytes) != nil || encoding == .utf16 {
            let decoded = try TextDecoder.decode(bytes, encoding: encoding, path: path)
            utf16 = decoded
            utf8 = Array(decoded.text.utf8)
        }
        let startsAsXML = utf8.drop(while: { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF || $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })
            .starts(with: Array("<?xml".utf8))
        let root = XMLSafety.rootElement(utf8)
        if startsAsXML || root?.name == "akomaNtoso", let problem = XMLSafety.dangerousDeclaration(in: utf8) {
            throw InputError(path: path, problem: "is XML with \(problem); Lacuna does not expand XML entities or read DTDs")
        }
        if root?.name == "akomaNtoso" {
            let reader = AkomaNtosoReader()
            try SafeXMLParser.parse(try XMLSafety.prepare(utf8, path: path), handler: reader, path: path)
            let named = try nameQualifier(path, found: .xml, foundDescription: "Akoma Ntoso XML")
            return try finish(reader.finish(), path: path, format: Ingester.formatName("akn", [named]), hash: hash,
                              encoding: utf16?.encoding ?? "utf-8", empty: "is an Akoma Ntoso document with no text")
        }
        if HTMLReader.looksLikeHTML(utf8) || root?.name.lowercased() == "html" {
            let decoded: DecodedText
            if let utf16 {
                decoded = utf16
            } else {
                decoded = try decodeHTML(bytes, path: path)
            }
            let named = try nameQualifier(path, found: .html, foundDescription: "an HTML page")
            let detected = decoded.detected ? "\(decoded.encoding) detected" : nil
            return try finish(HTMLReader.text(decoded.text), path: path, format: Ingester.formatName("html", [detected, named]),
                              hash: hash, encoding: decoded.encoding, empty: "is an HTML page with no text")
        }
        if startsAsXML {
            let root = root.map { "<\($0.prefix.map { $0 + ":" } ?? "")\($0.name)>" } ?? "unknown"
            throw InputError(path: path, problem: "is an XML document (root element \(root)) in a vocabulary Lacuna does not read; it reads Akoma Ntoso XML, HTML, Word .docx, PDF and plain text")
        }
        let decoded = try utf16 ?? TextDecoder.decode(bytes, encoding: encoding, path: path)
        let named = try nameQualifier(path, found: .text, foundDescription: "plain text")
        let detected = decoded.detected ? "\(decoded.encoding) detected" : nil
        return try finish(decoded.text, path: path, format: Ingester.formatName("text", [detected, named]), hash: hash,
                          encoding: decoded.encoding, empty: "is empty (only white space)")
    }

    /// HTML: the encoding a byte-order mark or the page declares, or else detected.
    func decodeHTML(_ bytes: [UInt8], path: String) throws -> DecodedText {
        if encoding != .auto { return try TextDecoder.decode(bytes, encoding: encoding, path: path) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return try TextDecoder.decodeUTF8(bytes, path: path) }
        switch HTMLReader.declaredCharset(bytes) {
        case nil:
            return try TextDecoder.detect(bytes, path: path)
        case "utf-8"?, "utf8"?, "unicode-1-1-utf-8"?:
            return try TextDecoder.decodeUTF8(bytes, path: path)
        case "iso-8859-1"?, "latin1"?, "latin-1"?, "windows-1252"?, "cp1252"?, "us-ascii"?, "ascii"?, "iso8859-1"?, "l1"?:
            // Browsers read all of these as Windows-1252.
            return DecodedText(text: TextDecoder.decodeSingleByte(bytes[...]), encoding: "windows-1252", detected: false)
        case let other?:
            throw InputError(path: path, problem: "is an HTML page in the \(other) encoding, which Lacuna does not read; save it as UTF-8")
        }
    }

    func finish(_ text: String, path: String, format: String, hash: String, encoding: String?, empty: String) throws -> SourceText {
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw InputError(path: path, problem: empty)
        }
        return SourceText(path: path, text: text, format: format, contentHash: hash, encoding: encoding)
    }

    static func hash(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// SHA-256 of a file, read in chunks.
    static func hashFile(_ file: String, path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: file) else {
            throw InputError(path: path, problem: "cannot be opened for reading (check its permissions)")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        } catch {
            throw InputError(path: path, problem: "could not be read: \(error.localizedDescription)")
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    static func megabytes(_ n: Int) -> String {
        String(format: "%.1f MB", Double(n) / 1_048_576)
    }
}
