/// The language of each part of a document: the document's own, and the spans (sections or
/// articles) written in another — a bilingual statute in French and English columns, an
/// English Act quoting a French text.
///
/// Rules read only text in their languages: a French pack's patterns never run on English
/// text, nor an English pack's on French text. Where the language could not be told, or no
/// pack reads it, every rule may run (``language(at:)`` says `und`).
///
/// Laws: `spans` are sorted by start and do not overlap; outside them the document's language
/// holds; ``language(at:)`` is a binary search.
public struct LanguageMap: Sendable, Hashable {
    /// The language of the operative text as a whole.
    public var document: Language
    /// Spans in a language other than the document's, in order.
    public private(set) var spans: [Span]

    public struct Span: Sendable, Hashable {
        public var range: Range<Int>
        public var language: Language
        public init(range: Range<Int>, language: Language) {
            self.range = range
            self.language = language
        }
    }

    public init(document: Language, spans: [Span] = []) {
        self.document = document
        self.spans = spans.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// One undetermined language for the whole text: every rule runs everywhere.
    public static let undetermined = LanguageMap(document: .undetermined)

    /// The language at UTF-8 offset `offset`.
    public func language(at offset: Int) -> Language {
        var low = 0, high = spans.count
        while low < high {
            let mid = (low + high) / 2
            if spans[mid].range.lowerBound <= offset { low = mid + 1 } else { high = mid }
        }
        if low > 0, spans[low - 1].range.contains(offset) { return spans[low - 1].language }
        return document
    }

    /// Every language of the document (its own first, then the spans', each once).
    public var all: [Language] {
        var seen: Set<String> = [document.primary]
        var out = [document]
        for s in spans where seen.insert(s.language.primary).inserted { out.append(s.language) }
        return out
    }

    /// Whether a rule reading `languages` may run at `offset`: the text there is in one of
    /// them, or in a language no rule reads (`readable` says which are read), or undetermined.
    public func admits(_ languages: [Language], at offset: Int, readable: (Language) -> Bool) -> Bool {
        let here = language(at: offset)
        guard here.isDetermined, readable(here) else { return true }
        return languages.contains { $0.primary == here.primary }
    }

    /// Whether a rule reading `languages` may run anywhere in the document.
    public func admitsAnywhere(_ languages: [Language], readable: (Language) -> Bool) -> Bool {
        all.contains { here in
            !here.isDetermined || !readable(here) || languages.contains { $0.primary == here.primary }
        }
    }
}
