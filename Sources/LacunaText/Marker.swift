import LacunaCore

/// A provision marker found at the start of a line: `PART II`, `Article 3 bis`, `§ 1590.`,
/// `Section 13`, `279.01`, `(1)`, `(a)`, `(ii)`, `1.`, `a)`.
struct Marker: Equatable {
    enum Style: String {
        case part, chapter, article, paragraphSign = "paragraph-sign", section, bareNumber = "bare-number",
             parenNumber = "paren-number", parenLower = "paren-lower", parenUpper = "paren-upper",
             point, letterPoint = "letter-point"
    }
    var style: Style
    /// The label as written, without decoration: `II`, `3 bis`, `1590`, `279.01`, `1`, `a`.
    var label: String
    /// Bytes consumed from the line start, including trailing separators and spaces.
    var length: Int

    static let romanNumerals: Set<String> = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
                                             "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"]
}
