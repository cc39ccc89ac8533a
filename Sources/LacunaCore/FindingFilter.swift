/// Which findings a report shows (`analyze --only`, `--summary`).
///
/// Laws: a filtered report keeps its summary (counts over every requirement), names the
/// filter in `Report.filter`, and keeps its findings in catalog order.
public enum FindingFilter: String, Codable, Sendable, CaseIterable {
    /// Every finding that is not met.
    case gaps
    /// Mandatory requirements that are not met (what `--fail-on mandatory` fails on).
    case mandatory
    /// Conflicts only.
    case conflicts
    /// No findings: the summary alone.
    case summary

    /// Whether the filter keeps `finding`.
    public func keeps(_ finding: Finding) -> Bool {
        switch self {
        case .gaps: finding.status.isGap
        case .mandatory: finding.status.isGap && finding.obligation == .mandatory
        case .conflicts: finding.status == .conflict
        case .summary: false
        }
    }

    /// What the filter shows, for a report's header: "gaps only".
    public var description: String {
        switch self {
        case .gaps: "gaps only (findings not met)"
        case .mandatory: "mandatory gaps only"
        case .conflicts: "conflicts only"
        case .summary: "the summary only"
        }
    }
}

extension Report {
    /// The report showing only the findings `filter` keeps; the summary still counts every
    /// requirement.
    public func filtered(_ filter: FindingFilter) -> Report {
        var r = self
        r.findings = findings.filter(filter.keeps)
        r.filter = filter
        return r
    }
}
