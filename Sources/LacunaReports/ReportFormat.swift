import LacunaCore

/// The formats of `lacuna analyze --format`, each with its reporter.
///
/// Laws: `rawValue` is the `--format` name; rendering one analysis gives exactly what the
/// format's reporter gives for it.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, markdown, html, sarif, csv

    /// The reporter of this format; `color` and `drafting` matter only for `text` (ANSI
    /// colours on a terminal; each gap's suggested drafting — the other formats always show it),
    /// `layout` only for `html` (paper size, annex).
    public func reporter(color: Bool = false, drafting: Bool = false, layout: PageOptions = PageOptions()) -> any Reporter {
        switch self {
        case .text: TextReporter(color: color, drafting: drafting)
        case .json: JSONReporter()
        case .markdown: MarkdownReporter()
        case .html: HTMLReporter(layout: layout)
        case .sarif: SARIFReporter()
        case .csv: CSVReporter()
        }
    }

    /// The analyses with only the findings `filter` keeps in each report (all when nil): what
    /// every format, Word included, shows under `--only` and `--summary`.
    public static func filtered(_ analyses: [Analysis], by filter: FindingFilter?) -> [Analysis] {
        guard let filter else { return analyses }
        return analyses.map { a in
            var a = a
            a.report = a.report.filtered(filter)
            return a
        }
    }

    /// Several analyses as one output: JSON as an array (one object when there is one), HTML
    /// as one page with a section per document, SARIF as one log with a run per document, CSV
    /// under one header, text reports separated by a blank line, Markdown one after another.
    ///
    /// `filter` keeps only some findings in every report (`--only`, `--summary`); `drafting`
    /// shows the suggested drafting in the text format; `layout` sets the HTML page.
    public func render(_ analyses: [Analysis], color: Bool = false, filter: FindingFilter? = nil, drafting: Bool = false,
                       layout: PageOptions = PageOptions()) throws -> String {
        let analyses = ReportFormat.filtered(analyses, by: filter)
        switch self {
        case .json where analyses.count > 1:
            return String(decoding: try JSONReporter.encoder.encode(analyses.map(\.report)), as: UTF8.self) + "\n"
        case .html where analyses.count > 1:
            return HTMLReporter.page(analyses, layout: layout)
        case .sarif where analyses.count > 1:
            return try SARIFReporter().render(analyses.map(\.report))
        case .csv:
            let bodies = try analyses.map { try CSVReporter().render($0) }
            return bodies.enumerated().map { k, body in
                k == 0 ? body : String(body.split(separator: "\r\n", maxSplits: 1).last ?? "")
            }.joined()
        default:
            let reporter = reporter(color: color, drafting: drafting, layout: layout)
            return try analyses.map { try reporter.render($0) }.joined(separator: self == .text ? "\n" : "")
        }
    }
}
