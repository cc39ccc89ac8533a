import LacunaCore
import LacunaReports

extension Pages {
    /// The download formats a report page links to.
    static let downloadFormats: [(format: String, label: String)] = [
        ("json", "JSON"), ("markdown", "Markdown"), ("sarif", "SARIF"), ("csv", "CSV"), ("html", "HTML"), ("docx", "Word"),
    ]

    /// The report page: the HTML report, with the downloads after its heading and, before
    /// its recommendations, every finding expandable to what `lacuna explain` prints.
    /// With `save` (the "Save to database" form, when the server has a database), the form
    /// follows the downloads.
    static func report(_ analysis: Analysis, id: String, explanations: [String: String], save: String? = nil) -> String {
        var content = PageLayout.withoutInlineStyles(HTMLParts.reportContent(analysis))
        var downloads = "<nav aria-label=\"Downloads\" class=\"report-downloads\"><p><strong>Download this report:</strong></p><ul class=\"downloads\">\n"
        for (format, label) in downloadFormats {
            downloads += "<li><a href=\"/report/\(id)/\(format)\" download=\"\" id=\"download-\(format)\">\(label)</a></li>\n"
        }
        downloads += "<li><a href=\"#explanations\">Why each finding</a></li>\n<li><a href=\"/\">Analyse another document</a></li>\n</ul></nav>\n"
        downloads += save ?? ""
        if let h1 = content.range(of: "</h1>\n") {
            content.insert(contentsOf: downloads, at: h1.upperBound)
        } else {
            content = downloads + content
        }
        let why = explained(analysis.report, explanations)
        if let at = content.range(of: "<h2 id=\"recommendations\">") ?? content.range(of: "<h2 id=\"text\">") {
            content.insert(contentsOf: why, at: at.lowerBound)
        } else {
            content += why
        }
        return content
    }

    /// Each finding as a disclosure whose summary is its status and title and whose body is
    /// its explanation.
    static func explained(_ report: Report, _ explanations: [String: String]) -> String {
        var h = "<h2 id=\"explanations\">Why each finding</h2>\n<p>Open a requirement to see what was looked for, what was found, and where.</p>\n"
        for area in report.summary.areas {
            h += "<h3>\(escape(area.title))</h3>\n"
            for f in report.findings where f.area == area.area {
                let rid = escape(f.requirement)
                h += "<details class=\"explain\" id=\"x-\(rid)\" data-requirement=\"\(rid)\" data-status=\"\(f.status.rawValue)\">"
                h += "<summary><span class=\"badge st-\(f.status.rawValue)\">\(HTMLParts.statusLabel(f.status, language: report.reportLanguage))</span> \(escape(f.title)) <span class=\"req\">\(rid)</span></summary>\n"
                h += "<pre>\(escape(explanations[f.requirement] ?? f.explanation))</pre>"
                h += "<p><a href=\"#f-\(fragment(f.requirement))\">Back to the findings table</a></p></details>\n"
            }
        }
        return h
    }

    /// The fragment id the HTML report gives a requirement.
    static func fragment(_ s: String) -> String {
        String(s.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
    }
}
