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
        var out = JSONBuffer()
        out.bytes.reserveCapacity(128 * 1024)
        out.first("areas"); out.raw("[")
        for (i, area) in report.areas.enumerated() {
            if i > 0 { out.raw(",") }
            out.first("id"); out.string(area.id)
            out.field("summary"); out.string(area.summary)
            out.field("title"); out.string(area.title)
            out.raw("}")
        }
        out.raw("]")
        out.field("catalogVersion"); out.string(report.catalogVersion)
        out.field("document"); document(report.document, &out)
        if let filter = report.filter { out.field("filter"); out.string(filter.rawValue) }
        out.field("findings"); out.raw("[")
        for (i, f) in report.findings.enumerated() {
            if i > 0 { out.raw(",") }
            finding(f, &out)
        }
        out.raw("]")
        if let generatedAt = report.generatedAt { out.field("generatedAt"); out.string(generatedAt) }
        if let language = report.reportLanguage { out.field("reportLanguage"); out.string(language.rawValue) }
        if let file = report.reviewFile { out.field("reviewFile"); out.string(file) }
        out.field("rulesVersion"); out.string(report.rulesVersion)
        out.field("schemaVersion"); out.int(report.schemaVersion)
        out.field("summary"); summary(report.summary, &out)
        out.field("tool"); out.string(report.tool)
        out.field("toolVersion"); out.string(report.toolVersion)
        if let warnings = report.warnings { out.field("warnings"); out.strings(warnings) }
        out.raw("}")
        return String(decoding: out.bytes, as: UTF8.self)
    }

    static func document(_ d: DocumentInfo, _ out: inout JSONBuffer) {
        out.first("characters"); out.int(d.characters)
        out.field("contentHash"); out.string(d.contentHash)
        if let extract = d.extract { out.field("extract"); out.raw(extract ? "true" : "false") }
        out.field("format"); out.string(d.format)
        if let language = d.language { out.field("language"); out.string(language.rawValue) }
        if let read = d.languageRead { out.field("languageRead"); out.raw(read ? "true" : "false") }
        out.field("path"); out.string(d.path)
        out.field("provisions"); out.int(d.provisions)
        if let title = d.title { out.field("title"); out.string(title) }
        out.field("tradition"); out.string(d.tradition.rawValue)
        out.field("traditionSource"); out.string(d.traditionSource.rawValue)
        if let traditions = d.traditions { out.field("traditions"); out.strings(traditions.map(\.rawValue)) }
        out.raw("}")
    }

    static func finding(_ f: Finding, _ out: inout JSONBuffer) {
        out.first("area"); out.string(f.area)
        if let drafting = f.drafting { out.field("drafting"); out.string(drafting) }
        out.field("evidence"); out.raw("[")
        for (i, e) in f.evidence.enumerated() {
            if i > 0 { out.raw(",") }
            out.first("column"); out.int(e.column)
            out.field("effect"); out.string(e.effect.rawValue)
            out.field("end"); out.int(e.end)
            out.field("line"); out.int(e.line)
            if let note = e.note { out.field("note"); out.string(note) }
            out.field("rule"); out.string(e.rule)
            if let section = e.section { out.field("section"); out.string(section) }
            out.field("start"); out.int(e.start)
            out.field("text"); out.string(e.text)
            out.raw("}")
        }
        out.raw("]")
        out.field("explanation"); out.string(f.explanation)
        if let rule = f.judgingRule { out.field("judgingRule"); out.int(rule) }
        if let flag = f.notInText { out.field("notInText"); out.raw(flag ? "true" : "false") }
        out.field("obligation"); out.string(f.obligation.rawValue)
        if let recommendation = f.recommendation { out.field("recommendation"); out.string(recommendation) }
        out.field("requirement"); out.string(f.requirement)
        if let review = f.review { out.field("review"); Self.review(review, &out) }
        if let route = f.route { out.field("route"); out.string(route.rawValue) }
        out.field("sources"); out.strings(f.sources)
        out.field("status"); out.string(f.status.rawValue)
        out.field("title"); out.string(f.title)
        if let why = f.why { out.field("why"); out.string(why) }
        out.raw("}")
    }

    static func review(_ r: FindingReview, _ out: inout JSONBuffer) {
        if let note = r.note { out.first("note"); out.string(note); out.field("stale") } else { out.first("stale") }
        out.raw(r.stale ? "true" : "false")
        out.field("status"); out.string(r.status.rawValue)
        out.field("toolStatus"); out.string(r.toolStatus.rawValue)
        if let when = r.when { out.field("when"); out.string(when) }
        if let who = r.who { out.field("who"); out.string(who) }
        out.raw("}")
    }

    static func summary(_ s: ReportSummary, _ out: inout JSONBuffer) {
        out.first("areas"); out.raw("[")
        for (i, a) in s.areas.enumerated() {
            if i > 0 { out.raw(",") }
            out.first("all"); counts(a.all, &out)
            out.field("area"); out.string(a.area)
            out.field("mandatory"); counts(a.mandatory, &out)
            out.field("optional"); counts(a.optional, &out)
            out.field("recommended"); counts(a.recommended, &out)
            out.field("title"); out.string(a.title)
            out.raw("}")
        }
        out.raw("]")
        out.field("conflicts"); out.int(s.conflicts)
        out.field("mandatoryGaps"); out.int(s.mandatoryGaps)
        out.field("mostSerious"); out.strings(s.mostSerious)
        if let areas = s.notAddressed { out.field("notAddressed"); out.strings(areas) }
        out.field("obligations"); out.raw("{")
        for (i, key) in s.obligations.keys.sorted().enumerated() {
            if i > 0 { out.raw(",") }
            out.string(key); out.raw(":"); counts(s.obligations[key]!, &out)
        }
        out.raw("}")
        out.field("statuses"); out.raw("{")
        for (i, key) in s.statuses.keys.sorted().enumerated() {
            if i > 0 { out.raw(",") }
            out.string(key); out.raw(":"); out.int(s.statuses[key]!)
        }
        out.raw("}")
        out.field("totals"); counts(s.totals, &out)
        out.raw("}")
    }

    static func counts(_ c: StatusCounts, _ out: inout JSONBuffer) {
        out.first("conflict"); out.int(c.conflict)
        out.field("met"); out.int(c.met)
        out.field("missing"); out.int(c.missing)
        out.field("partial"); out.int(c.partial)
        out.raw("}")
    }
}

