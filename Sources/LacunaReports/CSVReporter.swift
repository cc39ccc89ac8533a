import Foundation
import LacunaCore

/// One row per finding (RFC 4180: CRLF line ends, fields quoted when needed).
///
/// Laws: the columns are ``header`` in that order (new columns are added at the end, so a
/// spreadsheet that reads the older ones by position still works); every row has one cell
/// per column.
public struct CSVReporter: Reporter {
    public init() {}

    public static let header = ["document", "language", "tradition", "requirement", "area", "obligation", "status", "section", "line", "start", "end",
                                "evidence", "rule", "sources", "recommendation", "why", "judging rule", "explanation", "drafting", "not in text",
                                "tool status", "reviewer status", "review note", "reviewer", "reviewed on", "review stale"]

    public func render(_ report: Report) throws -> String {
        var rows = [CSVReporter.header]
        for f in report.findings {
            let e = f.evidence.first
            rows.append([report.document.path, report.document.language?.rawValue ?? "", report.document.traditionsDescription, f.requirement, f.area, f.obligation.rawValue, f.status.rawValue,
                         e?.section ?? "", e.map { String($0.line) } ?? "", e.map { String($0.start) } ?? "",
                         e.map { String($0.end) } ?? "", e.map { ReportText.flat($0.text) } ?? "", e?.rule ?? "",
                         f.sources.joined(separator: "; "), f.recommendation ?? "",
                         f.why ?? "", f.judgingRule.map(String.init) ?? "", f.explanation, f.drafting ?? "", f.notInText == true ? "yes" : ""] + CSVReporter.review(f))
        }
        return rows.map { $0.map(CSVReporter.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// The review columns: the tool's status, the reviewer's, the note, who, when, stale.
    static func review(_ f: Finding) -> [String] {
        guard let r = f.review else { return [f.status.rawValue, "", "", "", "", ""] }
        return [r.toolStatus.rawValue, r.status.rawValue, r.note ?? "", r.who ?? "", r.when ?? "", r.stale ? "yes" : "no"]
    }

    public static func field(_ s: String) -> String {
        // Control characters shown (line breaks and tabs kept, inside quotes; the carriage
        // returns left are those of the row ends).
        var value = DisplayText.visible(s, keeping: ["\n", "\t"])
        // A leading =, +, - or @ (or a tab or carriage return before one) would be read as a
        // formula by spreadsheets.
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
