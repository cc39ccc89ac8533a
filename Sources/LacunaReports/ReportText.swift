import LacunaCore

/// Small text helpers shared by the reporters.
enum ReportText {
    /// Collapses white space (evidence quotes keep the line breaks of the source).
    static func flat(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
    }

    /// The document's language for a header: "English", "French (no rule reads it)"; nil in
    /// reports older than the field.
    static func language(_ d: DocumentInfo) -> String? {
        guard let language = d.language else { return nil }
        let name = language.isDetermined ? language.name : language.name.replacingOccurrences(of: "an undetermined", with: "undetermined")
        return d.languageRead == false ? "\(name) (no rule reads it)" : name
    }

    /// The report's warnings as sentences, each starting with a capital.
    static func warnings(_ report: Report) -> [String] {
        (report.warnings ?? []).map { w in w.prefix(1).uppercased() + w.dropFirst() + (w.hasSuffix(".") ? "" : ".") }
    }

    static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }

    static func statusLabel(_ s: Status) -> String {
        switch s {
        case .met: "Met"
        case .partial: "Partial"
        case .missing: "Missing"
        case .conflict: "Conflict"
        }
    }

    static func counts(_ c: StatusCounts) -> String {
        c.total == 0 ? "—" : "\(c.met)/\(c.total) met" + (c.conflict > 0 ? ", \(c.conflict) conflict" : "")
    }

    static func areaTitle(_ report: Report, _ id: String) -> String {
        report.areas.first { $0.id == id }?.title ?? id
    }
}
