/// Escapes text for HTML element content and attribute values: markup characters as
/// entities, and control characters (but line breaks and tabs) as visible stand-ins
/// (``DisplayText``) — they are not allowed in HTML and could hide text.
public enum HTMLText {
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var scalars = s.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let c = next {
            next = scalars.next()
            switch c {
            // A carriage return is a line break, as browsers read it (one with the line feed after it).
            case "\r": if next != "\n" { out += "\n" }
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(c)
            default:
                if DisplayText.isUnsafe(c) { out += DisplayText.picture(of: c) } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }
}

/// HTML helpers and the shared style sheet of the HTML reports.
enum HTML {
    static func escape(_ s: String) -> String { HTMLText.escape(s) }

    /// A safe fragment id from a requirement id.
    static func id(_ s: String) -> String {
        String(s.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
    }

    static func badge(_ status: Status) -> String {
        "<span class=\"badge st-\(status.rawValue)\">\(ReportText.statusLabel(status))</span>"
    }

    static let style = """
    :root { --met:#1b7f3b; --partial:#b26a00; --missing:#b3261e; --conflict:#6a1b9a; --ink:#1d1d1f; --muted:#5f6368; --line:#d9dce1; }
    * { box-sizing: border-box; }
    body { font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 0; background: #f6f7f9; }
    main { max-width: 1100px; margin: 0 auto; padding: 28px 32px 64px; background: #fff; }
    h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 36px 0 12px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
    h3 { font-size: 16px; margin: 24px 0 8px; }
    .meta { color: var(--muted); font-size: 13px; margin-bottom: 20px; } .meta code { font-size: 12px; }
    .warning { border: 2px solid var(--conflict); background: #f6ecfb; border-radius: 6px; padding: 10px 14px; margin: 12px 0; }
    .cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 12px 0 20px; }
    .card { flex: 1 1 120px; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
    .card .n { font-size: 28px; font-weight: 700; } .card .l { color: var(--muted); font-size: 13px; }
    .card.met .n { color: var(--met); } .card.partial .n { color: var(--partial); } .card.missing .n { color: var(--missing); } .card.conflict .n { color: var(--conflict); }
    table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 8px 0 16px; }
    th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
    th { background: #f1f3f5; font-weight: 600; }
    .bar { height: 8px; background: #eceff3; border-radius: 4px; overflow: hidden; min-width: 80px; }
    .bar span { display: block; height: 100%; background: var(--met); }
    .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; white-space: nowrap; }
    .st-met { background: var(--met); } .st-partial { background: var(--partial); } .st-missing { background: var(--missing); } .st-conflict { background: var(--conflict); }
    .req { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; color: var(--muted); }
    .quote { font-style: italic; }
    .why { font-size: 13px; color: var(--muted); }
    .review { font-size: 13px; border-left: 3px solid #1a73e8; padding-left: 6px; display: inline-block; } .review.stale { border-left-color: var(--conflict); font-weight: 600; }
    .note { border-left: 4px solid var(--muted); background: #f4f5f7; padding: 8px 12px; margin: 12px 0; }
    .rec { border-left: 4px solid var(--line); padding: 4px 12px; margin: 10px 0 18px; }
    .rec.st-conflict-b { border-color: var(--conflict); } .rec.st-missing-b { border-color: var(--missing); } .rec.st-partial-b { border-color: var(--partial); }
    .rec p { margin: 6px 0; } .rec .src { color: var(--muted); font-size: 13px; }
    pre.statute { white-space: pre-wrap; word-wrap: break-word; font: 13.5px/1.55 Georgia, "Times New Roman", serif; background: #fbfbfc; border: 1px solid var(--line); border-radius: 6px; padding: 16px 20px; }
    mark { border-radius: 3px; padding: 0 1px; color: inherit; }
    mark.ev-met { background: #d7f0de; } mark.ev-partial { background: #fde7c2; } mark.ev-conflict { background: #ead6f5; outline: 1px solid var(--conflict); }
    mark a { color: inherit; text-decoration: none; }
    a { color: #0b57d0; }
    .legend span { margin-right: 14px; font-size: 13px; }
    .diff-closed { color: var(--met); font-weight: 600; } .diff-opened { color: var(--missing); font-weight: 600; }
    @media print {
      body { background: #fff; font-size: 11pt; } main { max-width: none; padding: 0; }
      h2 { page-break-after: avoid; } tr, .rec { page-break-inside: avoid; }
      a { color: inherit; text-decoration: none; }
      .badge, mark, .bar span, .card { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      pre.statute { border: none; padding: 0; }
    }
    """
}

import LacunaCore
