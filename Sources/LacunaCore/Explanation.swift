/// Why one requirement got its status in one analysis: the finding, every rule bearing on
/// the requirement with the evidence it found (possibly none), and the provisions read as
/// the trafficking offence. Rendered by `ExplanationRenderer` (LacunaReports).
///
/// Laws: `rules` lists exactly the rules of the analysis that name the requirement, in rule
/// order; their evidence is the analysis's (operative) evidence for that requirement.
public struct Explanation: Sendable {
    public let requirement: Requirement
    public let finding: Finding
    /// Every rule bearing on the requirement, with the evidence it found (possibly none).
    public let rules: [(RuleInfo, [EvidenceItem])]
    /// Citations of the provisions read as the trafficking offence and what it uses.
    public let traffickingScope: [String]
    public let tradition: TraditionChoice

    /// The explanation of `requirement` in `analysis`; nil when the report has no finding for it.
    public init?(_ requirement: Requirement, in analysis: Analysis) {
        guard let finding = analysis.report.finding(requirement.id) else { return nil }
        let locator = TextLocator(analysis.source.utf8)
        let id = requirement.id
        self.requirement = requirement
        self.finding = finding
        self.rules = analysis.rules.filter { $0.requirements.contains(id) }.map { info in
            (info, analysis.evidence.filter { $0.rule == info.id && $0.requirement == id }.map { EvidenceItem($0, locator: locator) })
        }
        let document = analysis.document
        self.traffickingScope = document.traffickingScope.sorted().map { document.provisions[$0].citation }.filter { !$0.isEmpty }
        self.tradition = analysis.tradition
    }
}
