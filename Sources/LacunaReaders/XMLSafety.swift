import Foundation
import LacunaPatterns
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The guards every XML document passes before and while Lacuna parses it (Akoma Ntoso
/// files and the parts of a Word file).
///
/// Foundation's `XMLParser` is libxml2 underneath and always asks it to substitute
/// entities, so the defences come before the parser sees the text:
/// - a document type declaration with an internal subset, an external identifier or any
///   `<!ENTITY` is refused (no legislation format needs one; it is how entity-expansion
///   bombs and external-entity reads are built);
/// - external entities are never resolved (`shouldResolveExternalEntities = false`, policy
///   `.never`);
/// - element depth and the amount of text are capped while parsing;
/// - the input is UTF-8 (other declared encodings are converted first), so the checks see
///   what the parser will see.
enum XMLSafety {
    /// Elements nested deeper than this are refused. libxml2's own limit is 256.
    static let maxDepth = 200

    /// Returns the document as UTF-8 bytes without a byte-order mark or a non-UTF-8 encoding
    /// declaration, after the checks above. `what` names the part for messages
    /// ("word/document.xml"); nil for a whole file.
    static func prepare(_ bytes: [UInt8], path: String, what: String? = nil) throws -> [UInt8] {
        let place = what.map { " (\($0))" } ?? ""
        var utf8 = try toUTF8(bytes, path: path, place: place)
        if let problem = dangerousDeclaration(in: utf8) {
            throw InputError(path: path, problem: "is XML with \(problem)\(place); Lacuna does not expand XML entities or read DTDs")
        }
        // Strip a UTF-8 byte-order mark: the parser gets plain UTF-8.
        if utf8.starts(with: [0xEF, 0xBB, 0xBF]) { utf8.removeFirst(3) }
        return utf8
    }

    /// Converts UTF-16 and single-byte declared encodings to UTF-8 (and drops the encoding
    /// declaration then, since it would no longer be true).
    static func toUTF8(_ bytes: [UInt8], path: String, place: String) throws -> [UInt8] {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
            || bytes.starts(with: [0x3C, 0x00, 0x3F, 0x00]) || bytes.starts(with: [0x00, 0x3C, 0x00, 0x3F]) {
            let big = bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0x00, 0x3C])
            let decoded = try TextDecoder.decodeUTF16(bytes, bigEndian: big, path: path, detected: false)
            return Array(dropDeclaration(decoded.text).utf8)
        }
        let declared = declaredEncoding(bytes)?.lowercased()
        switch declared {
        case nil, "utf-8", "utf8", "us-ascii", "ascii":
            if let bad = Subject.firstInvalidUTF8(in: bytes) {
                throw InputError(path: path, problem: "is XML that is not valid UTF-8 (byte \(bad))\(place)")
            }
            return bytes
        case "iso-8859-1", "latin1", "latin-1", "iso8859-1", "windows-1252", "cp1252":
            return Array(dropDeclaration(TextDecoder.decodeSingleByte(bytes[...])).utf8)
        case "utf-16", "utf-16le", "utf-16be":
            throw InputError(path: path, problem: "is XML that declares UTF-16 but has no UTF-16 byte-order mark\(place)")
        case let other?:
            throw InputError(path: path, problem: "is XML in the \(other) encoding, which Lacuna does not read\(place); save it as UTF-8")
        }
    }

    /// The `encoding` of an XML declaration at the start, if any.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        var b = bytes.prefix(200)
        if b.starts(with: [0xEF, 0xBB, 0xBF]) { b = b.dropFirst(3) }
        guard b.starts(with: Array("<?xml".utf8)), let end = b.firstIndex(of: 0x3E) else { return nil }
        let decl = String(decoding: b[b.startIndex..<end], as: UTF8.self)
        guard let r = decl.range(of: "encoding") else { return nil }
        let rest = decl[r.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    static func dropDeclaration(_ text: String) -> String {
        var t = Substring(text)
        if t.hasPrefix("\u{FEFF}") { t = t.dropFirst() }
        if t.hasPrefix("<?xml"), let end = t.range(of: "?>") { return String(t[end.upperBound...]) }
        return String(t)
    }

    /// Describes a document type declaration or entity declaration that is refused, or nil.
    static func dangerousDeclaration(in bytes: [UInt8]) -> String? {
        if let entity = find(Array("<!ENTITY".utf8), in: bytes[...]) {
            return "an entity declaration (<!ENTITY at byte \(entity))"
        }
        guard let start = find(Array("<!DOCTYPE".utf8), in: bytes[...]) else { return nil }
        // The declaration ends at the first '>' outside quotes, or at '[' (an internal subset).
        var i = start + 9
        var quote: UInt8? = nil
        var words: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            if let q = quote {
                if b == q { quote = nil }
            } else if b == 0x22 || b == 0x27 {
                quote = b
            } else if b == 0x5B {
                return "a DOCTYPE declaration with an internal subset"
            } else if b == 0x3E {
                break
            } else {
                words.append(b)
            }
            i += 1
        }
        let text = String(decoding: words, as: UTF8.self).uppercased()
        if text.contains("SYSTEM") || text.contains("PUBLIC") {
            return "a DOCTYPE declaration naming an external DTD"
        }
        return nil
    }

    static func find(_ needle: [UInt8], in hay: ArraySlice<UInt8>) -> Int? {
        guard let first = needle.first, hay.count >= needle.count else { return nil }
        var i = hay.startIndex
        let last = hay.endIndex - needle.count
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < needle.count, hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// The root element of an XML document: its local name and namespace prefix, skipping
    /// the prolog (declaration, comments, processing instructions, DOCTYPE). Nil when the
    /// text does not start like XML.
    static func rootElement(_ bytes: [UInt8]) -> (name: String, prefix: String?)? {
        var i = 0
        let n = min(bytes.count, 1 << 16)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < n {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { i += 1; continue }
            guard b == 0x3C, i + 1 < n else { return nil }
            let next = bytes[i + 1]
            if next == 0x3F {  // <? ... ?>
                guard let end = find([0x3F, 0x3E], in: bytes[(i + 2)..<n]) else { return nil }
                i = end + 2
            } else if next == 0x21 {  // <!-- --> or <!DOCTYPE ...>
                if bytes[i...].starts(with: Array("<!--".utf8)) {
                    guard let end = find(Array("-->".utf8), in: bytes[(i + 4)..<n]) else { return nil }
                    i = end + 3
                } else {
                    // A DOCTYPE may hold an internal subset in brackets, with '>' inside.
                    var j = i + 2
                    var quote: UInt8? = nil
                    var brackets = 0
                    while j < n {
                        let c = bytes[j]
                        if let q = quote { if c == q { quote = nil } } else if c == 0x22 || c == 0x27 { quote = c } else if c == 0x5B { brackets += 1 } else if c == 0x5D { brackets -= 1 } else if c == 0x3E && brackets <= 0 { break }
                        j += 1
                    }
                    guard j < n else { return nil }
                    i = j + 1
                }
            } else {
                var j = i + 1
                while j < n, !(bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0A || bytes[j] == 0x0D || bytes[j] == 0x3E || bytes[j] == 0x2F) { j += 1 }
                let qname = String(decoding: bytes[(i + 1)..<j], as: UTF8.self)
                guard let first = qname.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return nil }
                if let colon = qname.firstIndex(of: ":") {
                    return (String(qname[qname.index(after: colon)...]), String(qname[..<colon]))
                }
                return (qname, nil)
            }
        }
        return nil
    }
}

