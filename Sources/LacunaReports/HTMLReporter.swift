import LacunaCore

/// One self-contained HTML file (no scripts, no network, no external assets) that prints
/// cleanly: the executive summary, coverage per area, the gaps with their recommendations
/// (most serious first), every finding by area (met ones compact in print), and — when the
/// statute's text is given and ``PageOptions/annex`` is on — the text as an annex, every
/// piece of evidence highlighted, linked to its finding and labelled with the finding's
/// number (`F12`), which the findings and recommendations show too, so a reader on paper can
/// trace it.
public struct HTMLReporter: Reporter {
    /// The text the report's offsets refer to (the text as shown to the user).
    public var text: String?
    /// Paper size and annex.
    public var layout: PageOptions
    public init(text: String? = nil, layout: PageOptions = PageOptions()) {
        self.text = text
        self.layout = layout
    }

    /// The report with the analysed text, every piece of evidence highlighted.
    public func render(_ analysis: Analysis) throws -> String {
        try HTMLReporter(text: analysis.source.text, layout: layout).render(analysis.report)
    }

    public func render(_ report: Report) throws -> String {
        let title = report.document.displayTitle
        let w = ReportWords.of(report)
        return HTMLReporter.page(title: "\(w.gapAnalysis): \(title)", body: body(report, prefix: ""), layout: layout, language: w.language)
    }

