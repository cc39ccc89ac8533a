import Crypto
import Foundation
import LacunaCore
import LacunaPatterns

/// How to decode a plain-text file.
public enum TextEncoding: String, Sendable, CaseIterable {
    /// UTF-8, or UTF-16 when a byte-order mark says so; anything else is an error.
    case auto
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case latin1 = "latin-1"
}

/// Reads a file into a ``SourceText``. It never guesses silently: a file it cannot read
/// faithfully is an ``InputError`` naming the file and the problem.
public struct Ingester: Sendable {
    /// Files larger than this are refused before they are read.
    public var maxBytes: Int
    public var encoding: TextEncoding

    public static let defaultMaxBytes = 50 * 1024 * 1024

    public init(maxBytes: Int = Ingester.defaultMaxBytes, encoding: TextEncoding = .auto) {
        self.maxBytes = maxBytes
        self.encoding = encoding
    }

    /// Reads the file at `path`.
    public func read(path: String) throws -> SourceText {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(path: path, problem: "no such file")
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
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw InputError(path: path, problem: "could not be read: \(error.localizedDescription)")
        }
        if data.count > maxBytes {
            throw InputError(path: path, problem: "is larger than the \(Ingester.megabytes(maxBytes)) limit (raise it with --max-size)")
        }
        return try decode(Array(data), path: path)
    }

    /// Decodes bytes already in memory (used for standard input and tests).
    public func decode(_ bytes: [UInt8], path: String) throws -> SourceText {
        let hash = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        if bytes.isEmpty { throw InputError(path: path, problem: "is empty") }
        if let kind = Ingester.unsupportedFormat(bytes) {
            throw InputError(path: path, problem: "is \(kind); only plain text is supported by this version (save it as UTF-8 text)")
        }
        let text = try decodeText(bytes, path: path)
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw InputError(path: path, problem: "is empty (only white space)")
        }
        return SourceText(path: path, text: text, format: "text", contentHash: hash)
    }

    func decodeText(_ bytes: [UInt8], path: String) throws -> String {
        let hasUTF16BOM = bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
        switch encoding {
        case .latin1:
            return String(bytes.map { Character(UnicodeScalar($0)) })
        case .utf16:
            return try decodeUTF16(bytes, path: path)
        case .auto where hasUTF16BOM:
            return try decodeUTF16(bytes, path: path)
        case .auto, .utf8:
            var body = bytes[...]
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
            if let nul = body.firstIndex(of: 0) {
                throw InputError(path: path, problem: "looks binary (a NUL byte at offset \(nul)); it is not a text document")
            }
            if let bad = Subject.firstInvalidUTF8(in: Array(body)) {
                let line = body.prefix(bad - body.startIndex + 0).filter { $0 == 0x0A }.count + 1
                throw InputError(path: path, problem: "is not valid UTF-8 (byte \(bad), line \(line)); convert it to UTF-8 or pass --encoding latin-1")
            }
            return String(decoding: body, as: UTF8.self)
        }
    }

    func decodeUTF16(_ bytes: [UInt8], path: String) throws -> String {
        var body = bytes[...]
        var bigEndian = false
        if body.starts(with: [0xFE, 0xFF]) { bigEndian = true; body = body.dropFirst(2) } else if body.starts(with: [0xFF, 0xFE]) { body = body.dropFirst(2) }
        guard body.count % 2 == 0 else {
            throw InputError(path: path, problem: "is truncated UTF-16 (an odd number of bytes)")
        }
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var i = body.startIndex
        while i < body.endIndex {
            let a = UInt16(body[i]), b = UInt16(body[i + 1])
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            i += 2
        }
        var scalars = String.UnicodeScalarView()
        var decoder = UTF16()
        var iterator = units.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(s): scalars.append(s)
            case .emptyInput: break loop
            case .error: throw InputError(path: path, problem: "is not valid UTF-16 (an unpaired surrogate)")
            }
        }
        return String(scalars)
    }

    /// Recognises binary formats by their first bytes.
    static func unsupportedFormat(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "a ZIP archive (a Word .docx file?)" }
        if bytes.starts(with: Array("%PDF".utf8)) { return "a PDF file" }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return "a legacy Word/OLE file" }
        if bytes.starts(with: [0x1F, 0x8B]) { return "gzip-compressed" }
        if bytes.starts(with: Array("{\\rtf".utf8)) { return "an RTF file" }
        return nil
    }

    static func megabytes(_ n: Int) -> String {
        String(format: "%.1f MB", Double(n) / 1_048_576)
    }
}
