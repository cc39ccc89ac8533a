import Foundation
import LacunaCore

/// Renders the difference between the reports on two drafts.
public struct DiffRenderer: Sendable {
    public enum Format: String, CaseIterable, Sendable { case text, json, markdown, html }
    public var format: Format
    public var color: Bool

    public init(format: Format, color: Bool = false) {
        self.format = format
        self.color = color
    }

    static let sections: [(FindingChange.Kind, String)] = [
        (.gapOpened, "Gaps opened"), (.gapClosed, "Gaps closed"), (.statusChanged, "Status changes"), (.evidenceMoved, "Evidence moved"),
    ]

    /// The sections that have changes, in order, with their changes.
    static func nonEmptySections(of diff: ReportDiff) -> [(kind: FindingChange.Kind, title: String, items: [FindingChange])] {
        sections.compactMap { kind, title in
            let items = diff.changes(kind)
            return items.isEmpty ? nil : (kind, title, items)
        }
    }

    public func render(_ diff: ReportDiff) throws -> String {
        switch format {
        case .json: return String(decoding: try JSONReporter.encoder.encode(diff), as: UTF8.self) + "\n"
        case .text: return DisplayText.visible(text(diff), keeping: ["\n"])
        case .markdown: return markdown(diff)
        case .html: return html(diff)
        }
    }

    func describe(_ e: EvidenceItem?) -> String {
        guard let e else { return "no evidence" }
        return "\(ReportText.line(e.section ?? "text")): “\(ReportText.line(ReportText.flat(e.text)))”"
    }

    func text(_ diff: ReportDiff) -> String {
        var out = "Lacuna diff: \(ReportText.line(diff.old.path)) → \(ReportText.line(diff.new.path))\n"
        out += "met \(diff.oldSummary.met) → \(diff.newSummary.met), gaps \(diff.oldSummary.total - diff.oldSummary.met) → \(diff.newSummary.total - diff.newSummary.met), conflicts \(diff.oldSummary.conflict) → \(diff.newSummary.conflict)\n"
        if diff.changes.isEmpty { return out + "\nNo finding changed.\n" }
        for (kind, title, items) in DiffRenderer.nonEmptySections(of: diff) {
            out += "\n\(title) (\(items.count))\n"
            for c in items {
                let mark = c.isRegression ? "▼" : (c.after.severity < c.before.severity ? "▲" : "•")
                out += "  \(mark) \(c.requirement) — \(c.title) [\(c.obligation.rawValue)]: \(c.before.rawValue) → \(c.after.rawValue)\n"
                if kind == .evidenceMoved || kind == .gapOpened {
                    out += "      was \(describe(c.beforeEvidence))\n      now \(describe(c.afterEvidence))\n"
                } else {
                    out += "      now \(describe(c.afterEvidence))\n"
                }
            }
        }
        return out
    }

    func markdown(_ diff: ReportDiff) -> String {
        var md = "# Changes between drafts\n\n\(ReportText.markdownCode(diff.old.path)) → \(ReportText.markdownCode(diff.new.path))\n\n"
        md += "| | old | new |\n|---|---|---|\n"
        for status in Status.allCases {
            md += "| \(ReportText.statusLabel(status)) | \(diff.oldSummary[status]) | \(diff.newSummary[status]) |\n"
        }
        if diff.changes.isEmpty { return md + "\nNo finding changed.\n" }
        for (kind, title, items) in DiffRenderer.nonEmptySections(of: diff) {
            md += "\n## \(title)\n\n| Requirement | Obligation | Old | New | Evidence now |\n|---|---|---|---|---|\n"
            for c in items {
                md += "| \(ReportText.markdown(c.title)) \(ReportText.markdownCode(c.requirement)) | \(c.obligation.rawValue) | \(ReportText.statusLabel(c.before)) | \(ReportText.statusLabel(c.after)) | \(ReportText.markdown(describe(c.afterEvidence))) |\n"
            }
        }
        return md
    }

    func html(_ diff: ReportDiff) -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<title>Changes between drafts</title>\n<style>\n\(HTML.style)\n</style>\n</head>\n<body>\n<main>\n"
        h += "<h1>Changes between drafts</h1>\n<div class=\"meta\">\(HTML.escape(diff.old.path)) → \(HTML.escape(diff.new.path))</div>\n"
        h += "<table>\n<tr><th></th><th>old</th><th>new</th></tr>\n"
        for status in Status.allCases {
            h += "<tr><td>\(HTML.badge(status))</td><td>\(diff.oldSummary[status])</td><td>\(diff.newSummary[status])</td></tr>\n"
        }
        h += "</table>\n"
        if diff.changes.isEmpty { h += "<p>No finding changed.</p>\n" }
        for (kind, title, items) in DiffRenderer.nonEmptySections(of: diff) {
            let cls = kind == .gapOpened ? " class=\"diff-opened\"" : (kind == .gapClosed ? " class=\"diff-closed\"" : "")
            h += "<h2\(cls)>\(title) (\(items.count))</h2>\n<table>\n<tr><th>Requirement</th><th>Obligation</th><th>Old</th><th>New</th><th>Evidence</th></tr>\n"
            for c in items {
                h += "<tr><td>\(HTML.escape(c.title))<br /><span class=\"req\">\(c.requirement)</span></td><td>\(c.obligation.rawValue)</td>"
                h += "<td>\(HTML.badge(c.before))</td><td>\(HTML.badge(c.after))</td>"
                h += "<td>was \(HTML.escape(describe(c.beforeEvidence)))<br />now \(HTML.escape(describe(c.afterEvidence)))</td></tr>\n"
            }
            h += "</table>\n"
        }
        return h + "</main>\n</body>\n</html>\n"
    }
}
