import LacunaCore

/// Renders an ``Explanation`` (`lacuna explain`) as plain text for the terminal.
///
/// Laws: pure and deterministic; every rule of the explanation appears, with each piece of
/// its evidence or "not found".
public enum ExplanationRenderer {
    public static func text(_ e: Explanation) -> String {
        let requirement = e.requirement, finding = e.finding
        var out = "\(requirement.id) — \(requirement.title) [\(requirement.obligation.rawValue)]\n"
        out += "asks: \(requirement.asks)\n"
        if let c = requirement.conflictWhen { out += "conflict when: \(c)\n" }
        out += "status: \(finding.status.rawValue.uppercased())  (tradition \(e.tradition))\n"
        out += "why: \(finding.explanation)\n"
        if let how = finding.why { out += "how: \(how)\n" }
        out += "\nread as the trafficking offence and what it uses: "
        out += e.traffickingScope.isEmpty ? "nothing (no provision defines or criminalises trafficking)\n" : e.traffickingScope.joined(separator: ", ") + "\n"
        out += "\nrules looked for:\n"
        for (rule, hits) in e.rules {
            out += "  \(rule.id) (\(rule.effect.rawValue), \(rule.scope.rawValue)): \(rule.summary)\n"
            if hits.isEmpty { out += "      — not found\n" }
            for h in hits { out += "      ✓ \(ReportText.line(h.section ?? "text")), line \(h.line): “\(ReportText.line(ReportText.flat(h.text)))”\n" }
        }
        if let r = finding.recommendation { out += "\nrecommendation: \(r)\n" }
        // Rules and the catalog may come from user packs: controls shown everywhere.
        return DisplayText.visible(out, keeping: ["\n"])
    }
}
