/// Reads markers from the start of a line's bytes: the segmenter's grammar of provision
/// numbers, which gives each marker its label and style.
///
/// Laws: a method that finds no marker consumes nothing (`i` is unchanged); one that finds
/// one leaves `i` after it and the spaces and separators that follow. Its subdivision
/// markers (`parenthesised()`, `point()`) are stricter than `SentenceMap.startsListItem`,
/// the shape test the rule engine uses for list items inside a provision's text; the
/// `SentenceMap` doc comment says why the two differ. What may follow a bare section number
/// is what may start a sentence (`SentenceMap.startsSentence`).
struct MarkerScanner {
    let bytes: [UInt8]
    var i = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    static func isAlpha(_ b: UInt8) -> Bool { isLower(b) || isUpper(b) }

    func peek(_ k: Int = 0) -> UInt8? { i + k < bytes.count ? bytes[i + k] : nil }

    mutating func skipSpaces() {
        while case let w = MarkerScanner.spaceWidth(bytes, i), w > 0 { i += w }
    }

    /// The byte length of the horizontal white space at `i` (space, tab, no-break and the
    /// other Unicode spaces that converted documents carry), or 0.
    static func spaceWidth(_ b: [UInt8], _ i: Int) -> Int {
        guard i < b.count else { return 0 }
        switch b[i] {
        case 0x20, 0x09: return 1
        case 0xC2: return i + 1 < b.count && b[i + 1] == 0xA0 ? 2 : 0
        case 0xE2:
            guard i + 2 < b.count else { return 0 }
            if b[i + 1] == 0x80, (0x80...0x8A).contains(b[i + 2]) || b[i + 2] == 0xAF { return 3 }
            if b[i + 1] == 0x81, b[i + 2] == 0x9F { return 3 }
            return 0
        case 0xE3: return i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x80 ? 3 : 0
        default: return 0
        }
    }

    /// Skips separators that follow a number: `.`, `:`, `-`, en and em dashes, spaces.
    mutating func skipSeparators() {
        while true {
            skipSpaces()
            if let b = peek(), b == 0x2E || b == 0x3A || b == 0x2D { i += 1; continue }
            if peek() == 0xE2, peek(1) == 0x80, let c = peek(2), c == 0x93 || c == 0x94 { i += 3; continue }
            break
        }
    }

    /// A word of Latin letters, accented ones included ("Artículo", "TÍTULO", "Chapitre").
    mutating func word() -> String? {
        let s = i
        while let b = peek() {
            if MarkerScanner.isAlpha(b) { i += 1; continue }
            // À–ÿ in UTF-8 (C3 80–BF), but not × and ÷ (C3 97, C3 B7)
            if b == 0xC3, let c = peek(1), c >= 0x80, c <= 0xBF, c != 0x97, c != 0xB7 { i += 2; continue }
            break
        }
        return i > s ? String(decoding: bytes[s..<i], as: UTF8.self) : nil
    }

    /// A number like `12`, `279.01`, `3A`, `1593A`.
    mutating func number(allowDots: Bool) -> String? {
        let s = i
        while let b = peek(), MarkerScanner.isDigit(b) { i += 1 }
        guard i > s else { return nil }
        // 279.01, and the title-article-section numbers of US state codes: 13-45-101
        while allowDots, peek() == 0x2E || peek() == 0x2D, let d = peek(1), MarkerScanner.isDigit(d) {
            i += 1
            while let b = peek(), MarkerScanner.isDigit(b) { i += 1 }
        }
        // one trailing capital letter (3A) or a lower-case one glued on (1593a), or "4-A"
        if let b = peek(), MarkerScanner.isUpper(b) || MarkerScanner.isLower(b),
           !(peek(1).map(MarkerScanner.isAlpha) ?? false) {
            i += 1
        } else if peek() == 0x2D, let c = peek(1), MarkerScanner.isUpper(c), !(peek(2).map(MarkerScanner.isAlpha) ?? false) {
            i += 2
        }
        return String(decoding: bytes[s..<i], as: UTF8.self)
    }

    /// The ordinal indicator of Portuguese and Spanish numbering — `1º`, `2.º`, `1°`, `1ª` —
    /// which is not part of the number.
    mutating func skipOrdinalIndicator() {
        let dot = peek() == 0x2E ? 1 : 0
        if peek(dot) == 0xC2, let c = peek(dot + 1), c == 0xBA || c == 0xB0 || c == 0xAA { i += dot + 2 }
    }

    /// Latin ordinal suffixes of civil-law numbering: `3 bis`, `3-ter`.
    mutating func latinSuffix() -> String? {
        let save = i
        skipSpaces()
        if peek() == 0x2D { i += 1 }
        if let w = word(), ["bis", "ter", "quater", "quinquies", "sexies", "septies", "octies"].contains(w.lowercased()) {
            return w.lowercased()
        }
        i = save
        return nil
    }

