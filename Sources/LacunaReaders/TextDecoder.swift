import LacunaPatterns

/// Text decoded from bytes, with the encoding used and whether it was detected rather than
/// declared (a byte-order mark, a charset declaration or the user's `--encoding`).
struct DecodedText {
    var text: String
    /// `utf-8`, `utf-16le`, `utf-16be`, `latin-1`, `windows-1252`.
    var encoding: String
    /// True when Lacuna chose the encoding from the bytes alone; the report then says so.
    var detected: Bool
}

/// Decodes plain text: UTF-8, UTF-16 (a byte-order mark is honoured; without one, UTF-16 is
/// recognised by its pattern of zero bytes) and Latin-1 / Windows-1252 (recognised when the
/// bytes are not UTF-8 and carry no control-character noise). A detected encoding is always
/// reported; bytes that fit none of these are an error, never a guess.
enum TextDecoder {
    /// Bytes 0x80–0x9F in Windows-1252 (nil: undefined in that code page).
    static let windows1252High: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ]

    /// Decodes `bytes` with the user's choice of encoding (`auto` detects).
    static func decode(_ bytes: [UInt8], encoding: TextEncoding, path: String) throws -> DecodedText {
        switch encoding {
        case .latin1:
            return DecodedText(text: decodeSingleByte(bytes[...]), encoding: usesWindows1252(bytes[...]) ? "windows-1252" : "latin-1", detected: false)
        case .utf16:
            return try decodeUTF16(bytes, bigEndian: nil, path: path, detected: false)
        case .utf8:
            return try decodeUTF8(bytes, path: path)
        case .auto:
            return try detect(bytes, path: path)
        }
    }

    static func detect(_ bytes: [UInt8], path: String) throws -> DecodedText {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return try decodeUTF16(bytes, bigEndian: nil, path: path, detected: false)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return try decodeUTF8(bytes, path: path) }
        if let bigEndian = utf16WithoutBOM(bytes) {
            return try decodeUTF16(bytes, bigEndian: bigEndian, path: path, detected: true)
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw InputError(path: path, problem: "looks binary (a NUL byte at offset \(nul)); it is not a text document")
        }
        guard let bad = Subject.firstInvalidUTF8(in: bytes) else {
            return DecodedText(text: String(decoding: bytes, as: UTF8.self), encoding: "utf-8", detected: false)
        }
        // Not UTF-8. Windows-1252 (and its subset Latin-1) is what such files almost always
        // are; accept it only when nothing says otherwise: no control characters but tab, line
        // feed, carriage return and form feed, no byte undefined in that code page, and
        // letters mostly ASCII (a Cyrillic or Greek single-byte file would be all high bytes).
        if wellFormedMultibyteSequences(bytes) > 0 {
            // Mostly UTF-8 with some broken bytes: reading it as Latin-1 would garble the rest.
            let line = bytes[..<bad].filter { $0 == 0x0A }.count + 1
            throw InputError(path: path, problem: "is UTF-8 with invalid bytes (the first at byte \(bad), line \(line)); repair or convert it, or pass --encoding latin-1")
        }
        if let reason = notWindows1252(bytes[...]) {
            let line = bytes[..<bad].filter { $0 == 0x0A }.count + 1
            throw InputError(path: path, problem: "is not valid UTF-8 (byte \(bad), line \(line)) and does not look like Latin-1 either (\(reason)); convert it to UTF-8 or pass --encoding")
        }
        let name = usesWindows1252(bytes[...]) ? "windows-1252" : "latin-1"
        return DecodedText(text: decodeSingleByte(bytes[...]), encoding: name, detected: true)
    }

    /// How many well-formed UTF-8 sequences of two to four bytes the bytes hold.
    static func wellFormedMultibyteSequences(_ bytes: [UInt8]) -> Int {
        var count = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: i += 1; continue
            }
            if i + length <= n, (1..<length).allSatisfy({ bytes[i + $0] & 0xC0 == 0x80 }) {
                count += 1
                i += length
            } else {
                i += 1
            }
        }
        return count
    }

    static func decodeUTF8(_ bytes: [UInt8], path: String) throws -> DecodedText {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let nul = body.firstIndex(of: 0) {
            throw InputError(path: path, problem: "looks binary (a NUL byte at offset \(nul)); it is not a text document")
        }
        if let bad = Subject.firstInvalidUTF8(in: Array(body)) {
            let line = body.prefix(bad).filter { $0 == 0x0A }.count + 1
            throw InputError(path: path, problem: "is not valid UTF-8 (byte \(bad + body.startIndex), line \(line)); convert it to UTF-8 or pass --encoding latin-1")
        }
        return DecodedText(text: String(decoding: body, as: UTF8.self), encoding: "utf-8", detected: false)
    }

    /// Whether the bytes look like UTF-16 without a byte-order mark: text in Latin script
    /// has a zero in every other byte. Returns the byte order, or nil.
    static func utf16WithoutBOM(_ bytes: [UInt8]) -> Bool? {
        let n = min(bytes.count, 4096) & ~1
        guard n >= 4 else { return nil }
        var zeroEven = 0, zeroOdd = 0
        for i in 0..<n where bytes[i] == 0 {
            if i & 1 == 0 { zeroEven += 1 } else { zeroOdd += 1 }
        }
        let pairs = n / 2
        if zeroOdd * 10 >= pairs * 7 && zeroEven * 20 <= pairs { return false }
        if zeroEven * 10 >= pairs * 7 && zeroOdd * 20 <= pairs { return true }
        return nil
    }

    static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool?, path: String, detected: Bool) throws -> DecodedText {
        var body = bytes[...]
        var big = bigEndian ?? false
        if body.starts(with: [0xFE, 0xFF]) { big = true; body = body.dropFirst(2) } else if body.starts(with: [0xFF, 0xFE]) { big = false; body = body.dropFirst(2) }
        guard body.count % 2 == 0 else {
            throw InputError(path: path, problem: "is truncated UTF-16 (an odd number of bytes)")
        }
        var scalars = String.UnicodeScalarView()
        var decoder = UTF16()
        var iterator = UTF16Units(bytes: body, bigEndian: big)
        loop: while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(s):
                if s.value == 0 { throw InputError(path: path, problem: "looks binary (a NUL character in UTF-16 text); it is not a text document") }
                scalars.append(s)
            case .emptyInput: break loop
            case .error: throw InputError(path: path, problem: "is not valid UTF-16 (an unpaired surrogate)")
            }
        }
        return DecodedText(text: String(scalars), encoding: big ? "utf-16be" : "utf-16le", detected: detected)
    }

    struct UTF16Units: IteratorProtocol {
        let bytes: ArraySlice<UInt8>
        let bigEndian: Bool
        var i: Int
        init(bytes: ArraySlice<UInt8>, bigEndian: Bool) {
            self.bytes = bytes
            self.bigEndian = bigEndian
            i = bytes.startIndex
        }
        mutating func next() -> UInt16? {
            guard i + 1 < bytes.endIndex else { return nil }
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            i += 2
            return bigEndian ? a << 8 | b : b << 8 | a
        }
    }

    /// Windows-1252: bytes 0x80–0x9F are the printable characters of that code page (curly
    /// quotes, dashes, the euro sign); the rest are Latin-1.
    static func decodeSingleByte(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for b in bytes {
            if b >= 0x80 && b <= 0x9F, let v = windows1252High[Int(b - 0x80)], let s = Unicode.Scalar(v) {
                scalars.append(s)
            } else {
                scalars.append(Unicode.Scalar(b))
            }
        }
        return String(scalars)
    }

    static func usesWindows1252(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.contains { $0 >= 0x80 && $0 <= 0x9F }
    }

    /// Why the bytes are not plausible Windows-1252 text, or nil when they are.
    static func notWindows1252(_ bytes: ArraySlice<UInt8>) -> String? {
        var high = 0, asciiLetters = 0
        for (i, b) in zip(bytes.indices, bytes) {
            switch b {
            case 0x09, 0x0A, 0x0C, 0x0D: continue
            case 0x00..<0x20, 0x7F: return "a control character at byte \(i)"
            case 0x81, 0x8D, 0x8F, 0x90, 0x9D: return "byte 0x\(String(b, radix: 16, uppercase: true)) at \(i) is not a character"
            case 0x41...0x5A, 0x61...0x7A: asciiLetters += 1
            case 0x80...0xFF: high += 1
            default: continue
            }
        }
        // Latin-script text has a few accented letters among many plain ones.
        if high > asciiLetters / 2 + 8 { return "most letters are not ASCII, so it is probably another single-byte encoding" }
        return nil
    }
}
