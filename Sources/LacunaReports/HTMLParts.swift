import LacunaCore

/// The parts of the HTML reports that a page of its own (`lacuna serve`) embeds: the style
/// sheets and the content of a report without the page around it.
///
/// Laws: `reportContent` is exactly what the single-document HTML report has inside `<main>`;
/// the style sheets are those the reports inline.
public enum HTMLParts {
    /// The style sheet of the report and diff pages.
    public static var reportStyle: String { HTML.style }
    /// The style sheet of the matrix page.
    public static var matrixStyle: String { MatrixRenderer.style }

    /// A status as the reports in `language` name it ("Missing", "Absent", "Ausente").
    public static func statusLabel(_ status: Status, language: Language?) -> String {
        ReportWords.of(language).status(status)
    }

    /// The report on `analysis` with its text highlighted, as the HTML report shows it inside `<main>`.
    public static func reportContent(_ analysis: Analysis) -> String {
        HTMLReporter(text: analysis.source.text).body(analysis.report, prefix: "")
    }
}
