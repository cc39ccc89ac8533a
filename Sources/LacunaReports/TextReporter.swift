import LacunaCore

/// A readable terminal report: a summary, then the gaps (conflicts first), then what is met.
/// Colour only when asked (the CLI asks when standard output is a terminal).
public struct TextReporter: Reporter {
    public var color: Bool
    public init(color: Bool = false) { self.color = color }

    public func render(_ report: Report) throws -> String {
        // Everything taken from the document or its file name goes through `line` (control
        // characters shown, never sent to the terminal); the colours are the reporter's own.
        let line = ReportText.line
        var out = ""
        let d = report.document
        out += bold("Lacuna gap report") + " — \(line(d.displayTitle))\n"
        for w in ReportText.warnings(report) {
            out += paint("WARNING", .conflict) + ": " + line(w) + "\n"
        }
        out += "file: \(line(d.path))   read as: \(line(d.format))\n"
        out += "tradition: \(line(d.traditionsDescription)) (\(d.traditionSource.rawValue))   provisions: \(d.provisions)"
        if let language = ReportText.language(d) { out += "   language: \(line(language))" }
        out += "\n"
        let s = report.summary.statuses
        out += "requirements: \(report.findings.count)   "
        out += paint("met \(s["met"] ?? 0)", .met) + "   " + paint("partial \(s["partial"] ?? 0)", .partial) + "   "
        out += paint("missing \(s["missing"] ?? 0)", .missing) + "   " + paint("conflict \(s["conflict"] ?? 0)", .conflict) + "\n"
        out += "mandatory gaps: \(report.summary.mandatoryGaps)\n"

        let gaps = report.findings.filter { $0.status.isGap }
            .sorted { ($0.status.severity, $1.obligation) > ($1.status.severity, $0.obligation) }
        if !gaps.isEmpty { out += "\n" + bold("Gaps") + "\n" }
        for f in gaps {
            out += "\n" + paint(f.status.rawValue.uppercased().padding(8), f.status) + " \(line(f.requirement)) — \(line(f.title)) [\(f.obligation.rawValue)]\n"
            for e in f.evidence.prefix(2) {
                out += "         \(line(e.section ?? "text")), line \(e.line): “\(line(ReportText.flat(e.text)))”\n"
            }
            if let r = f.recommendation { out += wrap(line(r), indent: "         → ") }
            out += "         sources: \(line(f.sources.joined(separator: "; ")))\n"
        }
        let met = report.findings.filter { !$0.status.isGap }
        if !met.isEmpty { out += "\n" + bold("Met") + "\n" }
        for f in met {
            let e = f.evidence.first
            out += paint("MET     ", .met) + " \(line(f.requirement))"
            if let e { out += " — \(line(e.section ?? "text")): “\(line(ReportText.flat(e.text)))”" }
            out += "\n"
        }
        return out
    }

    func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }

    func paint(_ s: String, _ status: Status) -> String {
        guard color else { return s }
        let code = switch status {
        case .met: "32"
        case .partial: "33"
        case .missing: "31"
        case .conflict: "35;1"
        }
        return "\u{1B}[\(code)m\(s)\u{1B}[0m"
    }

    func wrap(_ text: String, indent: String, width: Int = 96) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.count + word.count + 1 > width - indent.count, !line.isEmpty {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        let pad = String(repeating: " ", count: indent.count)
        return lines.enumerated().map { ($0.offset == 0 ? indent : pad) + $0.element }.joined(separator: "\n") + "\n"
    }
}

extension String {
    func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
