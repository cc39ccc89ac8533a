/// Text prepared for matching: validated UTF-8 bytes, held once and matched many times.
///
/// Building a `Subject` is the one place the UTF-8 is validated; matches then skip PCRE2's
/// own check (which otherwise re-validates the whole remaining subject on every call).
public struct Subject: Sendable {
    /// The UTF-8 bytes of the text.
    public let bytes: [UInt8]

    /// Prepares `text`; a Swift `String` is always valid UTF-8.
    public init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// Shares bytes already known to be valid UTF-8 — the `utf8` of a `SourceText`, made
    /// from a `String` — without copying or checking them: a long document is then held once
    /// for matching, not once more per subject. Bytes of any other origin go through
    /// ``init(validating:)``.
    public init(utf8OfString bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Prepares raw bytes, which must be valid UTF-8.
    /// - Throws: ``PatternError/invalidUTF8(offset:)`` with the offset of the first bad byte.
    public init(validating bytes: [UInt8]) throws {
        if let bad = Subject.firstInvalidUTF8(in: bytes) {
            throw PatternError.invalidUTF8(offset: bad)
        }
        self.bytes = bytes
    }

    /// The text between two UTF-8 offsets.
    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The first offset after `offset` that starts a scalar (or the end).
    func nextScalarBoundary(after offset: Int) -> Int {
        var next = offset + 1
        while next < bytes.count, bytes[next] & 0xC0 == 0x80 { next += 1 }
        return next
    }

    /// The offset of the first byte that is not part of valid UTF-8, or nil.
    public static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(b & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(b & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(b & 0x07)
            default: return i
            }
            guard i + length <= n else { return i }
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += length
        }
        return nil
    }
}