    /// Words that head a part or a chapter, in English, French, Spanish and Portuguese.
    static let partWords: [String: Marker.Style] = [
        "part": .part, "title": .part, "book": .part,
        "chapter": .chapter, "division": .chapter, "subpart": .chapter,
        "titre": .part, "livre": .part, "chapitre": .chapter,
        "título": .part, "titulo": .part, "libro": .part, "capítulo": .chapter, "capitulo": .chapter,
        "livro": .part,
    ]
    /// Words that head an article: "Article 3", "Art. 225-4-1", "Artículo 177 bis", "Artigo 149-A".
    static let articleWords: Set<String> = ["article", "art", "artículo", "articulo", "artigo"]
    static let numberWords: Set<String> = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                           "ten", "eleven", "twelve", "first", "second", "third", "fourth", "fifth"]

    /// The structural marker at the start of the line, if any: a part or chapter, an
    /// article, a section, or a § sign with its number. Nothing is consumed when there is none.
    mutating func structural() -> Marker? {
        let save = i
        var marker: Marker?
        if let w = word() {
            let lower = w.lowercased()
            if let style = MarkerScanner.partWords[lower] {
                marker = part(style, word: lower)
            } else if MarkerScanner.articleWords.contains(lower) {
                marker = article()
            } else if lower == "section" || lower == "sec" {
                marker = section()
            }
        } else if peek() == 0xC2, peek(1) == 0xA7 {
            marker = paragraphSign()
        }
        if marker == nil { i = save }
        return marker
    }

    /// After a part word: "Part II", "Chapter 3", "Title One", "Chapter XVI-A".
    private mutating func part(_ style: Marker.Style, word lower: String) -> Marker? {
        skipSpaces()
        // "Division 271.2 – Offence of ...": a decimal number is a section of the
        // division (as databases head the sections of federal criminal codes).
        let numberStart = i
        if lower == "division", let n = number(allowDots: true), n.contains(".") {
            skipSeparators()
            return Marker(style: .section, label: n, length: i)
        }
        i = numberStart
        if let n = number(allowDots: false) {
            skipSeparators()
            return Marker(style: style, label: n, length: i)
        }
        guard let roman = word() else { return nil }
        let isRoman = roman.allSatisfy { "IVXLCDM".contains($0) }
        guard isRoman || MarkerScanner.numberWords.contains(roman.lowercased()) else { return nil }
        var label = roman
        // "XVI-A": a chapter inserted after chapter XVI
        if peek() == 0x2D, let c = peek(1), MarkerScanner.isUpper(c), !(peek(2).map(MarkerScanner.isAlpha) ?? false) {
            label += "-" + String(UnicodeScalar(c))
            i += 2
        }
        skipSeparators()
        return Marker(style: style, label: label, length: i)
    }

    /// After "Article" or "Art": "Article 3 bis", "Art. 1º", "Article (5)", "Article Twenty-Two".
    private mutating func article() -> Marker? {
        if peek() == 0x2E { i += 1 }
        skipSpaces()
        var parenthesised = false
        if peek() == 0x28 { parenthesised = true; i += 1; skipSpaces() }
        // "Article One:", "Article Twenty-Two:" (translations of Arabic-language laws)
        if let words = numberInWords() {
            skipSeparators()
            return Marker(style: .article, label: words, length: i)
        }
        // "Article 127-1", "Article 3.2", "Art. 1º"
        guard let n = number(allowDots: true) else { return nil }
        skipOrdinalIndicator()
        var label = n
        if let s = latinSuffix() { label += " " + s }
        if parenthesised { skipSpaces(); if peek() == 0x29 { i += 1 } }
        skipSeparators()
        return Marker(style: .article, label: label, length: i)
    }

    /// After "Section" or "Sec": "Section 13", "Sec. 4.".
    private mutating func section() -> Marker? {
        if peek() == 0x2E { i += 1 }
        skipSpaces()
        guard let n = number(allowDots: true) else { return nil }
        skipSeparators()
        return Marker(style: .section, label: n, length: i)
    }

    /// "§ 1590.", "§232", "§ 1º", "§ 3 bis".
    private mutating func paragraphSign() -> Marker? {
        i += 2
        skipSpaces()
        guard let n = number(allowDots: true) else { return nil }
        skipOrdinalIndicator()
        var label = n
        if let s = latinSuffix() { label += " " + s }
        skipSeparators()
        return Marker(style: .paragraphSign, label: label, length: i)
    }

    /// A bare number at line start: `4.`, `279.01`, `1 Slavery`; the caller decides what it is.
    mutating func bareNumber() -> (label: String, hadPeriod: Bool)? {
        let save = i
        guard let n = number(allowDots: true) else { return nil }
        var hadPeriod = false
        if peek() == 0x2E { hadPeriod = true; i += 1 }
        // "4.—(1) A person ...": a dash after the number's full stop (Irish and British Isles drafting)
        // ... and "18—(1) The Department ..." without the full stop (Northern Irish Acts as
        // databases print them)
        if peek() == 0xE2, peek(1) == 0x80, let d = peek(2), d == 0x94 || d == 0x93, hadPeriod || peek(3) == 0x28 {
            i += 3
        } else {
            guard MarkerScanner.spaceWidth(bytes, i) > 0 else { i = save; return nil }
        }
        skipSpaces()
        // the text after it must start a sentence or a marker: a capital, a quote or a bracket
        guard let c = peek(), SentenceMap.startsSentence(c) else {
            i = save
            return nil
        }
        return (n, hadPeriod)
    }

    static let unitWords = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                            "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    static let tensWords = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    static let ordinalWords = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                               "tenth", "eleventh", "twelfth"]

    /// A cardinal number written in words ("One", "Twenty-Two"), as the label is written.
    mutating func numberInWords() -> String? {
        let save = i
        guard let w = word() else { return nil }
        let lower = w.lowercased()
        if MarkerScanner.tensWords.contains(lower) {
            let afterTens = i
            if peek() == 0x2D || peek() == 0x20, let unit = { () -> String? in i += 1; return word() }(),
               MarkerScanner.unitWords.prefix(9).contains(unit.lowercased()) {
                return w + "-" + unit
            }
            i = afterTens
            return w
        }
        if MarkerScanner.unitWords.contains(lower) { return w }
        i = save
        return nil
    }

    /// "First:", "Second:" — items of Arabic-language laws in translation.
    mutating func ordinalItem() -> Marker? {
        let save = i
        guard let w = word(), MarkerScanner.ordinalWords.contains(w.lowercased()), peek() == 0x3A else { i = save; return nil }
        i += 1
        skipSpaces()
        return Marker(style: .point, label: w, length: i)
    }

    /// `(1)`, `(1A)`, `(a)`, `(cA)`, `(ii)`, `(A)`.
    mutating func parenthesised() -> Marker? {
        let save = i
        guard peek() == 0x28 else { return nil }
        i += 1
        skipSpaces()
        let s = i
        while let b = peek(), MarkerScanner.isAlpha(b) || MarkerScanner.isDigit(b) { i += 1 }
        let label = String(decoding: bytes[s..<i], as: UTF8.self)
        skipSpaces()
        guard peek() == 0x29, !label.isEmpty, label.utf8.count <= 5 else { i = save; return nil }
        i += 1
        skipSpaces()
        let first = label.utf8.first!
        let style: Marker.Style
        if MarkerScanner.isDigit(first) {
            guard label.utf8.dropFirst().allSatisfy({ MarkerScanner.isDigit($0) || MarkerScanner.isUpper($0) }) else { i = save; return nil }
            style = .parenNumber
        } else if MarkerScanner.isLower(first) {
            guard label.utf8.count <= 4 || Marker.romanNumerals.contains(label) else { i = save; return nil }
            style = .parenLower
        } else {
            guard label.utf8.count <= 3, label.utf8.allSatisfy(MarkerScanner.isUpper) else { i = save; return nil }
            style = .parenUpper
        }
        return Marker(style: style, label: label, length: i)
    }

    /// Civil-law points: `1.` and `a)`.
    mutating func point() -> Marker? {
        let save = i
        if let n = number(allowDots: false), peek() == 0x2E, MarkerScanner.spaceWidth(bytes, i + 1) > 0 {
            i += 1
            skipSpaces()
            return Marker(style: .point, label: n, length: i)
        }
        i = save
        // "a)" and, in lists introduced by a colon, "a."
        if let b = peek(), MarkerScanner.isLower(b), peek(1) == 0x29 || peek(1) == 0x2E || peek(1) == 0x2D, MarkerScanner.spaceWidth(bytes, i + 2) > 0 {
            i += 2
            skipSpaces()
            return Marker(style: .letterPoint, label: String(UnicodeScalar(b)), length: i)
        }
        // "1)" enumerations (Egyptian and Gulf drafting)
        if let n = number(allowDots: false), peek() == 0x29, MarkerScanner.spaceWidth(bytes, i + 1) > 0 {
            i += 1
            skipSpaces()
            return Marker(style: .point, label: n, length: i)
        }
        i = save
        return nil
    }
}
