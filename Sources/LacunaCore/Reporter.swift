/// Renders a report in one format.
///
/// Laws: pure and deterministic — the same report renders to the same bytes; a reporter
/// never changes a finding, it only presents it.
public protocol Reporter: Sendable {
    /// The `--format` name (`text`, `json`, ...).
    var format: String { get }
    func render(_ report: Report) throws -> String
}
