/// The tradition(s) whose plugins read a document, and whether they were detected.
public struct TraditionChoice: Sendable, Hashable, CustomStringConvertible {
    /// Never empty; no tradition twice.
    public var traditions: [Tradition]
    public var detected: Bool

    public init(traditions: [Tradition], detected: Bool) {
        self.traditions = traditions
        self.detected = detected
    }

    /// Parses the tradition words of `--tradition` and of a manifest's tradition column — the
    /// same words in both: `auto` or `mixed` (detect; nil), a known tradition written in full
    /// or without `-law` (`common-law`, `common`, `Civil Law`, `islamic_law`), or several
    /// joined by `+` (`civil+islamic`). A tradition named twice counts once.
    ///
    /// - Throws: ``UsageError`` quoting the value as written, for an empty value or part
    ///   (`""`, `+`, `common+`) and for an unknown tradition.
    public static func parse(_ text: String, known: [Tradition]) throws -> TraditionChoice? {
        let word = normalized(text)
        if word == "auto" || word == "mixed" { return nil }
        var traditions: [Tradition] = []
        for part in text.split(separator: "+", omittingEmptySubsequences: false) {
            let p = normalized(part)
            guard !p.isEmpty else {
                let what = text.split(separator: "+").allSatisfy({ normalized($0).isEmpty }) ? "names no tradition" : "has an empty part"
                throw UsageError("tradition \"\(text)\" \(what) (\(accepted(known)))")
            }
            guard let t = [Tradition(p), Tradition(p + "-law")].first(where: known.contains) else {
                throw UsageError("unknown tradition \"\(trim(part, [" "]))\"\(text.contains("+") ? " in \"\(text)\"" : "") (\(accepted(known)))")
            }
            if !traditions.contains(t) { traditions.append(t) }
        }
        return TraditionChoice(traditions: traditions, detected: false)
    }

    /// What the parser accepts, for messages.
    public static func accepted(_ known: [Tradition]) -> String {
        "known: auto or mixed (detect), \(known.map(\.rawValue).joined(separator: ", ")) — the -law may be left out — or several joined by +"
    }

    /// Lower case, spaces and underscores as hyphens, trimmed.
    static func normalized(_ s: some StringProtocol) -> String {
        var out = ""
        for c in s.lowercased() { out.append(c == " " || c == "_" || c == "\t" ? "-" : c) }
        return trim(out, ["-"])
    }

    public var primary: Tradition { traditions[0] }
    public var description: String { traditions.map(\.rawValue).joined(separator: "+") }
}

/// `s` without leading and trailing characters of `set`.
func trim(_ s: some StringProtocol, _ set: Set<Character>) -> String {
    var slice = Substring(s)
    while let f = slice.first, set.contains(f) { slice = slice.dropFirst() }
    while let l = slice.last, set.contains(l) { slice = slice.dropLast() }
    return String(slice)
}