/// Receives the events of a parse. Implementations build text as they go.
protocol XMLEventHandler: AnyObject {
    func start(_ name: String, namespace: String, attributes: [String: String])
    func end(_ name: String, namespace: String)
    func characters(_ text: String)
}

/// Runs `XMLParser` over prepared bytes with the guards of ``XMLSafety``.
final class SafeXMLParser: NSObject, XMLParserDelegate {
    private let handler: XMLEventHandler
    private let path: String
    private let place: String
    private let maxTextBytes: Int
    private var depth = 0
    private var textBytes = 0
    private var failure: InputError?

    private init(handler: XMLEventHandler, path: String, what: String?, maxTextBytes: Int) {
        self.handler = handler
        self.path = path
        self.place = what.map { " (\($0))" } ?? ""
        self.maxTextBytes = maxTextBytes
    }

    /// Parses `bytes` (already through ``XMLSafety/prepare(_:path:what:)``), sending events to
    /// `handler`. Throws an ``InputError`` naming the file for malformed or hostile XML.
    static func parse(_ bytes: [UInt8], handler: XMLEventHandler, path: String, what: String? = nil,
                      maxTextBytes: Int = 256 << 20) throws {
        let delegate = SafeXMLParser(handler: handler, path: path, what: what, maxTextBytes: maxTextBytes)
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.externalEntityResolvingPolicy = .never
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.delegate = delegate
        let ok = parser.parse()
        if let failure = delegate.failure { throw failure }
        if !ok {
            let line = parser.lineNumber
            var detail = "malformed XML"
            if let error = parser.parserError as NSError? {
                let code = error.code
                detail = "malformed XML (parser error \(code)"
                if line > 0 { detail += " near line \(line)" }
                detail += ")"
            }
            throw InputError(path: path, problem: "is not well-formed: \(detail)\(delegate.place)")
        }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        guard failure == nil else { return }
        depth += 1
        if depth > XMLSafety.maxDepth {
            fail("is XML nested more than \(XMLSafety.maxDepth) elements deep\(place); Lacuna refuses it", parser)
            return
        }
        handler.start(elementName, namespace: namespaceURI ?? "", attributes: attributeDict)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard failure == nil else { return }
        depth -= 1
        handler.end(elementName, namespace: namespaceURI ?? "")
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard failure == nil else { return }
        textBytes += string.utf8.count
        if textBytes > maxTextBytes {
            fail("expands to more than \(Ingester.megabytes(maxTextBytes)) of text\(place)", parser)
            return
        }
        handler.characters(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        self.parser(parser, foundCharacters: String(decoding: CDATABlock, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        fail("is XML with an entity declaration (\(name))\(place); Lacuna does not expand XML entities", parser)
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        fail("is XML with an external entity (\(name))\(place); Lacuna does not read external entities", parser)
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        nil
    }

    /// libxml2 warnings that do not make a document unreadable (namespace URIs, version and
    /// language attributes).
    static let warnings: Set<Int> = [97, 98, 99, 100, 101, 106, 107]

    /// Words for the libxml2 errors malformed files most often have.
    static func describe(_ code: Int) -> String {
        switch code {
        case 4: return "the document is empty"
        case 5: return "there is content after the end of the document"
        case 9: return "an invalid character"
        case 26, 27: return "an undeclared entity"
        case 38, 39, 40, 41: return "a malformed attribute"
        case 68: return "a missing name"
        case 73: return "a tag without its closing '>'"
        case 76: return "a start tag and an end tag that do not match"
        case 77: return "the document ends before its elements are closed"
        case 89: return "an entity that refers to itself"
        case 201: return "an undefined namespace prefix"
        default: return "libxml2 error \(code)"
        }
    }

    /// libxml2 runs in recovery mode under `XMLParser`, so a malformed document still
    /// "parses"; its first error makes it an input error here.
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        let error = parseError as NSError
        guard failure == nil, !SafeXMLParser.warnings.contains(error.code) else { return }
        let line = parser.lineNumber
        var detail = SafeXMLParser.describe(error.code)
        if line > 0 { detail += " at line \(line)" }
        if let message = (error.userInfo["NSXMLParserErrorMessage"] ?? error.userInfo[NSLocalizedDescriptionKey]) as? String {
            let trimmed = message.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { detail += ": " + String(trimmed.prefix(120)) }
        }
        fail("is not well-formed XML (\(detail))\(place)", parser)
    }

    private func fail(_ problem: String, _ parser: XMLParser) {
        if failure == nil { failure = InputError(path: path, problem: problem) }
        parser.abortParsing()
    }
}
