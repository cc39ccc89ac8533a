import LacunaCore

extension LanguageDetector {
    /// The languages of a document: its operative text's, and the provisions written in
    /// another (a bilingual Act in French and English columns is read provision by provision).
    ///
    /// Laws: a document whose words fit one language clearly (the second language's share
    /// under ``bilingualShare`` of the first's — a fifth) is one span of that language, without reading
    /// its provisions again, so the cost of a monolingual document is one detection; else each
    /// section is detected, and a section that mixes languages is read child by child. A
    /// provision too short to tell takes its parent's language (the document's at the top).
    public func map(of document: Document) -> LanguageMap {
        let whole = detect(operativeTextOf: document)
        guard whole.isConclusive, whole.scores.count > 1,
              whole.scores[1].share >= whole.scores[0].share * LanguageDetector.bilingualShare else {
            return LanguageMap(document: whole.language)
        }
        var children: [Int: [Int]] = [:]
        var roots: [Int] = []
        for (i, p) in document.provisions.enumerated() {
            if let parent = p.parent { children[parent, default: []].append(i) } else { roots.append(i) }
        }
        var spans: [LanguageMap.Span] = []
        func visit(_ i: Int, inherited: Language) {
            let range = document.provisions[i].range
            let found = detect(document.source.slice(range))
            let clear = found.isConclusive && (found.scores.count < 2
                || found.scores[1].share < found.scores[0].share * LanguageDetector.bilingualShare)
            if clear || children[i] == nil {
                let language = found.isConclusive ? found.language : inherited
                if language.primary != whole.language.primary { spans.append(.init(range: range, language: language)) }
                return
            }
            for c in children[i] ?? [] { visit(c, inherited: found.isConclusive ? found.language : inherited) }
        }
        for r in roots { visit(r, inherited: whole.language) }
        return LanguageMap(document: whole.language, spans: LanguageDetector.disjoint(spans))
    }

    /// A second language whose share of stop words is at least this part of the first's
    /// makes a text a candidate for reading provision by provision.
    public static let bilingualShare = 0.2

    /// `spans` without nesting (a child's span inside its parent's is dropped), in order.
    static func disjoint(_ spans: [LanguageMap.Span]) -> [LanguageMap.Span] {
        var out: [LanguageMap.Span] = []
        for s in spans.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            if let last = out.last, last.range.upperBound > s.range.lowerBound { continue }
            out.append(s)
        }
        return out
    }
}
