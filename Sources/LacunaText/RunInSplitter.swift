/// Splits lines whose subdivisions run in — as legislation databases deliver a section, one
/// paragraph holding "(1) A person who ... (2) The consent ... — (a) ...; (b) ..." — into one
/// line per subdivision, so the segmenter reads the same tree it reads when each subdivision
/// starts its own line. The text is not changed: the pieces are spans of the same line.
///
/// A marker inside a line starts a new piece only where drafting puts one:
/// - after the words that open a list (a dash or a colon), the first marker of a sequence —
///   `(1)`, `(a)`, `(i)`, `(A)`, `1.`, `a)`;
/// - after the end of a clause or sentence (`;`, `.`, `,`, "; and", "; or") or an opening
///   dash, the marker that continues a sequence already opened on the line: `(2)` after
///   `(1)`, `(b)` after `(a)`, `(ii)` after `(i)`;
/// - right after a section's number and heading on one line ("14. Trafficking in persons
///   (1) A person ..."), the first subsection `(1)` or `(a)`.
///
/// Laws: the pieces of a line cover its marker-led spans in order, never overlap, and start
/// at a marker; a reference ("section 5 (1) (a)", "under subsection (2), a person") is never
/// split, since no clause ends before it; a line without run-in markers is returned unchanged.
enum RunInSplitter {
    static func split(_ lines: [TextLine], bytes: [UInt8]) -> [TextLine] {
        var out: [TextLine] = []
        out.reserveCapacity(lines.count)
        for line in lines {
            guard !line.isBlank, line.end - line.start > 8, hasCandidate(bytes, line) else { out.append(line); continue }
            out.append(contentsOf: pieces(of: line, bytes: bytes))
        }
        return out
    }

    /// Whether the line holds an opening parenthesis, a digit or a letter followed by ")"
    /// after a space — the cheap test before the real one.
    private static func hasCandidate(_ b: [UInt8], _ line: TextLine) -> Bool {
        var i = line.start + 1
        while i < line.end - 1 {
            if b[i - 1] == 0x20, b[i] == 0x28 || (b[i + 1] == 0x29 || b[i + 1] == 0x2E) { return true }
            i += 1
        }
        return false
    }

    /// The sequences a line has opened so far.
    private struct Sequences {
        var number: Int?
        var letter: UInt8?
        var roman: Int?
        var upper: UInt8?
        var point: Int?
        var letterPoint: UInt8?

        mutating func resetBelowNumber() { letter = nil; roman = nil; upper = nil; letterPoint = nil }
    }

    private enum Before { case opening, separator, heading, none }

    private static func pieces(of line: TextLine, bytes b: [UInt8]) -> [TextLine] {
        var seq = Sequences()
        var starts: [Int] = []
        // The marker the line itself starts with opens its sequence.
        if let first = marker(b, at: line.start, end: line.end) {
            _ = accept(first, before: .opening, seq: &seq, force: true)
        }
        let headingEnd = sectionNumberEnd(b, line)
        var i = line.start + 1
        while i < line.end - 1 {
            defer { i += 1 }
            guard b[i - 1] == 0x20 || b[i - 1] == 0xA0 else { continue }
            guard mayStartMarker(b, i, end: line.end), let m = marker(b, at: i, end: line.end) else { continue }
            var before = precedingBoundary(b, before: i, floor: line.start)
            if before == .none, let headingEnd, starts.isEmpty, seq.number == nil, seq.letter == nil,
               m.style == .parenNumber && m.label == "1" || m.style == .parenLower && m.label == "a",
               headingEnd < i, TextClassifier.isHeadingLike(headingText(b[headingEnd..<i])) {
                before = .heading
            }
            // "SEC. 10. Penalties and Sanctions. – (a) Any person ...": the segmenter reads a
            // heading and its text on one line; only the items after the first are split off.
            if before == .opening, starts.isEmpty, let headingEnd, headingEnd < i,
               TextClassifier.isHeadingLike(headingText(b[headingEnd..<i])) { _ = accept(m, before: before, seq: &seq, force: true); continue }
            guard before != .none, accept(m, before: before, seq: &seq, force: false) else { continue }
            starts.append(i)
        }
        guard !starts.isEmpty else { return [line] }
        var result: [TextLine] = []
        var pieceStart = line.start
        for s in starts + [line.next] {
            var end = min(s, line.end)
            while end > pieceStart, b[end - 1] == 0x20 || b[end - 1] == 0x09 { end -= 1 }
            let next = s == line.next ? line.next : s
            result.append(TextLine(start: pieceStart, end: end, lineStart: pieceStart == line.start ? line.lineStart : pieceStart,
                                   next: next, text: String(decoding: b[pieceStart..<end], as: UTF8.self)))
            pieceStart = s
        }
        return result
    }

    /// The words before a list's opening dash or colon, without it.
    private static func headingText(_ bytes: ArraySlice<UInt8>) -> String {
        var t = Substring(String(decoding: bytes, as: UTF8.self))
        while let l = t.last, l == " " || l == "\u{A0}" || ":.-—–".contains(l) { t = t.dropLast() }
        return String(t)
    }

    /// "(", "a)" or digits and "." or ")" at `i`: worth reading a marker there.
    private static func mayStartMarker(_ b: [UInt8], _ i: Int, end: Int) -> Bool {
        if b[i] == 0x28 { return true }
        if MarkerScanner.isLower(b[i]) { return i + 1 < end && b[i + 1] == 0x29 }
        var j = i
        while j < end, j - i < 3, MarkerScanner.isDigit(b[j]) { j += 1 }
        return j > i && j < end && (b[j] == 0x2E || b[j] == 0x29)
    }

