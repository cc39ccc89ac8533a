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
        let title = reports.count == 1 ? "Gap analysis: \(reports[0].document.displayTitle)" : "Gap analysis: \(reports.count) documents"
        return DocxPackage(body: body, title: title)
    }

    /// One report's paragraphs and tables.
    func body(_ report: Report, newPage: Bool) -> String {
        let d = report.document
        var x = WordML.paragraph(WordML.run("Gap analysis: \(d.displayTitle)"), style: "Title", pageBreakBefore: newPage)
        for w in ReportText.warnings(report) {
            x += WordML.paragraph(WordML.run("Warning. ", .bold, color: WordML.color(.conflict)) + WordML.run(w))
        }
        var meta = "\(d.path) · \(d.traditionsDescription) (\(d.traditionSource.rawValue)) · "
        if let language = ReportText.language(d) { meta += "\(language) · " }
        meta += "read as \(d.format) · catalog \(report.catalogVersion) · rules \(report.rulesVersion) · Lacuna \(report.toolVersion)\nSHA-256 \(d.contentHash)"
        x += WordML.paragraph(text: meta, style: "Meta")
        x += summary(report) + findings(report) + recommendations(report)
        return x
    }

    func summary(_ report: Report) -> String {
        let s = report.summary, t = s.totals
        var x = WordML.paragraph(text: "Executive summary", style: "Heading1")
        var sentence = "Of \(t.total) requirements, \(t.met) are met, \(t.partial) partly met, \(t.missing) missing and \(t.conflict) in conflict with the instruments. "
        sentence += "\(s.mandatoryGaps) of the \(s.obligations["mandatory"]?.total ?? 0) mandatory requirements are not met."
        x += WordML.paragraph(text: sentence)
        if let note = ReportText.notAddressed(report) { x += labelled("Not addressed.", note) }
        let counts = Status.allCases.map { WordML.Cell.runs(WordML.run("\(t[$0])", .bold), fill: WordML.fill($0)) }
        x += WordML.table(header: Status.allCases.map(ReportText.statusLabel), rows: [counts], widths: [25, 25, 25, 25])
        x += WordML.paragraph(text: "Coverage by area", style: "Heading2")
        let rows = s.areas.map { a in
            [WordML.Cell.runs(WordML.run(a.title))]
                + Obligation.allCases.map { WordML.Cell.runs(WordML.run(ReportText.counts(a.counts($0)))) }
                + [WordML.Cell.runs(WordML.run(ReportText.percent(a.all.coverage), .bold))]
        }
        x += WordML.table(header: ["Area", "Mandatory", "Recommended", "Optional", "Coverage"], rows: rows, widths: [34, 18, 18, 18, 12])
        let serious = ReportSummary.bySeriousness(report.findings).prefix(10)
        if !serious.isEmpty {
            x += WordML.paragraph(text: "Most serious findings", style: "Heading2")
            for (k, f) in serious.enumerated() {
                var runs = WordML.run("\(k + 1). ") + status(f.status) + WordML.run(" \(f.title) ")
                runs += WordML.run("\(f.requirement) · \(f.obligation.rawValue)", [.mono, .muted])
                x += WordML.paragraph(runs)
            }
        }
        return x
    }

    func findings(_ report: Report) -> String {
        var x = WordML.paragraph(text: "Findings", style: "Heading1")
        for area in report.summary.areas {
            x += WordML.paragraph(text: area.title, style: "Heading2")
            let rows = report.findings.filter { $0.area == area.area }.map { f in
                [
                    WordML.Cell(WordML.paragraph(WordML.run(f.title)) + WordML.paragraph(WordML.run(f.requirement, [.mono, .muted]))),
                    WordML.Cell.runs(WordML.run(f.obligation.rawValue)),
                    WordML.Cell.runs(WordML.run(ReportText.statusLabel(f.status), .bold), fill: WordML.fill(f.status)),
                    WordML.Cell(WordML.paragraph(f.evidence.first.map(quote) ?? WordML.run("—"))
                                + (f.why.map { WordML.paragraph(WordML.run($0, .muted)) } ?? "")
                                + (f.review.map { WordML.paragraph(WordML.run("Review: " + $0.sentence, .bold)) } ?? "")),
                ]
            }
            x += WordML.table(header: ["Requirement", "Obligation", "Status", "Evidence"], rows: rows, widths: [30, 13, 11, 46])
        }
        return x
    }

    func recommendations(_ report: Report) -> String {
        let gaps = ReportSummary.bySeriousness(report.findings)
        guard !gaps.isEmpty else { return "" }
        var x = WordML.paragraph(text: "Recommendations", style: "Heading1")
        for f in gaps {
            x += WordML.paragraph(status(f.status) + WordML.run(" " + f.title), style: "Heading2")
            x += WordML.paragraph(WordML.run("\(f.requirement) · \(f.obligation.rawValue) · \(f.sources.joined(separator: "; "))", [.mono, .muted]), keepNext: true)
            x += labelled("Finding.", f.explanation)
            if let why = f.why {
                x += labelled(ReportText.overridden(f) ? "Why the tool found \(f.review!.toolStatus.rawValue)." : "Why.", why)
            }
            if let review = f.review { x += labelled(review.stale ? "Review (stale)." : "Review.", review.sentence) }
            if let r = f.recommendation { x += labelled("Recommendation.", r) }
            if let dr = f.drafting { x += labelled("Suggested drafting (\(report.document.tradition.rawValue)).", dr) }
            for e in f.evidence { x += WordML.paragraph(quote(e), style: "Quote") }
        }
        return x
    }

    /// A status as a coloured, bold word in brackets.
    func status(_ s: Status) -> String {
        WordML.run("[\(ReportText.statusLabel(s))]", .bold, color: WordML.color(s))
    }

    func labelled(_ label: String, _ text: String) -> String {
        WordML.paragraph(WordML.run(label + " ", .bold) + WordML.run(text))
    }

    /// Where a piece of evidence is and its words: `s. 3(1), line 12: “…”`.
    func quote(_ e: EvidenceItem) -> String {
        WordML.run("\(e.section ?? "text"), line \(e.line): ", .muted) + WordML.run("“\(ReportText.flat(e.text))”", .italic)
    }
}
