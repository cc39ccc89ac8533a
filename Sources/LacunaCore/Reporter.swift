/// Renders a report in one format.
///
/// Laws: pure and deterministic — the same input renders to the same bytes; a reporter
/// never changes a finding, it only presents it. `render(_ analysis:)` shows what
/// `render(analysis.report)` shows, plus what only the analysis has (the HTML reporter adds
/// the statute's text with the evidence highlighted).
public protocol Reporter: Sendable {
    func render(_ report: Report) throws -> String
    func render(_ analysis: Analysis) throws -> String
}

extension Reporter {
    public func render(_ analysis: Analysis) throws -> String { try render(analysis.report) }
}