    /// One page (`<!DOCTYPE html>` to `</html>`) around `body`, in `language` (`lang`).
    static func page(title: String, body: String, layout: PageOptions = PageOptions(), language: String = "en") -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"\(language)\">\n<head>\n<meta charset=\"utf-8\" />\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
        h += "<title>\(HTML.escape(title))</title>\n<style>\n\(HTML.style)\n\(layout.pageRule)\n</style>\n</head>\n<body>\n<main>\n"
        return h + body + "</main>\n</body>\n</html>\n"
    }

    /// Several analyses as one page: a table of the documents, then a section per document
    /// whose ids (and the links to them) start with `dN-`, so every id is unique.
    public static func page(_ analyses: [Analysis], layout: PageOptions = PageOptions()) -> String {
        // One page has one language: the first report's (a run gives every report the same one).
        let w = ReportWords.of(analyses.first?.report.reportLanguage)
        let heading = "\(w.gapAnalysis): \(w.documents(analyses.count))"
        var h = "<h1>\(heading)</h1>\n<table>\n<tr><th>\(w.document)</th>"
        h += Status.allCases.map { "<th>\(w.status($0))</th>" }.joined() + "<th>\(capitalized(w.mandatoryGaps))</th></tr>\n"
        for (k, a) in analyses.enumerated() {
            let d = a.report.document, t = a.report.summary.totals
            h += "<tr><td><a href=\"#d\(k + 1)\">\(HTML.escape(d.displayTitle))</a><br /><span class=\"req\">\(HTML.escape(d.path))</span></td>"
            h += "<td>\(t.met)</td><td>\(t.partial)</td><td>\(t.missing)</td><td>\(t.conflict)</td><td>\(a.report.summary.mandatoryGaps)</td></tr>\n"
        }
        h += "</table>\n"
        for (k, a) in analyses.enumerated() {
            h += "<section id=\"d\(k + 1)\" class=\"document\">\n"
            h += HTMLReporter(text: a.source.text, layout: layout).body(a.report, prefix: "d\(k + 1)-")
            h += "</section>\n"
        }
        return page(title: heading, body: h, layout: layout, language: w.language)
    }

    /// The report's content, every id and link to it starting with `prefix`.
    func body(_ report: Report, prefix p: String) -> String {
        let w = ReportWords.of(report)
        let label = HTMLReporter.labels(report)
        var h = header(report, w) + summary(report, w, prefix: p)
        let gaps = ReportSummary.bySeriousness(report.findings)
        if !gaps.isEmpty {
            h += "<h2 id=\"\(p)recommendations\">\(w.gapsAndRecommendations)</h2>\n"
            for f in gaps { h += recommendation(f, label: label[f.requirement] ?? "", tradition: report.document.tradition, prefix: p, w) }
        }
        h += "<h2 id=\"\(p)findings\">\(w.findings)</h2>\n"
        for area in report.summary.areas {
            h += "<h3 id=\"\(p)area-\(HTML.id(area.area))\">\(HTML.escape(area.title))</h3>\n"
            // A filtered report keeps every area's heading (the coverage table links to it).
            guard report.findings.contains(where: { $0.area == area.area }) else {
                h += "<p class=\"legend\">\(w.noFindingShown)</p>\n"
                continue
            }
            h += "<table>\n<tr><th>\(w.requirement)</th><th>\(w.obligationLabel)</th><th>\(w.statusHeading)</th><th>\(w.evidence)</th></tr>\n"
            for f in report.findings where f.area == area.area { h += row(f, label: label[f.requirement] ?? "", prefix: p, w) }
            h += "</table>\n"
        }
        if let text, layout.annex { h += annex(text, report, prefix: p, w) }
        return h
    }

    /// The title, the warnings and the document's provenance.
    func header(_ report: Report, _ w: ReportWords) -> String {
        let d = report.document
        var h = "<h1>\(w.gapAnalysis): \(HTML.escape(d.displayTitle))</h1>\n"
        for warning in ReportText.warnings(report) {
            h += "<p class=\"warning\" role=\"alert\"><strong>\(w.warning).</strong> \(HTML.escape(warning))</p>\n"
        }
        h += "<div class=\"meta\">\(HTML.escape(d.path)) · \(HTML.escape(d.traditionsDescription)) (\(w.source(d.traditionSource))) · "
        if let language = ReportText.language(d, w) { h += "\(HTML.escape(language)) · " }
        h += "\(w.readAs) \(HTML.escape(d.format)) · "
        h += "\(w.catalog) \(report.catalogVersion) · \(w.rules) \(report.rulesVersion) · Lacuna \(report.toolVersion)<br />SHA-256 <code>\(d.contentHash)</code>"
        if let file = report.reviewFile { h += "<br />\(w.review.lowercased()) \(HTML.escape(file))" }
        if let filter = report.filter {
            h += "<br />\(w.showing) \(HTML.escape(w.filter(filter))): \(w.ofShown(report.findings.count, report.summary.totals.total)) \(w.findings.lowercased())"
        }
        h += "</div>\n"
        if let note = ReportText.notAddressed(report) { h += "<p class=\"note\"><strong>\(w.notAddressed).</strong> \(HTML.escape(note))</p>\n" }
        return h
    }

    /// The executive summary: the counts, coverage per area, the most serious findings.
    func summary(_ report: Report, _ w: ReportWords, prefix p: String) -> String {
        let s = report.summary
        var h = "<h2 id=\"\(p)summary\">\(w.executiveSummary)</h2>\n<div class=\"cards\">\n"
        for status in Status.allCases {
            h += "<div class=\"card \(status.rawValue)\"><div class=\"n\">\(s.totals[status])</div><div class=\"l\">\(w.status(status))</div></div>\n"
        }
        h += "</div>\n<p>\(w.notMetMandatory(s.mandatoryGaps, s.obligations["mandatory"]?.total ?? 0))"
        h += s.conflicts > 0 ? "; \(w.contradict(s.conflicts)).</p>\n" : ".</p>\n"
        h += "<table>\n<tr><th>\(w.area)</th>" + Obligation.allCases.map { "<th>\(Self.capitalized(w.obligation($0)))</th>" }.joined()
        h += "<th>\(w.coverage)</th></tr>\n"
        for a in s.areas {
            h += "<tr><td><a href=\"#\(p)area-\(HTML.id(a.area))\">\(HTML.escape(a.title))</a></td>"
            for o in Obligation.allCases { h += "<td>\(HTML.escape(ReportText.counts(a.counts(o), w)))</td>" }
            h += "<td><div class=\"bar\" title=\"\(ReportText.percent(a.all.coverage))\"><span style=\"width:\(Int((a.all.coverage * 100).rounded()))%\"></span></div></td></tr>\n"
        }
        h += "</table>\n"
        let serious = ReportSummary.bySeriousness(report.findings).prefix(10)
        if !serious.isEmpty {
            h += "<h3 class=\"serious\">\(w.mostSerious)</h3>\n<ol class=\"serious\">\n"
            for f in serious {
                h += "<li>\(HTML.badge(f.status, w)) <a href=\"#\(p)rec-\(HTML.id(f.requirement))\">\(HTML.escape(f.title))</a> <span class=\"req\">\(f.requirement) · \(w.obligation(f.obligation))</span></li>\n"
            }
            h += "</ol>\n"
        }
        return h
    }

    /// One gap with its recommendation: the finding, why, the review, the recommendation and
    /// the suggested drafting; `label` is its number on paper.
    func recommendation(_ f: Finding, label: String, tradition: Tradition, prefix p: String, _ w: ReportWords = .english) -> String {
        var h = "<div class=\"rec st-\(f.status.rawValue)-b\" id=\"\(p)rec-\(HTML.id(f.requirement))\">\n"
        h += "<h3>\(HTML.badge(f.status, w)) \(HTML.escape(f.title)) <span class=\"fno\">\(label)</span></h3>\n"
        h += "<p class=\"src\">\(f.requirement) · \(w.obligation(f.obligation)) · \(HTML.escape(f.sources.joined(separator: "; ")))</p>\n"
        h += "<p class=\"finding\"><strong>\(w.finding).</strong> \(HTML.escape(f.explanation))</p>\n"
        if let why = f.why {
            let title = ReportText.overridden(f) ? "\(w.whyToolFound(f.review!.toolStatus.rawValue))." : "\(w.why)."
            h += "<p class=\"why\"><strong>\(title)</strong> \(HTML.escape(why))</p>\n"
        }
        if let review = f.review { h += "<p class=\"review\(review.stale ? " stale" : "")\"><strong>\(w.review).</strong> \(HTML.escape(review.sentence))</p>\n" }
        if let r = f.recommendation { h += "<p><strong>\(w.recommendation).</strong> \(HTML.escape(r))</p>\n" }
        if let dr = f.drafting { h += "<p><strong>\(HTML.escape(w.draftingIn(tradition.rawValue))).</strong> \(HTML.escape(dr))</p>\n" }
        return h + "</div>\n"
    }

    /// One row of the findings table: the requirement (with its number on paper), obligation,
    /// status, the first evidence (linked to the text when it is shown), why, and the review.
    func row(_ f: Finding, label: String, prefix p: String, _ w: ReportWords = .english) -> String {
        var h = "<tr class=\"\(f.status == .met ? "met" : "gap")\" id=\"\(p)f-\(HTML.id(f.requirement))\"><td>\(HTML.escape(f.title))<br />"
        h += "<span class=\"req\"><span class=\"fno\">\(label)</span> \(f.requirement)</span></td>"
        h += "<td>\(w.obligation(f.obligation))</td><td>\(HTML.badge(f.status, w))"
        if f.notInText == true { h += "<br /><span class=\"req\">\(w.notInThisText.lowercased())</span>" }
        h += "</td><td>"
        if let e = f.evidence.first {
            let link = text == nil ? "" : " href=\"#\(p)ev-\(HTML.id(f.requirement))\""
            h += "<a\(link)>\(HTML.escape(e.section ?? w.text)), \(w.line) \(e.line)</a>: <span class=\"quote\">“\(HTML.escape(ReportText.flat(e.text)))”</span>"
        } else {
            h += "—"
        }
        if f.status.isGap { h += " <a href=\"#\(p)rec-\(HTML.id(f.requirement))\">\(w.recommendationLink)</a>" }
        if let why = f.why { h += "<br /><span class=\"why\">\(HTML.escape(why))</span>" }
        if let review = f.review { h += "<br /><span class=\"review\(review.stale ? " stale" : "")\">\(HTML.escape(review.sentence))</span>" }
        return h + "</td></tr>\n"
    }

    /// "mandatory gaps" → "Mandatory gaps".
    static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    /// The number each finding goes by on paper (`F1` ... in catalog order), shown in the
    /// findings, the recommendations and beside every highlight of the annex.
    static func labels(_ report: Report) -> [String: String] {
        Dictionary(report.findings.enumerated().map { ($1.requirement, "F\($0 + 1)") }, uniquingKeysWith: { a, _ in a })
    }

    /// The annex: the statute's text with the evidence highlighted; in print, on a page of its own.
    func annex(_ text: String, _ report: Report, prefix p: String, _ w: ReportWords = .english) -> String {
        let legend = w.annexLegend
        var h = "<section class=\"annex\">\n<h2 id=\"\(p)text\">\(w.annex)</h2>\n"
        h += "<p class=\"legend\"><span><mark class=\"ev-met\">\(legend.meets)</mark></span><span><mark class=\"ev-partial\">\(legend.meetsInPart)</mark></span><span><mark class=\"ev-conflict\">\(legend.contradicts)</mark></span>\(legend.rest)</p>\n"
        return h + "<pre class=\"statute\">" + highlighted(text, report, prefix: p) + "</pre>\n</section>\n"
    }

    /// The text with `<mark>` around every evidence span (the most severe effect wins where
    /// spans overlap), an anchor where each finding's first evidence starts, and after every
    /// span's end the labels of the findings it is evidence for (`<sup class="tag">F3 F7</sup>`).
    func highlighted(_ text: String, _ report: Report, prefix p: String = "") -> String {
        let scalars = Array(text.unicodeScalars)
        struct Span { let start: Int; let end: Int; let effect: Effect; let requirement: String }
        var spans: [Span] = []
        var anchors: [Int: [String]] = [:]
        // The labels of the findings whose evidence ends at an offset, in catalog order.
        var ends: [Int: [String]] = [:]
        let label = HTMLReporter.labels(report)
        for f in report.findings {
            for (k, e) in f.evidence.enumerated() where e.start < e.end && e.end <= scalars.count {
                spans.append(Span(start: e.start, end: e.end, effect: e.effect, requirement: f.requirement))
                if k == 0 { anchors[e.start, default: []].append(f.requirement) }
                if let l = label[f.requirement], ends[e.end]?.contains(l) != true { ends[e.end, default: []].append(l) }
            }
        }
        var cuts = Set([0, scalars.count])
        for sp in spans { cuts.insert(sp.start); cuts.insert(sp.end) }
        let points = cuts.sorted()
        var out = ""
        for (a, b) in zip(points, points.dropFirst()) where a < b {
            for r in anchors[a] ?? [] { out += "<a id=\"\(p)ev-\(HTML.id(r))\"></a>" }
            let piece = HTML.escape(String(String.UnicodeScalarView(scalars[a..<b])))
            let covering = spans.filter { $0.start <= a && b <= $0.end }
            guard !covering.isEmpty else { out += piece; continue }
            let effect: Effect = covering.contains { $0.effect == .contradicts } ? .contradicts
                : (covering.contains { $0.effect == .satisfies } ? .satisfies : .partial)
            let cls = effect == .contradicts ? "ev-conflict" : (effect == .satisfies ? "ev-met" : "ev-partial")
            let reqs = Array(Set(covering.map(\.requirement))).sorted()
            out += "<mark class=\"\(cls)\" title=\"\(HTML.escape(reqs.joined(separator: ", ")))\"><a href=\"#\(p)f-\(HTML.id(reqs[0]))\">\(piece)</a></mark>"
            if let tags = ends[b] { out += "<sup class=\"tag\">\(tags.joined(separator: " "))</sup>" }
        }
        return out
    }
}
