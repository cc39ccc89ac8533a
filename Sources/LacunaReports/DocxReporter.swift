import Foundation
import LacunaCore

/// The assessment report as a Word (.docx) file, for the format assessments are handed in:
/// the document and its provenance, the executive summary with coverage per area, the most
/// serious findings, every finding with its evidence quote, and for every gap the finding,
/// the recommendation, the suggested drafting and the evidence quotes.
///
/// Laws: a .docx is binary, so this is not a text ``Reporter``: ``data(_:)`` gives the file's
/// bytes, the same bytes for the same reports; it shows what the Markdown and HTML reports
/// show, in the same order, and changes no finding. Several analyses give one file with a
/// section per document, each starting on a new page.
public struct DocxReporter: Sendable {
    public init() {}

    public func data(_ analyses: [Analysis]) throws -> Data {
        try data(analyses.map(\.report))
    }

    public func data(_ reports: [Report]) throws -> Data {
        try package(reports).data()
    }

    func package(_ reports: [Report]) -> DocxPackage {
        let body = reports.enumerated().map { k, r in self.body(r, newPage: k > 0) }.joined()
        let w = ReportWords.of(reports.first?.reportLanguage)
        let title = reports.count == 1 ? "\(w.gapAnalysis): \(reports[0].document.displayTitle)" : "\(w.gapAnalysis): \(w.documents(reports.count))"
        return DocxPackage(body: body, title: title, language: w.language)
    }

    /// One report's paragraphs and tables.
    func body(_ report: Report, newPage: Bool) -> String {
        let d = report.document
        let w = ReportWords.of(report)
        var x = WordML.paragraph(WordML.run("\(w.gapAnalysis): \(d.displayTitle)"), style: "Title", pageBreakBefore: newPage)
        for warning in ReportText.warnings(report) {
            x += WordML.paragraph(WordML.run("\(w.warning). ", .bold, color: WordML.color(.conflict)) + WordML.run(warning))
        }
        var meta = "\(d.path) · \(d.traditionsDescription) (\(w.source(d.traditionSource))) · "
        if let language = ReportText.language(d, w) { meta += "\(language) · " }
        meta += "\(w.readAs) \(d.format) · \(w.catalog) \(report.catalogVersion) · \(w.rules) \(report.rulesVersion) · Lacuna \(report.toolVersion)\nSHA-256 \(d.contentHash)"
        x += WordML.paragraph(text: meta, style: "Meta")
        x += summary(report, w) + findings(report, w) + recommendations(report, w)
        return x
    }

    func summary(_ report: Report, _ w: ReportWords) -> String {
        let s = report.summary, t = s.totals
        var x = WordML.paragraph(text: w.executiveSummary, style: "Heading1")
        x += WordML.paragraph(text: w.summarySentence(t) + w.notMetMandatory(s.mandatoryGaps, s.obligations["mandatory"]?.total ?? 0) + ".")
        if let note = ReportText.notAddressed(report) { x += labelled("\(w.notAddressed).", note) }
        let counts = Status.allCases.map { WordML.Cell.runs(WordML.run("\(t[$0])", .bold), fill: WordML.fill($0)) }
        x += WordML.table(header: Status.allCases.map { w.status($0) }, rows: [counts], widths: [25, 25, 25, 25])
        x += WordML.paragraph(text: w.coverageByArea, style: "Heading2")
        let rows = s.areas.map { a in
            [WordML.Cell.runs(WordML.run(a.title))]
                + Obligation.allCases.map { WordML.Cell.runs(WordML.run(ReportText.counts(a.counts($0), w))) }
                + [WordML.Cell.runs(WordML.run(ReportText.percent(a.all.coverage), .bold))]
        }
        let header = [w.area] + Obligation.allCases.map { HTMLReporter.capitalized(w.obligation($0)) } + [w.coverage]
        x += WordML.table(header: header, rows: rows, widths: [34, 18, 18, 18, 12])
        let serious = ReportSummary.bySeriousness(report.findings).prefix(10)
        if !serious.isEmpty {
            x += WordML.paragraph(text: w.mostSerious, style: "Heading2")
            for (k, f) in serious.enumerated() {
                var runs = WordML.run("\(k + 1). ") + status(f.status, w) + WordML.run(" \(f.title) ")
                runs += WordML.run("\(f.requirement) · \(w.obligation(f.obligation))", [.mono, .muted])
                x += WordML.paragraph(runs)
            }
        }
        return x
    }

    func findings(_ report: Report, _ w: ReportWords) -> String {
        var x = WordML.paragraph(text: w.findings, style: "Heading1")
        for area in report.summary.areas {
            x += WordML.paragraph(text: area.title, style: "Heading2")
            let rows = report.findings.filter { $0.area == area.area }.map { f in
                [
                    WordML.Cell(WordML.paragraph(WordML.run(f.title)) + WordML.paragraph(WordML.run(f.requirement, [.mono, .muted]))),
                    WordML.Cell.runs(WordML.run(w.obligation(f.obligation))),
                    WordML.Cell.runs(WordML.run(w.status(f.status), .bold), fill: WordML.fill(f.status)),
                    WordML.Cell(WordML.paragraph(f.evidence.first.map { quote($0, w) } ?? WordML.run("—"))
                                + (f.why.map { WordML.paragraph(WordML.run($0, .muted)) } ?? "")
                                + (f.review.map { WordML.paragraph(WordML.run("\(w.review): " + $0.sentence, .bold)) } ?? "")),
                ]
            }
            x += WordML.table(header: [w.requirement, w.obligationLabel, w.statusHeading, w.evidence], rows: rows, widths: [30, 13, 11, 46])
        }
        return x
    }

    func recommendations(_ report: Report, _ w: ReportWords) -> String {
        let gaps = ReportSummary.bySeriousness(report.findings)
        guard !gaps.isEmpty else { return "" }
        var x = WordML.paragraph(text: w.recommendations, style: "Heading1")
        for f in gaps {
            x += WordML.paragraph(status(f.status, w) + WordML.run(" " + f.title), style: "Heading2")
            x += WordML.paragraph(WordML.run("\(f.requirement) · \(w.obligation(f.obligation)) · \(f.sources.joined(separator: "; "))", [.mono, .muted]), keepNext: true)
            x += labelled("\(w.finding).", f.explanation)
            if let why = f.why {
                x += labelled(ReportText.overridden(f) ? "\(w.whyToolFound(f.review!.toolStatus.rawValue))." : "\(w.why).", why)
            }
            if let review = f.review { x += labelled(review.stale ? w.reviewStale : "\(w.review).", review.sentence) }
            if let r = f.recommendation { x += labelled("\(w.recommendation).", r) }
            if let dr = f.drafting { x += labelled("\(w.draftingIn(report.document.tradition.rawValue)).", dr) }
            for e in f.evidence { x += WordML.paragraph(quote(e, w), style: "Quote") }
        }
        return x
    }

    /// A status as a coloured, bold word in brackets.
    func status(_ s: Status, _ w: ReportWords) -> String {
        WordML.run("[\(w.status(s))]", .bold, color: WordML.color(s))
    }

    func labelled(_ label: String, _ text: String) -> String {
        WordML.paragraph(WordML.run(label + " ", .bold) + WordML.run(text))
    }

    /// Where a piece of evidence is and its words: `s. 3(1), line 12: “…”`.
    func quote(_ e: EvidenceItem, _ w: ReportWords) -> String {
        WordML.run("\(e.section ?? w.text), \(w.line) \(e.line): ", .muted) + WordML.run("“\(ReportText.flat(e.text))”", .italic)
    }
}
