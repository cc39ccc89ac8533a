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
        out += "requirements: \(report.summary.totals.total)   "
        out += paint("met \(s["met"] ?? 0)", .met) + "   " + paint("partial \(s["partial"] ?? 0)", .partial) + "   "
        out += paint("missing \(s["missing"] ?? 0)", .missing) + "   " + paint("conflict \(s["conflict"] ?? 0)", .conflict) + "\n"
        out += "mandatory gaps: \(report.summary.mandatoryGaps)\n"
        if let file = report.reviewFile {
            let n = report.findings.filter { $0.review != nil }.count, stale = report.findings.filter { $0.review?.stale == true }.count
            out += "review: \(line(file)) — \(n) finding(s) reviewed" + (stale > 0 ? ", " + paint("\(stale) stale", .conflict) : "") + "\n"
        }
        if let filter = report.filter { out += "showing: \(filter.description), \(report.findings.count) of \(report.summary.totals.total)\n" }
        if let note = ReportText.notAddressed(report) { out += wrap(line(note), indent: "note: ") }
        if report.filter == .summary { out += areas(report) }
        return out + findings(report)
    }

    /// The gaps, most severe first, then the met findings.
    func findings(_ report: Report) -> String {
        let line = ReportText.line
        var out = ""
        let gaps = report.findings.filter { $0.status.isGap && $0.notInText != true }
            .sorted { ($0.status.severity, $1.obligation) > ($1.status.severity, $0.obligation) }
        if !gaps.isEmpty { out += "\n" + bold("Gaps") + "\n" }
        for f in gaps {
            out += "\n" + paint(f.status.rawValue.uppercased().padding(8), f.status) + " \(line(f.requirement)) — \(line(f.title)) [\(f.obligation.rawValue)]\n"
            for e in f.evidence.prefix(2) {
                out += "         \(line(e.section ?? "text")), line \(e.line): “\(line(ReportText.flat(e.text)))”\n"
            }
            if let why = f.why { out += wrap(line(why), indent: ReportText.overridden(f) ? "         tool's why: " : "         why: ") }
            if let review = f.review { out += wrap(line(review.sentence), indent: "         ") }
            if let r = f.recommendation { out += wrap(line(r), indent: "         → ") }
            if drafting, let d = f.drafting { out += wrap(line(d), indent: "         drafting: ") }
            out += "         sources: \(line(f.sources.joined(separator: "; ")))\n"
        }
        let absent = report.findings.filter { $0.notInText == true }
        if !absent.isEmpty { out += "\n" + bold("Not in this text") + " (the text is an extract)\n" }
        for f in absent { out += "NOT IN TEXT  \(line(f.requirement)) — \(line(f.title)) [\(f.obligation.rawValue)]\n" }
        let met = report.findings.filter { !$0.status.isGap }
        if !met.isEmpty { out += "\n" + bold("Met") + "\n" }
        for f in met {
            let e = f.evidence.first
            out += paint("MET     ", .met) + " \(line(f.requirement))"
            if let e { out += " — \(line(e.section ?? "text")): “\(line(ReportText.flat(e.text)))”" }
            out += "\n"
            // A met finding the quoted words do not reach by themselves says how it was reached.
            if f.isIndirect || ReportText.overridden(f), let why = f.why {
                out += wrap(line(why), indent: ReportText.overridden(f) ? "         tool's why: " : "         why: ")
            }
            if let review = f.review { out += wrap(line(review.sentence), indent: "         ") }
        }
        return out
    }

    /// Coverage per area, one line each (for `--summary`).
    func areas(_ report: Report) -> String {
        var out = "\n" + bold("Areas") + "\n"
        for a in report.summary.areas {
            out += "  \(ReportText.line(a.title)): \(a.all.met) of \(a.all.total) met"
            if a.all.conflict > 0 { out += ", \(a.all.conflict) in conflict" }
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
