import Foundation
import LacunaCore

/// Why one requirement got its status in one document.
public struct Explanation: Sendable {
    public let requirement: Requirement
    public let finding: Finding
    /// Every rule bearing on the requirement, with the evidence it found (possibly none).
    public let rules: [(RuleInfo, [EvidenceItem])]
    /// Citations of the provisions read as the trafficking offence and what it uses.
    public let traffickingScope: [String]
    public let tradition: TraditionChoice

    /// Plain-text rendering for the terminal.
    public func render() -> String {
        var out = "\(requirement.id) — \(requirement.title) [\(requirement.obligation.rawValue)]\n"
        out += "asks: \(requirement.asks)\n"
        if let c = requirement.conflictWhen { out += "conflict when: \(c)\n" }
        out += "status: \(finding.status.rawValue.uppercased())  (tradition \(tradition))\n"
        out += "why: \(finding.explanation)\n"
        out += "\nread as the trafficking offence and what it uses: "
        out += traffickingScope.isEmpty ? "nothing (no provision defines or criminalises trafficking)\n" : traffickingScope.joined(separator: ", ") + "\n"
        out += "\nrules looked for:\n"
        for (rule, hits) in rules {
            out += "  \(rule.id) (\(rule.effect.rawValue), \(rule.scope.rawValue)): \(rule.summary)\n"
            if hits.isEmpty { out += "      — not found\n" }
            for h in hits { out += "      ✓ \(h.section ?? "text"), line \(h.line): “\(h.text)”\n" }
        }
        if let r = finding.recommendation { out += "\nrecommendation: \(r)\n" }
        return out
    }
}

extension Analyzer {
    /// Analyses `path` and explains the finding for `requirement`.
    public func explain(requirement: String, path: String, tradition: TraditionChoice?) throws -> Explanation {
        let analysis = try analyze(path: path, tradition: tradition)
        guard let req = catalog[requirement], let finding = analysis.report.finding(requirement) else {
            throw UsageError("unknown requirement \(requirement)")
        }
        let locator = TextLocator(analysis.source.utf8)
        let rules = analysis.rules.filter { $0.requirements.contains(requirement) }.map { info -> (RuleInfo, [EvidenceItem]) in
            let hits = analysis.evidence.filter { $0.rule == info.id && $0.requirement == requirement }
            return (info, hits.map { EvidenceItem($0, locator: locator) })
        }
        let document = analysis.document
        let scope = document.traffickingScope.sorted().map { document.provisions[$0].citation }.filter { !$0.isEmpty }
        return Explanation(requirement: req, finding: finding, rules: rules, traffickingScope: scope, tradition: analysis.tradition)
    }
}
