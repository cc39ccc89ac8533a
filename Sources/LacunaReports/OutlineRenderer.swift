import LacunaCore

/// Renders how a document was read (`lacuna outline`): the provision tree with each
/// provision's line, which provisions were read as the trafficking offence or used by it,
/// which are wholly not law, and optionally every span excluded as not law.
///
/// Laws: pure and deterministic; one line per provision, in document order, indented by
/// depth; the output ends with a line break.
public enum OutlineRenderer {
    /// - Parameter excluded: also list the excluded spans (not the provision numbers).
    public static func text(_ analysis: Analysis, excluded: Bool = false) -> String {
        let document = analysis.document, source = analysis.source, choice = analysis.tradition
        let locator = TextLocator(source.utf8)
        var lines = ["\(document.title ?? DocumentInfo.fileName(source.path)) — tradition \(choice)\(choice.detected ? " (detected)" : "")"]
        for (i, p) in document.provisions.enumerated() {
            let depth = document.ancestry(of: i).count - 1
            var marks: [String] = []
            if document.traffickingOffences.contains(i) {
                marks.append("trafficking offence")
            } else if document.traffickingScope.contains(i) {
                marks.append("used by the offence")
            }
            if let x = document.exclusion(overlapping: p.range),
               x.range.lowerBound <= p.range.lowerBound && x.range.upperBound >= p.range.upperBound {
                marks.append("not law: \(x.reason.rawValue)")
            }
            let heading = p.heading.flatMap { $0 == p.citation ? nil : " — \($0)" } ?? ""
            let label = p.citation.isEmpty ? "(text)" : p.citation
            lines.append(String(repeating: "  ", count: depth) + "\(label)\(heading)  [line \(locator.line(p.range.lowerBound))]"
                         + (marks.isEmpty ? "" : "  {\(marks.joined(separator: "; "))}"))
        }
        if excluded {
            lines.append("\nnot law:")
            for x in document.excluded where x.reason != .numbering {
                let text = source.slice(x.range).split(whereSeparator: \.isNewline).joined(separator: " ")
                lines.append("  line \(locator.line(x.range.lowerBound)) \(x.reason.rawValue): \(text.prefix(90))")
            }
        }
        // Headings, labels and excluded text come from the document: controls shown.
        return DisplayText.visible(lines.joined(separator: "\n") + "\n", keeping: ["\n"])
    }
}
