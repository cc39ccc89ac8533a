import Foundation
import LacunaCore

/// A Markdown report for consultants: executive summary, coverage per area by obligation,
/// the most serious findings, every finding with its evidence, and recommendations.
public struct MarkdownReporter: Reporter {
    public init() {}

    public func render(_ report: Report) throws -> String {
        let d = report.document
        let s = report.summary
        var md = "# Gap analysis: \(escape(d.displayTitle))\n\n"
        for w in ReportText.warnings(report) { md += "> **Warning.** \(escape(w))\n\n" }
        md += "| | |\n|---|---|\n"
        md += "| Document | \(ReportText.markdownCode(d.path)) |\n| Legal tradition | \(escape(d.traditionsDescription)) (\(d.traditionSource.rawValue)) |\n"
        md += "| Read as | \(escape(d.format)) |\n"
        if let language = ReportText.language(d) { md += "| Language | \(escape(language)) |\n" }
        md += "| Requirements | \(s.totals.total) (catalog \(report.catalogVersion), rules \(report.rulesVersion)) |\n"
        md += "| Content SHA-256 | \(ReportText.markdownCode(d.contentHash)) |\n"
        if let file = report.reviewFile { md += "| Review | \(ReportText.markdownCode(file)): \(report.findings.filter { $0.review != nil }.count) finding(s) reviewed, \(report.findings.filter { $0.review?.stale == true }.count) stale |\n" }
        if let filter = report.filter { md += "| Showing | \(filter.description): \(report.findings.count) of \(s.totals.total) findings |\n" }
        md += "\n"

        if let note = ReportText.notAddressed(report) { md += "> **Not addressed.** \(escape(note))\n\n" }
        md += "## Executive summary\n\n"
        md += "Of \(s.totals.total) requirements, **\(s.totals.met) are met**, \(s.totals.partial) partly met, "
        md += "\(s.totals.missing) missing and **\(s.totals.conflict) in conflict** with the instruments. "
        md += "\(s.mandatoryGaps) of the gaps concern mandatory obligations.\n\n"
        md += "| Area | Mandatory | Recommended | Optional | Coverage |\n|---|---|---|---|---|\n"
        for a in s.areas {
            md += "| \(escape(a.title)) | \(ReportText.counts(a.mandatory)) | \(ReportText.counts(a.recommended)) | \(ReportText.counts(a.optional)) | \(ReportText.percent(a.all.coverage)) |\n"
        }
        let serious = ReportSummary.bySeriousness(report.findings).prefix(10)
        if !serious.isEmpty {
            md += "\n### Most serious findings\n\n"
            for f in serious {
                md += "1. **\(ReportText.statusLabel(f.status))** — \(escape(f.title)) (`\(f.requirement)`, \(f.obligation.rawValue))"
                if let e = f.evidence.first { md += ": \(escape(e.section ?? "text")) “\(escape(e.text))”" }
                md += "\n"
            }
        }

        md += "\n## Findings\n"
        for area in s.areas where report.findings.contains(where: { $0.area == area.area }) {
            md += "\n### \(escape(area.title))\n\n| Requirement | Obligation | Status | Evidence | Why |\n|---|---|---|---|---|\n"
            for f in report.findings where f.area == area.area {
                let evidence = f.evidence.first.map { "\(escape($0.section ?? "text")), line \($0.line): “\(escape($0.text))”" } ?? "—"
                md += "| \(escape(f.title)) `\(f.requirement)` | \(f.obligation.rawValue) | \(ReportText.statusLabel(f)) | \(evidence) | \(escape(f.why ?? ""))\(f.review.map { " **Review:** " + escape($0.sentence) } ?? "") |\n"
            }
        }

        let gaps = ReportSummary.bySeriousness(report.findings)
        if !gaps.isEmpty {
            md += "\n## Recommendations\n"
            for f in gaps {
                md += "\n### \(escape(f.title)) — \(ReportText.statusLabel(f.status).lowercased())\n\n"
                md += "`\(f.requirement)` · \(f.obligation.rawValue) · \(f.sources.joined(separator: "; "))\n\n"
                md += "*Finding.* \(escape(f.explanation))\n\n"
                if let why = f.why { md += (ReportText.overridden(f) ? "*Why the tool found \(f.review!.toolStatus.rawValue).* " : "*Why.* ") + "\(escape(why))\n\n" }
                if let review = f.review { md += "*Review.* \(escape(review.sentence))\n\n" }
                if let r = f.recommendation { md += "*Recommendation.* \(escape(r))\n\n" }
                if let drafting = f.drafting { md += "*Suggested drafting (\(d.tradition)).* \(escape(drafting))\n" }
            }
        }
        return md
    }

    /// Escapes the characters that would break a table cell or start markup (and shows
    /// control characters): ``ReportText/markdown(_:)``.
    func escape(_ s: String) -> String { ReportText.markdown(s) }
}
