import LacunaCore
import LacunaReports

extension Pages {
    /// The catalog: per area, each requirement with what it asks, its sources, when wording
    /// contradicts it, the recommendation and the drafting suggestion per tradition.
    static func requirements(_ catalog: Catalog) -> String {
        var h = "<h1>Requirements</h1>\n<p>The \(catalog.requirements.count) requirements every report judges (catalog version \(escape(catalog.version))), "
        h += "from the UN Trafficking in Persons Protocol, the Organized Crime Convention and the UNODC Model Law. "
        h += "Open one to read what it asks and what Lacuna recommends.</p>\n<ul>\n"
        for a in catalog.areas { h += "<li><a href=\"#area-\(fragment(a.id))\">\(escape(a.title))</a></li>\n" }
        h += "</ul>\n"
        for a in catalog.areas {
            h += "<h2 id=\"area-\(fragment(a.id))\">\(escape(a.title))</h2>\n<p>\(escape(a.summary))</p>\n"
            for r in catalog.requirements where r.area == a.id {
                h += "<details class=\"explain\" id=\"r-\(fragment(r.id))\"><summary>\(escape(r.title)) <span class=\"req\">\(escape(r.id)) · \(r.obligation.rawValue)</span></summary>\n"
                h += "<dl class=\"req\"><dt>Asks</dt><dd>\(escape(r.asks))</dd>\n"
                if let c = r.conflictWhen { h += "<dt>Contradicted when</dt><dd>\(escape(c))</dd>\n" }
                h += "<dt>Sources</dt><dd>\(escape(r.sources.joined(separator: "; ")))</dd>\n"
                h += "<dt>Recommendation</dt><dd>\(escape(r.recommendation))</dd>\n"
                for (tradition, text) in r.drafting.sorted(by: { $0.key < $1.key }) {
                    h += "<dt>Suggested drafting (\(escape(tradition)))</dt><dd>\(escape(text))</dd>\n"
                }
                h += "</dl></details>\n"
            }
        }
        return h
    }
}
