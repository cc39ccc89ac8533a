import Foundation
import LacunaCore
import Yams

/// Reads and writes review files (`analyze --review review.yml`, `--write-review`).
///
/// The format (YAML): an optional `document` (the file reviewed, for people), and `reviews`,
/// a list of entries with `requirement` (an id), `status` (`met`, `partial`, `missing`,
/// `conflict`, or `accept` for the tool's finding), `note`, `who`, `when`, and the two fields
/// the template writes: `tool` (the tool's status then) and `evidence` (the fingerprint of
/// the evidence then). An entry without a status is no decision and is skipped.
///
/// Laws: every problem is a ``ReviewError`` naming the file and, when known, the line;
/// ``template(_:)`` read back gives entries without decisions, so applying it changes nothing.
public enum ReviewFileLoader {
    static let keys: Set<String> = ["requirement", "status", "note", "who", "when", "tool", "evidence"]

    public static func load(path: String) throws -> ReviewFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReviewError(file: path, line: nil, problem: FileManager.default.fileExists(atPath: path) ? "cannot read the review file" : "no such review file")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw ReviewError(file: path, line: nil, problem: "the review file is not UTF-8 text") }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws -> ReviewFile {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw convert(error, file: file)
        }
        guard let root else { return ReviewFile(path: file, entries: []) }
        let list: Node
        if let mapping = root.mapping {
            for (k, _) in mapping where !["document", "reviews"].contains(k.string ?? "") {
                throw ReviewError(file: file, line: k.mark?.line, problem: "unknown key \(k.string ?? "?") (expected document, reviews)")
            }
            guard let reviews = mapping["reviews"] else { return ReviewFile(path: file, entries: []) }
            list = reviews
        } else {
            list = root
        }
        if list.null != nil { return ReviewFile(path: file, entries: []) }
        guard let items = list.sequence else {
            throw ReviewError(file: file, line: list.mark?.line, problem: "reviews must be a list of entries (- requirement: ...)")
        }
        return ReviewFile(path: file, entries: try items.compactMap { try entry($0, file: file) })
    }

    /// One entry, or nil when it has no status (no decision yet).
    static func entry(_ node: Node, file: String) throws -> ReviewEntry? {
        let line = node.mark?.line
        guard let m = node.mapping else { throw ReviewError(file: file, line: line, problem: "an entry must be a mapping (requirement:, status:, note:, who:, when:)") }
        var fields: [String: String] = [:]
        for (k, v) in m {
            let key = k.string ?? ""
            guard keys.contains(key) else {
                throw ReviewError(file: file, line: k.mark?.line, problem: "unknown key \(key) (expected \(keys.sorted().joined(separator: ", ")))")
            }
            if v.null != nil { continue }
            guard let value = v.scalar?.string else { throw ReviewError(file: file, line: v.mark?.line, problem: "\(key) must be a single value") }
            fields[key] = value.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard let requirement = fields["requirement"], !requirement.isEmpty else { throw ReviewError(file: file, line: line, problem: "an entry without a requirement") }
        guard let written = fields["status"], !written.isEmpty else { return nil }
        let decision: ReviewEntry.Decision
        if written == "accept" || written == "accepted" {
            decision = .accept
        } else if let s = Status(rawValue: written) {
            decision = .status(s)
        } else {
            throw ReviewError(file: file, line: m["status"]?.mark?.line ?? line,
                              problem: "status \(written) of \(requirement) is not met, partial, missing, conflict or accept")
        }
        var tool: Status?
        if let t = fields["tool"] {
            guard let s = Status(rawValue: t) else { throw ReviewError(file: file, line: m["tool"]?.mark?.line ?? line, problem: "tool \(t) is not a status") }
            tool = s
        }
        return ReviewEntry(requirement: requirement, decision: decision, note: fields["note"], who: fields["who"], when: fields["when"],
                           evidence: fields["evidence"], tool: tool, line: line)
    }

    static func convert(_ error: YamlError, file: String) -> ReviewError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return ReviewError(file: file, line: mark.line, problem: "invalid YAML: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return ReviewError(file: file, line: context.mark.line, problem: "duplicate keys: \(duplicates.joined(separator: ", "))")
        default:
            return ReviewError(file: file, line: nil, problem: "invalid YAML: \(error)")
        }
    }

    /// A review file to fill in for `report`: one entry per finding (the tool's status and
    /// the evidence fingerprint written, the decision left empty), gaps first.
    public static func template(_ report: Report) -> String {
        var y = "# Lacuna review file. For each finding you decide on, set status (met, partial, missing,\n"
        y += "# conflict, or accept) and say why in note; who and when name the reviewer and the date.\n"
        y += "# Entries without a status are ignored. Keep tool and evidence: they tell Lacuna when the\n"
        y += "# text's evidence has changed since you reviewed (the review is then shown as stale and not applied).\n"
        y += "# Use it with: lacuna analyze DOCUMENT --review THIS-FILE\n"
        y += "document: \(quoted(report.document.path))\n"
        y += "# content SHA-256: \(report.document.contentHash)\n"
        y += "reviews:\n"
        let ordered = report.findings.filter { $0.status.isGap } + report.findings.filter { !$0.status.isGap }
        for f in ordered {
            y += "  - requirement: \(f.requirement)\n"
            y += "    tool: \((f.review?.toolStatus ?? f.status).rawValue)\n"
            if let e = f.evidence.first { y += "    # \(e.section ?? "text"): \(quoted(e.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")))\n" }
            y += "    evidence: \(f.evidenceFingerprint)\n"
            y += "    status:\n    note:\n    who:\n    when:\n"
        }
        return y
    }

    /// A YAML double-quoted scalar (JSON string escaping is valid there).
    static func quoted(_ s: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let data = (try? encoder.encode(s)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
