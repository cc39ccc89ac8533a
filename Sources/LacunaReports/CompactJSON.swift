import LacunaCore

/// A report as compact JSON — byte for byte what `JSONEncoder` gives with `.sortedKeys` and
/// `.withoutEscapingSlashes` — written directly, several times faster.
///
/// A batch stores every report it makes (about 90 KB each); through `JSONEncoder` that
/// encoding was a tenth of a batch's time. The shape is `Report`'s `Codable` shape; a test
/// compares both encoders on every sample report, so a field added to the model and not
/// here fails that test.
public enum CompactJSON {
    /// The report as one line of JSON, keys sorted.
    public static func encode(_ report: Report) -> String {
        let out = JSONOutput()
        out.bytes.reserveCapacity(128 * 1024)
        out.object {
            out.key("areas"); out.array(report.areas) { area in
                out.object {
                    out.key("id"); out.string(area.id)
                    out.key("summary"); out.string(area.summary)
                    out.key("title"); out.string(area.title)
                }
            }
            out.key("catalogVersion"); out.string(report.catalogVersion)
            out.key("document"); document(report.document, out)
            out.key("findings"); out.array(report.findings) { finding($0, out) }
            if let generatedAt = report.generatedAt { out.key("generatedAt"); out.string(generatedAt) }
            out.key("rulesVersion"); out.string(report.rulesVersion)
            out.key("schemaVersion"); out.int(report.schemaVersion)
            out.key("summary"); summary(report.summary, out)
            out.key("tool"); out.string(report.tool)
            out.key("toolVersion"); out.string(report.toolVersion)
        }
        return String(decoding: out.bytes, as: UTF8.self)
    }

    static func document(_ d: DocumentInfo, _ out: JSONOutput) {
        out.object {
            out.key("characters"); out.int(d.characters)
            out.key("contentHash"); out.string(d.contentHash)
            out.key("format"); out.string(d.format)
            out.key("path"); out.string(d.path)
            out.key("provisions"); out.int(d.provisions)
            if let title = d.title { out.key("title"); out.string(title) }
            out.key("tradition"); out.string(d.tradition.rawValue)
            out.key("traditionSource"); out.string(d.traditionSource)
        }
    }

    static func finding(_ f: Finding, _ out: JSONOutput) {
        out.object {
            out.key("area"); out.string(f.area)
            if let drafting = f.drafting { out.key("drafting"); out.string(drafting) }
            out.key("evidence"); out.array(f.evidence) { e in
                out.object {
                    out.key("column"); out.int(e.column)
                    out.key("effect"); out.string(e.effect.rawValue)
                    out.key("end"); out.int(e.end)
                    out.key("line"); out.int(e.line)
                    if let note = e.note { out.key("note"); out.string(note) }
                    out.key("rule"); out.string(e.rule)
                    if let section = e.section { out.key("section"); out.string(section) }
                    out.key("start"); out.int(e.start)
                    out.key("text"); out.string(e.text)
                }
            }
            out.key("explanation"); out.string(f.explanation)
            out.key("obligation"); out.string(f.obligation.rawValue)
            if let recommendation = f.recommendation { out.key("recommendation"); out.string(recommendation) }
            out.key("requirement"); out.string(f.requirement)
            out.key("sources"); out.array(f.sources) { out.string($0) }
            out.key("status"); out.string(f.status.rawValue)
            out.key("title"); out.string(f.title)
        }
    }

    static func summary(_ s: ReportSummary, _ out: JSONOutput) {
        out.object {
            out.key("areas"); out.array(s.areas) { a in
                out.object {
                    out.key("all"); counts(a.all, out)
                    out.key("area"); out.string(a.area)
                    out.key("mandatory"); counts(a.mandatory, out)
                    out.key("optional"); counts(a.optional, out)
                    out.key("recommended"); counts(a.recommended, out)
                    out.key("title"); out.string(a.title)
                }
            }
            out.key("conflicts"); out.int(s.conflicts)
            out.key("mandatoryGaps"); out.int(s.mandatoryGaps)
            out.key("mostSerious"); out.array(s.mostSerious) { out.string($0) }
            out.key("obligations"); out.object {
                for key in s.obligations.keys.sorted() { out.key(key); counts(s.obligations[key]!, out) }
            }
            out.key("statuses"); out.object {
                for key in s.statuses.keys.sorted() { out.key(key); out.int(s.statuses[key]!) }
            }
            out.key("totals"); counts(s.totals, out)
        }
    }

    static func counts(_ c: StatusCounts, _ out: JSONOutput) {
        out.object {
            out.key("conflict"); out.int(c.conflict)
            out.key("met"); out.int(c.met)
            out.key("missing"); out.int(c.missing)
            out.key("partial"); out.int(c.partial)
        }
    }
}

/// A JSON text being written: commas between members and elements are placed for the caller.
final class JSONOutput {
    var bytes: [UInt8] = []
    /// For each open object or array, whether it has a member or element yet.
    private var started: [Bool] = []
    /// A key was just written: its value takes no comma.
    private var afterKey = false

    func object(_ body: () -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        started.append(false)
        body()
        started.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    func array<C: Collection>(_ elements: C, _ body: (C.Element) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        started.append(false)
        for e in elements { body(e) }
        started.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    /// A member's key; its value follows.
    func key(_ k: String) {
        separate()
        write(k)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    func string(_ s: String) {
        separate()
        write(s)
    }

    func int(_ n: Int) {
        separate()
        bytes.append(contentsOf: String(n).utf8)
    }

    /// A comma before every member or element but the first; none before a key's value.
    private func separate() {
        if afterKey { afterKey = false; return }
        guard let last = started.indices.last else { return }
        if started[last] { bytes.append(UInt8(ascii: ",")) }
        started[last] = true
    }

    /// A JSON string as JSONEncoder writes it: quote, backslash and control characters
    /// escaped, slashes and everything else as they are.
    private func write(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            bytes.append(UInt8(ascii: "\""))
            // Most strings need no escape: copy runs between escapes in one go.
            var runStart = 0
            for (i, c) in utf8.enumerated() where c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                runStart = i + 1
                switch c {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), c])
                case 0x08: bytes.append(contentsOf: Array("\\b".utf8))
                case 0x0C: bytes.append(contentsOf: Array("\\f".utf8))
                case 0x0A: bytes.append(contentsOf: Array("\\n".utf8))
                case 0x0D: bytes.append(contentsOf: Array("\\r".utf8))
                case 0x09: bytes.append(contentsOf: Array("\\t".utf8))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: Array("\\u00".utf8) + [hex[Int(c >> 4)], hex[Int(c & 0xF)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
