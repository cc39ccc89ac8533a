import LacunaCore

/// A readable terminal report: a summary, then the gaps (conflicts first), each with why it
/// has its status, then what is met (with the way it was reached when that was not the
/// words quoted themselves). Colour only when asked (the CLI asks when standard output is a
/// terminal); the suggested drafting of each gap only with `drafting` (`--drafting`).
public struct TextReporter: Reporter {
    public var color: Bool
    /// Show each gap's suggested drafting.
    public var drafting: Bool
    public init(color: Bool = false, drafting: Bool = false) {
        self.color = color
        self.drafting = drafting
    }

    public func render(_ report: Report) throws -> String {
        // Everything taken from the document or its file name goes through `line` (control
        // characters shown, never sent to the terminal); the colours are the reporter's own.
        let line = ReportText.line
        let w = ReportWords.of(report)
        var out = ""
        let d = report.document
        out += bold(w.gapReport) + " — \(line(d.displayTitle))\n"
        for warning in ReportText.warnings(report) {
            out += paint(w.warning.uppercased(), .conflict) + ": " + line(warning) + "\n"
        }
        out += "\(w.file): \(line(d.path))   \(w.readAs): \(line(d.format))\n"
        out += "\(w.tradition): \(line(d.traditionsDescription)) (\(w.source(d.traditionSource)))   \(w.provisions): \(d.provisions)"
        if let language = ReportText.language(d, w) { out += "   \(w.languageLabel.lowercased()): \(line(language))" }
        out += "\n"
        let s = report.summary.totals
        out += "\(w.requirements.lowercased()): \(s.total)   "
        out += Status.allCases.map { paint("\(w.status($0).lowercased()) \(s[$0])", $0) }.joined(separator: "   ") + "\n"
        out += "\(w.mandatoryGaps): \(report.summary.mandatoryGaps)\n"
        if let file = report.reviewFile {
            let n = report.findings.filter { $0.review != nil }.count, stale = report.findings.filter { $0.review?.stale == true }.count
            out += "\(w.review.lowercased()): \(line(file)) — \(w.reviewed(n))" + (stale > 0 ? ", " + paint(w.stale(stale), .conflict) : "") + "\n"
        }
        if let filter = report.filter { out += "\(w.showing): \(w.filter(filter)), \(w.ofShown(report.findings.count, report.summary.totals.total))\n" }
        if let note = ReportText.notAddressed(report) { out += wrap(line(note), indent: "\(w.note): ") }
        if report.filter == .summary { out += areas(report) }
        return out + findings(report)
    }

    /// The gaps, most severe first, then the met findings.
    func findings(_ report: Report) -> String {
        let line = ReportText.line
        let w = ReportWords.of(report)
        var out = ""
        let gaps = report.findings.filter { $0.status.isGap && $0.notInText != true }
            .sorted { ($0.status.severity, $1.obligation) > ($1.status.severity, $0.obligation) }
        if !gaps.isEmpty { out += "\n" + bold(w.gaps) + "\n" }
        let whyIndent = "         \(w.why.lowercased()): ", toolWhyIndent = "         \(w.toolWhy): "
        for f in gaps {
            out += "\n" + paint(w.status(f.status).uppercased().padding(8), f.status) + " \(line(f.requirement)) — \(line(f.title)) [\(w.obligation(f.obligation))]\n"
            for e in f.evidence.prefix(2) {
                out += "         \(line(e.section ?? w.text)), \(w.line) \(e.line): “\(line(ReportText.flat(e.text)))”\n"
            }
            if let why = f.why { out += wrap(line(why), indent: ReportText.overridden(f) ? toolWhyIndent : whyIndent) }
            if let review = f.review { out += wrap(line(review.sentence), indent: "         ") }
            if let r = f.recommendation { out += wrap(line(r), indent: "         → ") }
            if drafting, let d = f.drafting { out += wrap(line(d), indent: "         \(w.drafting): ") }
            out += "         \(w.sources): \(line(f.sources.joined(separator: "; ")))\n"
        }
        let absent = report.findings.filter { $0.notInText == true }
        if !absent.isEmpty { out += "\n" + bold(w.notInThisText) + " \(w.extractNote)\n" }
        for f in absent { out += "\(w.notInTextTag)  \(line(f.requirement)) — \(line(f.title)) [\(w.obligation(f.obligation))]\n" }
        let met = report.findings.filter { !$0.status.isGap }
        if !met.isEmpty { out += "\n" + bold(w.met) + "\n" }
        for f in met {
            let e = f.evidence.first
            out += paint(w.status(.met).uppercased().padding(8), .met) + " \(line(f.requirement))"
            if let e { out += " — \(line(e.section ?? w.text)): “\(line(ReportText.flat(e.text)))”" }
            out += "\n"
            // A met finding the quoted words do not reach by themselves says how it was reached.
            if f.isIndirect || ReportText.overridden(f), let why = f.why {
                out += wrap(line(why), indent: ReportText.overridden(f) ? toolWhyIndent : whyIndent)
            }
            if let review = f.review { out += wrap(line(review.sentence), indent: "         ") }
        }
        return out
    }

    /// Coverage per area, one line each (for `--summary`).
    func areas(_ report: Report) -> String {
        let w = ReportWords.of(report)
        var out = "\n" + bold(w.areas) + "\n"
        for a in report.summary.areas {
            out += "  \(ReportText.line(a.title)): \(w.ofShown(a.all.met, a.all.total)) \(w.status(.met).lowercased())"
            if a.all.conflict > 0 { out += ", \(w.inConflict(a.all.conflict))" }
            out += " (\(ReportText.percent(a.all.coverage)))\n"
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
