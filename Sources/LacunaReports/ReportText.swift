import LacunaCore

/// Small text helpers shared by the reporters.
enum ReportText {
    /// Text from the document (or its file name) for one line of terminal output: every
    /// control character shown (``DisplayText``), line breaks included.
    static func line(_ s: String) -> String { DisplayText.visible(s, keeping: []) }

    /// Text for Markdown: control characters shown, white space flattened, and the characters
    /// that start markup or break a table cell escaped (`\\`, `` ` ``, `*`, `_`, `[`, `]`, `|`,
    /// and `<`, `>`, `&` as entities).
    static func markdown(_ s: String) -> String {
        var out = ""
        for c in flat(DisplayText.visible(s, keeping: ["\n", "\t"])).unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|": out += "\\" + String(c)
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A Markdown code span that stays one table cell: controls shown, white space flattened,
    /// pipes escaped, and enough backticks around it for the backticks inside.
    static func markdownCode(_ s: String) -> String {
        let text = flat(DisplayText.visible(s, keeping: ["\n", "\t"])).replacingOccurrences(of: "|", with: "\\|")
        var longest = 0, run = 0
        for c in text { if c == "`" { run += 1; longest = max(longest, run) } else { run = 0 } }
        let fence = String(repeating: "`", count: longest + 1)
        return longest == 0 ? fence + text + fence : fence + " " + text + " " + fence
    }

    /// Collapses white space (evidence quotes keep the line breaks of the source).
    static func flat(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
    }

    /// The document's language for a header: "English", "French (no rule reads it)"; nil in
    /// reports older than the field.
    static func language(_ d: DocumentInfo, _ w: ReportWords) -> String? {
        guard let language = d.language else { return nil }
        let name = language.isDetermined ? w.name(language) : language.name.replacingOccurrences(of: "an undetermined", with: "undetermined")
        return d.languageRead == false ? "\(name) (\(w.noRuleReads))" : name
    }

    /// The report's warnings as sentences, each starting with a capital.
    static func warnings(_ report: Report) -> [String] {
        (report.warnings ?? []).map { w in w.prefix(1).uppercased() + w.dropFirst() + (w.hasSuffix(".") ? "" : ".") }
    }

    /// The sentence on the areas no provision of the text concerns (nil when it touches every
    /// area): for a text marked as an extract, that its findings there mean "not in this text".
    static func notAddressed(_ report: Report) -> String? {
        let ids = report.summary.notAddressed ?? []
        guard !ids.isEmpty else { return nil }
        let titles = ids.map { areaTitle(report, $0).lowercased() }.joined(separator: "; ")
        let w = ReportWords.of(report)
        return report.document.extract == true ? w.notAddressedExtract(titles) : w.notAddressedText(titles)
    }

    /// A finding's status as a table shows it: "Missing (not in this text)" for a finding
    /// flagged `notInText`.
    static func statusLabel(_ f: Finding, _ w: ReportWords) -> String {
        f.notInText == true ? "\(w.status(.missing)) (\(w.notInThisText.lowercased()))" : w.status(f.status)
    }

    /// Whether a reviewer's decision replaced the tool's status: the finding's `why` then
    /// explains the tool's finding, not the status shown.
    static func overridden(_ f: Finding) -> Bool {
        f.review.map { !$0.stale && $0.status != $0.toolStatus } ?? false
    }

    static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }

    static func counts(_ c: StatusCounts, _ w: ReportWords) -> String {
        c.total == 0 ? "—" : w.metCount(c.met, c.total) + (c.conflict > 0 ? ", " + w.conflictCount(c.conflict) : "")
    }

    static func areaTitle(_ report: Report, _ id: String) -> String {
        report.areas.first { $0.id == id }?.title ?? id
    }
}
