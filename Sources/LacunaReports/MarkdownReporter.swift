import Foundation
import LacunaCore

/// A Markdown report for consultants: executive summary, coverage per area by obligation,
/// the most serious findings, every finding with its evidence, and recommendations.
public struct MarkdownReporter: Reporter {
    public init() {}

    public func render(_ report: Report) throws -> String {
        let d = report.document
        let s = report.summary
        let w = ReportWords.of(report)
        var md = "# \(w.gapAnalysis): \(escape(d.displayTitle))\n\n"
        for warning in ReportText.warnings(report) { md += "> **\(w.warning).** \(escape(warning))\n\n" }
        md += "| | |\n|---|---|\n"
        md += "| \(w.document) | \(ReportText.markdownCode(d.path)) |\n| \(w.legalTradition) | \(escape(d.traditionsDescription)) (\(w.source(d.traditionSource))) |\n"
        md += "| \(capitalized(w.readAs)) | \(escape(d.format)) |\n"
        if let language = ReportText.language(d, w) { md += "| \(w.languageLabel) | \(escape(language)) |\n" }
        md += "| \(w.requirements) | \(s.totals.total) (\(w.catalog) \(report.catalogVersion), \(w.rules) \(report.rulesVersion)) |\n"
        md += "| \(w.contentHash) | \(ReportText.markdownCode(d.contentHash)) |\n"
        if let file = report.reviewFile {
            let n = report.findings.filter { $0.review != nil }.count, stale = report.findings.filter { $0.review?.stale == true }.count
            md += "| \(w.review) | \(ReportText.markdownCode(file)): \(w.reviewed(n)), \(w.stale(stale)) |\n"
        }
        if let filter = report.filter {
            md += "| \(capitalized(w.showing)) | \(w.filter(filter)): \(w.ofShown(report.findings.count, s.totals.total)) \(w.findings.lowercased()) |\n"
        }
        md += "\n"

        if let note = ReportText.notAddressed(report) { md += "> **\(w.notAddressed).** \(escape(note))\n\n" }
        md += "## \(w.executiveSummary)\n\n"
        md += w.markdownSummary(s.totals, s.mandatoryGaps) + "\n\n"
        md += "| \(w.area) | \(Obligation.allCases.map { capitalized(w.obligation($0)) }.joined(separator: " | ")) | \(w.coverage) |\n|---|---|---|---|---|\n"
        for a in s.areas {
            md += "| \(escape(a.title)) | \(Obligation.allCases.map { ReportText.counts(a.counts($0), w) }.joined(separator: " | ")) | \(ReportText.percent(a.all.coverage)) |\n"
        }
        let serious = ReportSummary.bySeriousness(report.findings).prefix(10)
        if !serious.isEmpty {
            md += "\n### \(w.mostSerious)\n\n"
            for f in serious {
                md += "1. **\(w.status(f.status))** — \(escape(f.title)) (`\(f.requirement)`, \(w.obligation(f.obligation)))"
                if let e = f.evidence.first { md += ": \(escape(e.section ?? w.text)) “\(escape(e.text))”" }
                md += "\n"
            }
        }
        return md + findings(report, w) + recommendations(report, w)
    }

    /// Every finding, by area, in a table.
    func findings(_ report: Report, _ w: ReportWords) -> String {
        var md = "\n## \(w.findings)\n"
        for area in report.summary.areas where report.findings.contains(where: { $0.area == area.area }) {
            md += "\n### \(escape(area.title))\n\n| \(w.requirement) | \(w.obligationLabel) | \(w.statusHeading) | \(w.evidence) | \(w.why) |\n|---|---|---|---|---|\n"
            for f in report.findings where f.area == area.area {
                let evidence = f.evidence.first.map { "\(escape($0.section ?? w.text)), \(w.line) \($0.line): “\(escape($0.text))”" } ?? "—"
                md += "| \(escape(f.title)) `\(f.requirement)` | \(w.obligation(f.obligation)) | \(ReportText.statusLabel(f, w)) | \(evidence) | \(escape(f.why ?? ""))\(f.review.map { " **\(w.review):** " + escape($0.sentence) } ?? "") |\n"
            }
        }
        return md
    }

    /// Every gap, most serious first, with its finding, why, review, recommendation and drafting.
    func recommendations(_ report: Report, _ w: ReportWords) -> String {
        let gaps = ReportSummary.bySeriousness(report.findings)
        guard !gaps.isEmpty else { return "" }
        var md = "\n## \(w.recommendations)\n"
        for f in gaps {
            md += "\n### \(escape(f.title)) — \(w.status(f.status).lowercased())\n\n"
            md += "`\(f.requirement)` · \(w.obligation(f.obligation)) · \(f.sources.joined(separator: "; "))\n\n"
            md += "*\(w.finding).* \(escape(f.explanation))\n\n"
            if let why = f.why { md += (ReportText.overridden(f) ? "*\(w.whyToolFound(f.review!.toolStatus.rawValue)).* " : "*\(w.why).* ") + "\(escape(why))\n\n" }
            if let review = f.review { md += "*\(w.review).* \(escape(review.sentence))\n\n" }
            if let r = f.recommendation { md += "*\(w.recommendation).* \(escape(r))\n\n" }
            if let drafting = f.drafting { md += "*\(w.draftingIn(report.document.tradition.rawValue)).* \(escape(drafting))\n" }
        }
        return md
    }

    /// "read as" → "Read as".
    func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    /// Escapes the characters that would break a table cell or start markup (and shows
    /// control characters): ``ReportText/markdown(_:)``.
    func escape(_ s: String) -> String { ReportText.markdown(s) }
}
