/// A line of the source text with its byte span, as the segmenter walks it.
struct TextLine {
    /// Byte offset of the first character (after leading white space).
    var start: Int
    /// Byte offset just past the last non-white character.
    var end: Int
    /// Byte offset of the start of the raw line (before indentation).
    var lineStart: Int
    /// Byte offset of the start of the next line.
    var next: Int
    /// The trimmed text.
    var text: String

    var isBlank: Bool { start >= end }

    /// Splits UTF-8 bytes into lines (LF, CRLF or CR), trimming spaces and tabs.
    static func split(_ bytes: [UInt8]) -> [TextLine] {
        var lines: [TextLine] = []
        var i = 0
        let n = bytes.count
        while i < n || (i == n && lines.isEmpty && n == 0) {
            if n == 0 { break }
            let lineStart = i
            while i < n, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
            var lineEnd = i
            if i < n, bytes[i] == 0x0D { i += 1 }
            if i < n, bytes[i] == 0x0A { i += 1 }
            var s = lineStart
            while s < lineEnd, case let w = MarkerScanner.spaceWidth(bytes, s), w > 0 { s += w }
            while lineEnd > s, bytes[lineEnd - 1] == 0x20 || bytes[lineEnd - 1] == 0x09 { lineEnd -= 1 }
            lines.append(TextLine(start: s, end: lineEnd, lineStart: lineStart, next: i,
                                  text: String(decoding: bytes[s..<lineEnd], as: UTF8.self)))
        }
        return lines
    }
}