    /// A subdivision marker at `i` — `(1)`, `(a)`, `(ii)`, `(A)`, `1.`, `1)`, `a)` — followed
    /// by a space.
    private static func marker(_ b: [UInt8], at i: Int, end: Int) -> Marker? {
        let slice = Array(b[i..<min(end, i + 12)])
        var scanner = MarkerScanner(String(decoding: slice, as: UTF8.self))
        if let m = scanner.parenthesised() {
            let close = m.label.utf8.count + 1
            return close + 1 < slice.count && slice[close] == 0x29 && slice[close + 1] == 0x20 ? m : nil
        }
        scanner.i = 0
        if let m = scanner.point(), m.style == .point || (m.style == .letterPoint && slice[1] == 0x29) { return m }
        return nil
    }

    /// What ends the text before a marker at `i`: a list opening (dash or colon), a clause
    /// separator (`;`, `.`, `,`, optionally followed by "and" / "or"), or nothing.
    private static func precedingBoundary(_ b: [UInt8], before i: Int, floor: Int) -> Before {
        var j = i
        while j > floor, b[j - 1] == 0x20 || b[j - 1] == 0xA0 || b[j - 1] == 0xC2 { j -= 1 }
        guard j > floor else { return .none }
        // "; and", "; or", ", and"
        if j - 3 >= floor, b[j - 3] == 0x20, b[j - 2] == 0x6F, b[j - 1] == 0x72 { return separatorBefore(b, j - 3, floor) ? .separator : .none }
        if j - 4 >= floor, b[j - 4] == 0x20, b[j - 3] == 0x61, b[j - 2] == 0x6E, b[j - 1] == 0x64 { return separatorBefore(b, j - 4, floor) ? .separator : .none }
        let c = b[j - 1]
        if c == 0x3A { return .opening }
        if c == 0x2D, j - 2 >= floor, b[j - 2] == 0x20 || b[j - 2] == 0x2D { return .opening }
        if j - 3 >= floor, b[j - 3] == 0xE2, b[j - 2] == 0x80, b[j - 1] == 0x93 || b[j - 1] == 0x94 { return .opening }
        if c == 0x3B || c == 0x2E || c == 0x2C { return .separator }
        return .none
    }

    private static func separatorBefore(_ b: [UInt8], _ j: Int, _ floor: Int) -> Bool {
        var k = j
        while k > floor, b[k - 1] == 0x20 { k -= 1 }
        return k > floor && (b[k - 1] == 0x3B || b[k - 1] == 0x2C)
    }

    /// Where the section number the line starts with ends ("14. ", "Section 3 "), if it
    /// starts with one.
    private static func sectionNumberEnd(_ b: [UInt8], _ line: TextLine) -> Int? {
        var scanner = MarkerScanner(String(decoding: b[line.start..<min(line.end, line.start + 24)], as: UTF8.self))
        if scanner.structural() != nil { return line.start + scanner.i }
        scanner.i = 0
        return scanner.bareNumber() != nil ? line.start + scanner.i : nil
    }

    /// Whether `m` opens or continues a sequence, given what precedes it; records it.
    private static func accept(_ m: Marker, before: Before, seq: inout Sequences, force: Bool) -> Bool {
        let opens = force || before == .opening || before == .heading
        switch m.style {
        case .parenNumber:
            let digits = m.label.prefix { $0.isNumber }
            guard let n = Int(digits) else { return false }
            let suffixed = digits.count < m.label.count   // "(2A)" after "(2)"
            guard force || (suffixed ? seq.number == n : (seq.number.map { $0 + 1 == n } ?? (opens && n == 1))) else { return false }
            seq.number = n
            seq.resetBelowNumber()
            return true
        case .parenLower:
            let letter = m.label.utf8.count == 1 ? m.label.utf8.first : nil
            if let letter, let last = seq.letter, last + 1 == letter {
                seq.letter = letter
                seq.roman = nil
                seq.upper = nil
                return true
            }
            if let r = romanValue(m.label), force || (seq.roman.map { $0 + 1 == r } ?? (opens && r == 1)) {
                seq.roman = r
                seq.upper = nil
                return true
            }
            if let letter, force || (seq.letter == nil && opens && letter == 0x61) {
                seq.letter = letter
                seq.roman = nil
                seq.upper = nil
                return true
            }
            return false
        case .parenUpper:
            guard m.label.utf8.count == 1, let letter = m.label.utf8.first else { return false }
            guard force || (seq.upper.map { $0 + 1 == letter } ?? (opens && letter == 0x41)) else { return false }
            seq.upper = letter
            return true
        case .point:
            guard let n = Int(m.label) else { return false }
            guard force || (seq.point.map { $0 + 1 == n } ?? (before == .opening && n == 1)) else { return false }
            seq.point = n
            seq.letterPoint = nil
            return true
        case .letterPoint:
            guard let letter = m.label.utf8.first else { return false }
            guard force || (seq.letterPoint.map { $0 + 1 == letter } ?? (before == .opening && letter == 0x61)) else { return false }
            seq.letterPoint = letter
            return true
        default:
            return false
        }
    }

    private static func romanValue(_ label: String) -> Int? {
        let numerals = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"]
        return numerals.firstIndex(of: label).map { $0 + 1 }
    }
}
