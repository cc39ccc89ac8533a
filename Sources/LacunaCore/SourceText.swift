/// A document's text after ingest, with where it came from.
///
/// All spans inside Lacuna are UTF-8 byte offsets into ``utf8``; reports convert them once,
/// through ``TextLocator``, to Unicode scalar offsets and line numbers.
public struct SourceText: Sendable {
    /// The path or name the user gave.
    public let path: String
    /// The text as shown to the user.
    public let text: String
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
        self.text = text
        self.utf8 = Array(text.utf8)
        self.format = format
        self.contentHash = contentHash
        self.encoding = encoding
    }

    /// The text between two byte offsets.
    public func slice(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, utf8.count))
        let upper = max(lower, min(range.upperBound, utf8.count))
        return String(decoding: utf8[lower..<upper], as: UTF8.self)
    }
}
