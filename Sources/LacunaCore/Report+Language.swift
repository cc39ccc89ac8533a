/// A report written in another language: the catalog's words in that language.
extension Report {
    /// Writes the report's catalog words from `catalog`, the catalog in `language`: each
    /// finding's title, its recommendation and its drafting (for the document's tradition, as
    /// the judge chooses it), and the areas' titles and summaries; sets ``reportLanguage``.
    ///
    /// Laws: statuses, evidence, ids, obligations, sources and counts are unchanged; a finding
    /// has a recommendation (and a drafting) after exactly when it had one before; a
    /// requirement or area `catalog` does not have keeps its words. Writing a report in a
    /// language and then in English gives the English report again.
    public mutating func write(in language: Language, catalog: Catalog) {
        reportLanguage = language
        for i in findings.indices {
            guard let r = catalog[findings[i].requirement] else { continue }
            findings[i].title = r.title
            if findings[i].recommendation != nil { findings[i].recommendation = r.recommendation }
            if findings[i].drafting != nil { findings[i].drafting = r.drafting(for: document.tradition) }
        }
        let byId = Dictionary(catalog.areas.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        areas = areas.map { byId[$0.id] ?? $0 }
        for i in summary.areas.indices {
            if let a = byId[summary.areas[i].area] { summary.areas[i].title = a.title }
        }
    }
}