/// A JSON text being written, piece by piece: the caller places the braces and commas.
struct JSONBuffer {
    var bytes: [UInt8] = []

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// `{"name":` — an object and its first member's key.
    mutating func first(_ name: StaticString) {
        bytes.append(UInt8(ascii: "{"))
        key(name)
    }

    /// `,"name":` — a further member's key.
    mutating func field(_ name: StaticString) {
        bytes.append(UInt8(ascii: ","))
        key(name)
    }

    private mutating func key(_ name: StaticString) {
        bytes.append(UInt8(ascii: "\""))
        raw(name)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func int(_ n: Int) {
        bytes.append(contentsOf: String(n).utf8)
    }

    mutating func strings(_ list: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (i, s) in list.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            string(s)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// A JSON string as JSONEncoder writes it: quote, backslash and control characters
    /// escaped, slashes and everything else as they are.
    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            bytes.append(UInt8(ascii: "\""))
            // Most strings need no escape: copy the runs between escapes in one go.
            var runStart = 0
            for (i, c) in utf8.enumerated() where c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                runStart = i + 1
                switch c {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), c])
                case 0x08: raw("\\b")
                case 0x0C: raw("\\f")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    raw("\\u00")
                    bytes.append(hex[Int(c >> 4)])
                    bytes.append(hex[Int(c & 0xF)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
