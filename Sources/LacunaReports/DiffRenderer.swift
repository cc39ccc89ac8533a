import Foundation
import LacunaCore

/// Renders the difference between the reports on two drafts, for a drafting session: both
/// documents named (title and file), the counts, the changes by kind, the gaps that remain,
/// and the redline of the provisions whose findings changed.
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

    /// A document as the diff names it: its title and its file.
    static func name(_ d: DocumentInfo) -> String {
        d.title.map { "\($0) (\(d.path))" } ?? d.path
    }

    func text(_ diff: ReportDiff) -> String {
        var out = "Lacuna diff\n  old: \(ReportText.line(DiffRenderer.name(diff.old)))\n  new: \(ReportText.line(DiffRenderer.name(diff.new)))\n"
        out += "met \(diff.oldSummary.met) → \(diff.newSummary.met), gaps \(diff.oldSummary.total - diff.oldSummary.met) → \(diff.newSummary.total - diff.newSummary.met), conflicts \(diff.oldSummary.conflict) → \(diff.newSummary.conflict)\n"
        if diff.changes.isEmpty { out += "\nNo finding changed.\n" }
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
        out += textRemaining(diff)
        for r in diff.redlines {
            out += "\nRedline of \(ReportText.line(r.citation)) (\(r.requirements.joined(separator: ", ")))\n  "
            out += r.pieces.map { p in
                let t = ReportText.line(p.text)
                return p.kind == .same ? t : (p.kind == .deleted ? "[-\(t)-]" : "{+\(t)+}")
            }.joined(separator: " ") + "\n"
        }
        return out
    }

    func textRemaining(_ diff: ReportDiff) -> String {
        guard !diff.remaining.isEmpty else { return "\nNo gap remains.\n" }
        var out = "\nGaps that remain (\(diff.remaining.count))\n"
        for g in diff.remaining {
            let change = g.before == g.after ? g.after.rawValue : "\(g.before.rawValue) → \(g.after.rawValue)"
            out += "  • \(g.requirement) — \(g.title) [\(g.obligation.rawValue)]: \(change)\n"
        }
        return out
    }

    func markdown(_ diff: ReportDiff) -> String {
        var md = "# Changes between drafts\n\n"
        md += "- Old: \(diff.old.title.map { ReportText.markdown($0) + " " } ?? "")\(ReportText.markdownCode(diff.old.path))\n"
        md += "- New: \(diff.new.title.map { ReportText.markdown($0) + " " } ?? "")\(ReportText.markdownCode(diff.new.path))\n\n"
        md += "| | old | new |\n|---|---|---|\n"
        for status in Status.allCases {
            md += "| \(ReportWords.english.status(status)) | \(diff.oldSummary[status]) | \(diff.newSummary[status]) |\n"
        }
        if diff.changes.isEmpty { md += "\nNo finding changed.\n" }
        for (_, title, items) in DiffRenderer.nonEmptySections(of: diff) {
            md += "\n## \(title)\n\n| Requirement | Obligation | Old | New | Evidence now |\n|---|---|---|---|---|\n"
            for c in items {
                md += "| \(ReportText.markdown(c.title)) \(ReportText.markdownCode(c.requirement)) | \(c.obligation.rawValue) | \(ReportWords.english.status(c.before)) | \(ReportWords.english.status(c.after)) | \(ReportText.markdown(describe(c.afterEvidence))) |\n"
            }
        }
        if !diff.remaining.isEmpty {
            md += "\n## Gaps that remain (\(diff.remaining.count))\n\n| Requirement | Obligation | Old | New |\n|---|---|---|---|\n"
            for g in diff.remaining {
                md += "| \(ReportText.markdown(g.title)) \(ReportText.markdownCode(g.requirement)) | \(g.obligation.rawValue) | \(ReportWords.english.status(g.before)) | \(ReportWords.english.status(g.after)) |\n"
            }
        }
        for r in diff.redlines {
            md += "\n## Redline of \(ReportText.markdown(r.citation))\n\nFindings: \(r.requirements.map(ReportText.markdownCode).joined(separator: ", "))\n\n"
            md += r.pieces.map { p in
                let t = ReportText.markdown(p.text)
                return p.kind == .same ? t : (p.kind == .deleted ? "~~\(t)~~" : "**\(t)**")
            }.joined(separator: " ") + "\n"
        }
        return md
    }

    func html(_ diff: ReportDiff) -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<title>Changes between drafts</title>\n<style>\n\(HTML.style)\n\(PageOptions().pageRule)\n</style>\n</head>\n<body>\n<main>\n"
        h += "<h1>Changes between drafts</h1>\n<table class=\"drafts\">\n"
        for (label, d) in [("Old draft", diff.old), ("New draft", diff.new)] {
            h += "<tr><th>\(label)</th><td>\(HTML.escape(d.displayTitle))<br /><span class=\"req\">\(HTML.escape(d.path)) · SHA-256 \(d.contentHash.prefix(12))</span></td></tr>\n"
        }
        h += "</table>\n"
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
        return h + htmlRemaining(diff) + htmlRedlines(diff) + "</main>\n</body>\n</html>\n"
    }

    func htmlRemaining(_ diff: ReportDiff) -> String {
        guard !diff.remaining.isEmpty else { return "<h2>Gaps that remain</h2>\n<p>None: every requirement is met.</p>\n" }
        var h = "<h2>Gaps that remain (\(diff.remaining.count))</h2>\n<table>\n<tr><th>Requirement</th><th>Obligation</th><th>Old</th><th>New</th></tr>\n"
        for g in diff.remaining {
            h += "<tr><td>\(HTML.escape(g.title))<br /><span class=\"req\">\(g.requirement)</span></td><td>\(g.obligation.rawValue)</td>"
            h += "<td>\(HTML.badge(g.before))</td><td>\(HTML.badge(g.after))</td></tr>\n"
        }
        return h + "</table>\n"
    }

    func htmlRedlines(_ diff: ReportDiff) -> String {
        guard !diff.redlines.isEmpty else { return "" }
        var h = "<h2>Redline of the provisions whose findings changed</h2>\n"
        for r in diff.redlines {
            h += "<h3>\(HTML.escape(r.citation)) <span class=\"req\">\(HTML.escape(r.requirements.joined(separator: ", ")))</span></h3>\n<p class=\"redline\">"
            h += r.pieces.map { p in
                let t = HTML.escape(p.text)
                return p.kind == .same ? t : (p.kind == .deleted ? "<del>\(t)</del>" : "<ins>\(t)</ins>")
            }.joined(separator: " ") + "</p>\n"
        }
        return h
    }
}
