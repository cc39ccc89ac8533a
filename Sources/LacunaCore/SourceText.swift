/// A document's text after ingest, with where it came from.
///
/// All spans inside Lacuna are UTF-8 byte offsets into ``utf8``; reports convert them once,
/// through ``TextLocator``, to Unicode scalar offsets and line numbers.
public struct SourceText: Sendable {
    /// The path or name the user gave.
    public let path: String
    /// The text as shown to the user, made from ``utf8`` each time it is asked for: a long
    /// document is held once, as its bytes, not also as a string (a caller that reads the
    /// text often keeps the string it gets).
    public var text: String { String(decoding: utf8, as: UTF8.self) }
    /// The UTF-8 bytes of ``text``.
    public let utf8: [UInt8]
    /// The format it was read from (`text`, `docx`, `html`, `akn`, `pdf`), with a qualifier in
    /// parentheses when the reading involved a choice the user should see, such as an encoding
    /// that was detected rather than declared (`text (windows-1252 detected)`).
    public let format: String
    /// The character encoding of the input (`utf-8`, `utf-16le`, `windows-1252`, ...), when known.
    public let encoding: String?
    /// Hex SHA-256 of the text, or of the raw input when the ingester supplies it.
    public let contentHash: String

    public init(path: String, text: String, format: String = "text", contentHash: String, encoding: String? = nil) {
        self.path = path
        self.utf8 = Array(text.utf8)
        self.format = format
        self.contentHash = contentHash
        self.encoding = encoding
    }

    /// The number of Unicode scalars of the text (`text.unicodeScalars.count`), counted on
    /// its bytes: every byte but a continuation byte starts one.
    public var scalarCount: Int {
        var n = 0
        for b in utf8 where b & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// The text of the first `count` bytes, cut back to the start of a character (of a
    /// Unicode scalar) when the cut would split one: the beginning of a long text without
    /// making a string of all of it.
    public func prefix(bytes count: Int) -> String {
        var end = max(0, min(count, utf8.count))
        while end > 0, end < utf8.count, utf8[end] & 0xC0 == 0x80 { end -= 1 }
        return String(decoding: utf8[..<end], as: UTF8.self)
    }

    /// The text between two byte offsets.
    public func slice(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, utf8.count))
        let upper = max(lower, min(range.upperBound, utf8.count))
        return String(decoding: utf8[lower..<upper], as: UTF8.self)
    }
}
